import { parseWsfcDependencyText } from './wsfcDependencyText';

describe('parseWsfcDependencyText (what a real cluster reports)', () => {
  it.each([
    ['', []],
    ['[A]', [['A']]],
    ['([A])', [['A']]],
    ['([Cluster Disk 2]) and ([SQL Network Name (SQLFCI)])', [['Cluster Disk 2'], ['SQL Network Name (SQLFCI)']]],
    ['[IP Address 151.56.48.0] or [New IP Address]', [['IP Address 151.56.48.0', 'New IP Address']]],
    ['(([A]) OR ([B])) AND [C]', [['A', 'B'], ['C']]],
    ['[IP Address 2001:4898:9:2:: (3)] and [x and y]', [['IP Address 2001:4898:9:2:: (3)'], ['x and y']]],
    ['  [A]\tand\n([B] or [C] or [D])  ', [['A'], ['B', 'C', 'D']]],
  ])('%j', (text, sets) => {
    expect(parseWsfcDependencyText(text)).toEqual({ ok: true, sets });
  });

  it.each([
    ['[A', /no closing "\]" .*column 1|column 1/],
    ['[A] and', /ends where/],
    ['[A] and [B] or [C]', /column 13 mixes "and" and "or"/],
    ['([A] and [B]) or [C]', /ANDs of ORs/],
    ['([A]', /expected "\)"/],
    ['[A] xor [B]', /unexpected "xor" at column 5/],
    ['[]', /empty name/],
  ])('rejects %j with the place', (text, message) => {
    const r = parseWsfcDependencyText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('reads a name holding "]" when the names are known (WSFC writes it verbatim)', () => {
    expect(parseWsfcDependencyText('[Disk [A]]', ['Disk [A]', 'App'])).toEqual({ ok: true, sets: [['Disk [A]']] });
    expect(parseWsfcDependencyText('([a]b]) and ([a] or [C])', ['a]b', 'a'])).toEqual({
      ok: true,
      sets: [['a]b'], ['a', 'C']],
    });
    expect(parseWsfcDependencyText('[Disk [A]]').ok).toBe(false);
  });
});
