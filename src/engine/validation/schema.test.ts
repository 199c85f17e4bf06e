/** The zod schemas behind validateScenario, usable level by level (the editor's inline checks). */
import { describe, expect, it } from 'vitest';
import { NodeSchema, ScenarioSchema, ScriptEntrySchema, settingsSchema } from './index';
import { baseScenario, issuesOf } from './testkit';

describe('zod schemas', () => {
  it('one level at a time, with defaults applied and the "must be" phrase as the message', () => {
    expect(NodeSchema.parse({ name: 'A' })).toEqual({
      name: 'A',
      id: 0,
      state: 'Up',
      properties: { NodeWeight: 1 },
      behavior: { joinMs: 5000 },
      explicit: [],
    });
    const bad = settingsSchema('group').safeParse({ Priority: 5000 });
    expect(!bad.success && bad.error.issues.map((i) => [i.path, i.message])).toEqual([
      [['Priority'], 'an integer from 0 to 4999'],
    ]);
    expect(ScriptEntrySchema.safeParse({ at: 0, action: 'crashNode', node: 'NODE1' }).success).toBe(true);
    expect(ScriptEntrySchema.safeParse({ at: 0, action: 'crashNode' }).success).toBe(false);
  });

  it("the whole file parses to the scenario (names and references are validateScenario's second pass)", () => {
    const r = ScenarioSchema.safeParse(baseScenario());
    expect(r.success && r.data.groups[0]!.resources[3]!.dependsOn).toEqual([['SQL Name'], ['SQL Disk']]);
    expect(r.success && r.data.until).toBe(60000 + 3600000);
  });

  it("a cross-field issue sits at its key's place in the file", () => {
    const s = baseScenario();
    s.groups[0].resources[3].properties = { RetryPeriodOnFailure: 1000, RestartDelay: 'x' };
    expect(issuesOf(s).map((e) => e.path)).toEqual([
      'groups[0].resources[3].properties.RetryPeriodOnFailure',
      'groups[0].resources[3].properties.RestartDelay',
    ]);
  });

  it('a bad action still gets its "at" checked, and a missing argument is reported after the others', () => {
    const s = baseScenario();
    s.script = [
      { at: -1, action: 'nope' },
      { at: 0, action: 'setOnline', resource: 'NOPE' },
    ];
    expect(issuesOf(s).map((e) => e.path)).toEqual([
      'script[0].at',
      'script[0].action',
      'script[1].resource',
      'script[1].result',
    ]);
  });
});
