import fc from 'fast-check';
import { asArray, asName, jsonSyntaxError, readEnum, readInt } from './psJson';

describe('psJson readers', () => {
  it('asArray: absent, single item, array, 5.1 wrapper', () => {
    expect(asArray(undefined)).toEqual([]);
    expect(asArray(null)).toEqual([]);
    expect(asArray('N1')).toEqual(['N1']);
    expect(asArray(['a', 'b'])).toEqual(['a', 'b']);
    expect(asArray({ value: ['a'], Count: 1 })).toEqual(['a']);
  });
  it('asName: cut-off string or object', () => {
    expect(asName('NODE1')).toBe('NODE1');
    expect(asName({ Name: 'NODE1', Id: '1' })).toBe('NODE1');
    expect(asName(3)).toBeNull();
  });
  it('readInt / readEnum', () => {
    expect(readInt('4294967295')).toEqual({ ok: true, value: 4294967295 });
    expect(readInt(true)).toEqual({ ok: true, value: 1 });
    expect(readInt(1.5).ok).toBe(false);
    expect(readEnum('paused', { Up: 0, Paused: 2 })).toEqual({ ok: true, value: 2 });
    expect(readEnum(2, { Up: 0 })).toEqual({ ok: true, value: 2 });
    expect(readEnum('Sideways', { Up: 0 }).ok).toBe(false);
  });
  it('jsonSyntaxError agrees with JSON.parse', () => {
    const parses = (t: string) => {
      try {
        JSON.parse(t);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(fc.property(fc.json(), (t) => jsonSyntaxError(t) === null));
    fc.assert(fc.property(fc.string(), (t) => (jsonSyntaxError(t) === null) === parses(t)));
    fc.assert(
      fc.property(fc.json(), fc.nat(), (t, cut) => {
        const s = t.slice(0, cut % (t.length + 1));
        return (jsonSyntaxError(s) === null) === parses(s);
      }),
    );
  });
});
