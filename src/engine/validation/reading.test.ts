/**
 * Contract §1 as amended by issue 7: a file that is not valid UTF-8, or whose objects repeat a key,
 * is refused with the place named (`groups[0]: duplicate key "name"`).
 */
import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from './duplicateKeys';
import { formatIssues, parseScenarioBytes, parseScenarioText, readScenarioJson } from './index';
import { firstInvalidUtf8 } from './utf8';
import { baseScenario } from './testkit';

const lines = (text: string) => {
  const r = parseScenarioText(text);
  return r.ok ? [] : formatIssues(r.errors).split('\n');
};

/** The base scenario's text with `fragment` spliced in right after `anchor`'s first occurrence. */
function splice(anchor: string, fragment: string): string {
  const text = JSON.stringify(baseScenario(), null, 2);
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`no ${anchor} in the base scenario`);
  return text.slice(0, at + anchor.length) + fragment + text.slice(at + anchor.length);
}

describe('a key repeated within one object', () => {
  it('is refused at the object, in the contract’s words: groups[0]: duplicate key "name"', () => {
    expect(lines(splice('"name": "SQL",', ' "name": "SQL2",'))).toEqual(['groups[0]: duplicate key "name"']);
  });

  it('at the top level', () => {
    const text = `{"format": "failover-scenario@1", "name": "A", "seed": 1, "name": "B"}`;
    expect(lines(text)).toEqual(['(root): duplicate key "name"']);
  });

  it('inside nodes[1]', () => {
    expect(lines(splice('"name": "NODE2"', ', "name": "NODE2"'))).toEqual(['nodes[1]: duplicate key "name"']);
  });

  it('inside groups[0].resources[2].properties, even with the same value', () => {
    const s = baseScenario();
    s.groups[0].resources[2].properties = { RestartDelay: 100 };
    const text = JSON.stringify(s).replace(
      '"RestartDelay":100',
      '"RestartDelay":100,"RestartThreshold":2,"RestartDelay":100',
    );
    expect(lines(text)).toEqual(['groups[0].resources[2].properties: duplicate key "RestartDelay"']);
  });

  it('inside a script entry, and every repeat in document order', () => {
    const s = baseScenario();
    s.script.push({ at: 0, action: 'heal', resource: 'SQL IP' });
    const text = JSON.stringify(s)
      .replace('"at":0,', '"at":0,"at":1,')
      .replace('"format":"failover-scenario@1",', '"format":"failover-scenario@1","format":"x",')
      .replace('"name":"NODE3"', '"name":"NODE3","name":"NODE3","name":"NODE3"');
    expect(lines(text)).toEqual([
      '(root): duplicate key "format"',
      'nodes[2]: duplicate key "name"',
      'nodes[2]: duplicate key "name"',
      'script[1]: duplicate key "at"',
    ]);
  });

  it('names keys that are not identifiers in brackets, deep inside ui', () => {
    const text = splice(
      '"format": "failover-scenario@1",',
      ' "ui": { "positions": { "SQL Disk": { "x": 1, "y": 2, "x": 3 } } },',
    );
    expect(lines(text)).toEqual(['ui.positions["SQL Disk"]: duplicate key "x"']);
  });

  it('compares keys as JSON reads them (escapes decoded), and exactly (letter case matters)', () => {
    expect(lines(splice('"name": "NODE1"', ', "na\\u006de": "X"'))).toEqual(['nodes[0]: duplicate key "name"']);
    expect(lines(splice('"name": "NODE1"', ', "Name": "X"'))).toEqual([
      'nodes[0].Name: node "NODE1" has unknown key "Name"; did you mean "name"?',
    ]);
  });

  it('is not fooled by quotes, backslashes, brackets and key-like text inside strings', () => {
    const s = baseScenario();
    s.description = 'a "quoted" } ] { [ , "name": "x" \\ and a trailing backslash \\';
    s.nodes[0].name = 'N\\"1", "name": "';
    s.groups[0].ownerNode = null;
    s.groups[0].preferredOwners = [];
    s.groups[0].resources[3].possibleOwners = [];
    s.script = [];
    const r = parseScenarioText(JSON.stringify(s, null, 2));
    if (!r.ok) throw new Error(formatIssues(r.errors));
    expect(r.scenario.nodes[0]!.name).toBe('N\\"1", "name": "');
  });

  it('is not a repeat in sibling objects or at different depths', () => {
    const text = `{"format": "failover-scenario@1", "nodes": [{"name": "A"}, {"name": "B"}],
      "groups": [{"name": "G", "properties": {"Priority": 1000}, "resources": [{"name": "R", "properties": {"RestartDelay": 9}}]}]}`;
    expect(parseScenarioText(text).ok).toBe(true);
  });

  it('works for keys such as __proto__ and constructor (names are data)', () => {
    expect(lines(`{"format": "failover-scenario@1", "__proto__": 1, "constructor": 2, "__proto__": 3}`)).toEqual([
      '(root): duplicate key "__proto__"',
    ]);
    expect(lines(`{"format": "failover-scenario@1", "toString": 1, "hasOwnProperty": 2}`)).toEqual([
      'toString: the scenario has unknown key "toString"',
      'hasOwnProperty: the scenario has unknown key "hasOwnProperty"',
    ]);
  });

  it('lists the first 100 and counts the rest', () => {
    const keys = Array.from({ length: 150 }, () => '"seed": 1').join(', ');
    const out = lines(`{"format": "failover-scenario@1", ${keys}}`);
    expect(out).toHaveLength(101);
    expect(out[0]).toBe('(root): duplicate key "seed"');
    expect(out[100]).toBe('(file): 49 more duplicate keys (only the first 100 are listed)');
  });

  it('a JSON syntax error is still reported as such, before any key check', () => {
    expect(lines('{"format": "failover-scenario@1", "name": "a", "name": }')[0]).toMatch(/^\(file\): invalid JSON/);
  });

  it('scans in one linear pass: deep nesting and 200,000 keys', () => {
    const deep = '['.repeat(100000) + '{"a": 1, "a": 2}' + ']'.repeat(100000);
    const found = findDuplicateKeys(deep).found;
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toHaveLength(100000);
    expect(found[0]!.path[99999]).toBe(0);
    const wide = `{${Array.from({ length: 200000 }, (_, i) => `"k${i}": ${i}`).join(',')}, "k7": 0}`;
    const t0 = performance.now();
    expect(findDuplicateKeys(wide)).toEqual({ found: [{ path: [], key: 'k7', offset: wide.length - 8 }], total: 1 });
    // Generous: the pass takes a few ms; a quadratic one would take minutes.
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('text that is not UTF-8', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const valid = JSON.stringify(baseScenario(), null, 2);

  it('bytes: valid UTF-8 is read, with non-ASCII names, and a UTF-8 byte order mark is dropped', () => {
    const text = valid.replace(/NODE3/g, 'NÖDE-三-😀');
    const bytes = enc(text);
    const r = parseScenarioBytes(bytes);
    expect(r.ok && r.scenario.nodes[2]!.name).toBe('NÖDE-三-😀');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(parseScenarioBytes(withBom).ok).toBe(true);
    expect(parseScenarioText('\uFEFF' + text).ok).toBe(true);
  });

  it('an invalid byte is refused, naming its byte offset and line', () => {
    const bytes = enc(valid);
    const offset = valid.indexOf('NODE2') + 1; // the "O" of NODE2, on line 9
    bytes[offset] = 0xff;
    const r = parseScenarioBytes(bytes);
    expect(!r.ok && r.errors).toEqual([
      {
        path: '(file)',
        message: `the file is not valid UTF-8: at byte offset ${offset} (line 9, byte 17 of the line) byte 0xFF is not valid there; save the file as UTF-8`,
      },
    ]);
  });

  it('overlong forms, surrogates, code points above U+10FFFF, a lone continuation byte, a cut-off character', () => {
    const at = (...b: number[]) => firstInvalidUtf8(new Uint8Array([0x41, ...b, 0x42]));
    expect(at(0xc3, 0xa9)).toBeNull(); // é
    expect(at(0xf0, 0x9f, 0x98, 0x80)).toBeNull(); // 😀
    expect(at(0xc0, 0xaf)).toEqual({ offset: 1, end: 2, truncated: false }); // overlong "/"
    expect(at(0xe0, 0x80, 0xaf)).toEqual({ offset: 1, end: 3, truncated: false }); // overlong
    expect(at(0xed, 0xa0, 0x80)).toEqual({ offset: 1, end: 3, truncated: false }); // U+D800
    expect(at(0xf4, 0x90, 0x80, 0x80)).toEqual({ offset: 1, end: 3, truncated: false }); // U+110000
    expect(at(0x80)).toEqual({ offset: 1, end: 2, truncated: false });
    expect(at(0xe2, 0x28, 0xa1)).toEqual({ offset: 1, end: 3, truncated: false });
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x82]))).toEqual({ offset: 1, end: 3, truncated: true });
    const r = parseScenarioBytes(new Uint8Array([...enc('{"format": "€'), 0xe2, 0x82]));
    expect(!r.ok && r.errors[0]!.message).toBe(
      'the file is not valid UTF-8: it ends inside a character (at byte offset 15 (line 1, byte 16 of the line): 0xE2 0x82); save the file as UTF-8',
    );
    const two = parseScenarioBytes(new Uint8Array([...enc('{\n"name": "'), 0xe2, 0x28, 0xa1, ...enc('"}')]));
    expect(!two.ok && two.errors[0]!.message).toBe(
      'the file is not valid UTF-8: at byte offset 11 (line 2, byte 10 of the line) bytes 0xE2 0x28 are not a UTF-8 character; save the file as UTF-8',
    );
  });

  it('a UTF-16 file (what Windows PowerShell 5.1 writes with >) is named as such', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(enc('{}'), (b) => [b, 0]).flat()]);
    const r = parseScenarioBytes(utf16);
    expect(!r.ok && r.errors).toEqual([
      {
        path: '(file)',
        message:
          'the file is UTF-16 LE (it starts with the byte order mark 0xFF 0xFE), not UTF-8; save it as UTF-8 (in PowerShell: Out-File -Encoding utf8)',
      },
    ]);
  });

  it('text holding a lone surrogate (no UTF-8 file can) is refused with its line and column', () => {
    const text = valid.replace('"NODE2"', '"NO\uD800DE2"');
    expect(lines(text)).toEqual([
      '(file): the file is not valid UTF-8: line 9, column 18 holds a lone UTF-16 surrogate (U+D800), which no UTF-8 file can contain',
    ]);
    // An escaped surrogate is valid JSON text in a valid UTF-8 file: it is only a (strange) name.
    expect(parseScenarioText(valid.replace('"NODE3"', '"NO\\uD800DE3"')).ok).toBe(true);
  });

  it('anything but bytes is refused, not thrown', () => {
    expect(parseScenarioBytes('{}' as unknown as Uint8Array)).toEqual({
      ok: false,
      errors: [{ path: '(file)', message: 'the scenario file must be bytes (a Uint8Array)' }],
    });
  });
});

describe('readScenarioJson (for callers that keep the raw source)', () => {
  it('gives the JSON of UTF-8 bytes or text, without validating it', () => {
    const bytes = new TextEncoder().encode('\uFEFF{"format": "x", "nodes": [{"name": "NÖDE"}]}');
    expect(readScenarioJson(bytes)).toEqual({ ok: true, json: { format: 'x', nodes: [{ name: 'NÖDE' }] } });
    expect(readScenarioJson('{"a": 1}')).toEqual({ ok: true, json: { a: 1 } });
  });

  it('refuses what parseScenarioBytes refuses before validation, with the same issues', () => {
    const dup = '{"format": "failover-scenario@1", "groups": [{"name": "A", "name": "B"}]}';
    expect(readScenarioJson(dup)).toEqual({
      ok: false,
      errors: [{ path: 'groups[0]', message: 'duplicate key "name"' }],
    });
    const bad = new Uint8Array([0x7b, 0xff, 0x7d]);
    expect(readScenarioJson(bad)).toEqual(parseScenarioBytes(bad));
    expect(readScenarioJson('{').ok).toBe(false);
    expect(readScenarioJson(5 as unknown as string)).toEqual({
      ok: false,
      errors: [{ path: '(file)', message: 'the scenario file must be text or bytes' }],
    });
  });
});
