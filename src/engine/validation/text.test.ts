/** parseScenarioText, formatIssues and the contract's own example. */
import { describe, expect, it } from 'vitest';
import { formatIssues, parseScenarioText, validateScenario } from './index';
import { describeJsonError, lineColumn } from './json';

/** The example of scenario-format.md §1, verbatim. */
const CONTRACT_EXAMPLE = `{
  "format": "failover-scenario@1",
  "name": "SQL Server on three nodes",
  "description": "optional free text",
  "seed": 1,
  "until": 3600000,
  "cluster": {
    "startTime": "00:00",
    "properties": { "SameSubnetDelay": 1000, "SameSubnetThreshold": 10 },
    "quorum": { "witness": "none", "DynamicQuorum": 1 }
  },
  "nodes": [
    { "name": "NODE1" },
    { "name": "NODE2", "state": "Up", "properties": { "NodeWeight": 1 }, "behavior": { "joinMs": 5000 } },
    { "name": "NODE3" }
  ],
  "groups": [
    {
      "name": "SQL",
      "ownerNode": "NODE1",
      "preferredOwners": ["NODE1", "NODE2"],
      "persistentState": "online",
      "properties": { "FailoverThreshold": 2, "FailoverPeriod": 6, "AutoFailbackType": 0,
                      "FailbackWindowStart": -1, "FailbackWindowEnd": -1, "Priority": 2000,
                      "AntiAffinityClassNames": [] },
      "resources": [
        { "name": "SQL Disk", "type": "Physical Disk" },
        { "name": "SQL IP", "type": "IP Address", "dependsOn": ["SQL Disk"] },
        { "name": "SQL Name", "type": "Network Name", "dependsOn": "[SQL IP]" },
        { "name": "SQL Server", "type": "SQL Server", "dependsOn": "[SQL Name] and [SQL Disk]",
          "possibleOwners": ["NODE1", "NODE2"],
          "properties": { "RestartAction": 2, "RestartThreshold": 1, "RestartPeriod": 900000,
                          "RestartDelay": 500, "RetryPeriodOnFailure": 3600000,
                          "PendingTimeout": 180000, "DeadlockTimeout": 300000,
                          "LooksAlivePollInterval": 5000, "IsAlivePollInterval": 60000,
                          "SeparateMonitor": 0 },
          "behavior": { "onlineMs": 3000, "offlineMs": 1000 } }
      ]
    }
  ],
  "script": [
    { "at": 60000, "action": "crashNode", "node": "NODE1" },
    { "at": 300000, "action": "setHealth", "resource": "SQL Server", "isAlive": "fail" }
  ]
}`;

describe('parseScenarioText', () => {
  it('accepts the contract example', () => {
    const r = parseScenarioText(CONTRACT_EXAMPLE);
    if (!r.ok) throw new Error(formatIssues(r.errors));
    expect(r.scenario.groups[0]!.properties.FailoverThreshold).toBe(2);
    expect(r.scenario.groups[0]!.resources[3]!.behavior).toEqual({ onlineMs: 3000, offlineMs: 1000 });
    expect(r.scenario.script[1]).toEqual({ at: 300000, action: 'setHealth', resource: 'SQL Server', isAlive: 'fail' });
  });

  it('reports a JSON syntax error as one issue at (file) with line and column', () => {
    const r = parseScenarioText('{\n  "format": "failover-scenario@1",\n  }');
    expect(r).toEqual({
      ok: false,
      errors: [{ path: '(file)', message: expect.stringMatching(/^invalid JSON at line 3, column 3: /) }],
    });
  });

  it('handles empty text and a byte-order mark', () => {
    const empty = parseScenarioText('');
    expect(!empty.ok && empty.errors).toEqual([
      { path: '(file)', message: expect.stringMatching(/^invalid JSON at line 1, column 1: /) },
    ]);
    expect(parseScenarioText('\uFEFF{"format":"failover-scenario@1"}').ok).toBe(true);
  });

  it('validates parsed JSON like validateScenario', () => {
    const r = parseScenarioText('{"format":"failover-scenario@1","nodes":[{"name":"A"},{"name":"a"}]}');
    expect(r).toEqual(validateScenario({ format: 'failover-scenario@1', nodes: [{ name: 'A' }, { name: 'a' }] }));
    expect(r.ok).toBe(false);
  });

  it('never throws, even on non-string input', () => {
    expect(parseScenarioText(undefined as unknown as string).ok).toBe(false);
    expect(parseScenarioText('['.repeat(100000)).ok).toBe(false);
  });
});

describe('JSON error messages from different engines', () => {
  const text = '{\n  "a": 1\n  "b": 2\n}';
  it('V8 "at position N"', () => {
    expect(describeJsonError(text, "Expected ',' or '}' after property value in JSON at position 13")).toBe(
      "invalid JSON at line 3, column 3: Expected ',' or '}' after property value",
    );
  });
  it('V8 with "(line L column C)"', () => {
    expect(
      describeJsonError(text, "Expected ',' or '}' after property value in JSON at position 13 (line 3 column 3)"),
    ).toBe("invalid JSON at line 3, column 3: Expected ',' or '}' after property value");
  });
  it('Firefox "at line L column C of the JSON data"', () => {
    expect(
      describeJsonError(
        text,
        "JSON.parse: expected ',' or '}' after property value in object at line 3 column 3 of the JSON data",
      ),
    ).toBe("invalid JSON at line 3, column 3: expected ',' or '}' after property value in object");
  });
  it('no position at all', () => {
    expect(describeJsonError(text, 'Something odd')).toBe('invalid JSON: Something odd');
  });
  it('lineColumn is 1-based', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('formatIssues', () => {
  it('writes one line per issue: path: message', () => {
    expect(
      formatIssues([
        { path: 'format', message: 'a' },
        { path: 'groups[0].name', message: 'b "x"' },
      ]),
    ).toBe('format: a\ngroups[0].name: b "x"');
    expect(formatIssues([])).toBe('');
  });

  it('keeps user text as text (no HTML is built)', () => {
    const r = validateScenario({ format: 'failover-scenario@1', nodes: [{ name: '<b>x</b>' }, { name: '<B>X</B>' }] });
    expect(!r.ok && formatIssues(r.errors)).toContain('node "<B>X</B>" has the same name as node "<b>x</b>"');
  });
});
