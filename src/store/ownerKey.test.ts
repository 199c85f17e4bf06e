import { describe, expect, it } from 'vitest';
import { selectOwnerKey } from './selectors';
import type { AppState } from './types';

const state = (groups: { name: string; owner: string | null; state: string }[]) =>
  ({ view: { groups } }) as unknown as AppState;

describe('selectOwnerKey (the canvas re-lays out only when an owner changes)', () => {
  const a = { name: 'A', owner: 'N1', state: 'Online' };
  const b = { name: 'B', owner: 'N2', state: 'Online' };

  it('keeps the key when only a state changed, and changes it when an owner did', () => {
    const k0 = selectOwnerKey(state([a, b]));
    expect(selectOwnerKey(state([a, { ...b, state: 'Pending' }]))).toBe(k0);
    const moved = selectOwnerKey(state([a, { ...b, owner: 'N1' }]));
    expect(moved).not.toBe(k0);
    expect(selectOwnerKey(state([a, { ...b, owner: null }]))).not.toBe(moved);
    expect(selectOwnerKey(state([a, b]))).toBe(k0);
  });

  it('a list of another length is keyed afresh', () => {
    expect(selectOwnerKey(state([a]))).toBe('N1');
    expect(selectOwnerKey(state([a, b, { name: 'C', owner: 'N3', state: 'Online' }]))).toBe('N1\u0000N2\u0000N3');
  });
});
