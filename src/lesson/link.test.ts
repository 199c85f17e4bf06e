import { describe, expect, it } from 'vitest';
import { decodeLessonHash, encodeLessonHash } from './link';

const IDS = ['L01', 'L02'];

describe('#lesson= links', () => {
  it('a built-in id', () => {
    expect(decodeLessonHash('#lesson=L02', IDS)).toEqual({ kind: 'builtin', id: 'L02' });
  });
  it('a compressed file round-trips, names included verbatim', () => {
    const src = { format: 'failover-scenario@1', name: 'Ünïcode <b>x</b> + plus', ui: { lesson: { id: 'X' } } };
    expect(decodeLessonHash(encodeLessonHash(src), IDS)).toEqual({ kind: 'file', source: src });
  });
  it('errors: no such built-in, garbage, empty; other hashes are not lesson links', () => {
    expect(decodeLessonHash('#lesson=L99', IDS)).toEqual({
      kind: 'error',
      message: 'no built-in lesson is named "L99" (L01, L02)',
    });
    expect(decodeLessonHash('#lesson=%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%', IDS).kind).toBe('error');
    expect(decodeLessonHash('#lesson=', IDS)).toEqual({ kind: 'error', message: 'the link names no lesson' });
    expect(decodeLessonHash('#scenario=abc', IDS)).toEqual({ kind: 'none' });
  });
});
