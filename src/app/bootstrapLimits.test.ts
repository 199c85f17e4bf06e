/** A share link whose scenario is too big for the browser opens the fallback and says why. */
import { describe, expect, it } from 'vitest';
import { fakeEngine } from '../ui/test/fakeSimulation';
import { encodeShareHash } from '../store/session';
import { MAX_RESOURCES } from '../store/limits';
import { bootstrap } from './bootstrap';

const withResources = (n: number) => ({
  format: 'failover-scenario@1',
  name: 'big',
  nodes: [{ name: 'N1' }],
  groups: [{ name: 'G', resources: Array.from({ length: n }, (_, i) => ({ name: `R${i}` })) }],
});

describe('bootstrap size limit', () => {
  it('a share link with too many resources opens the fallback and says why', () => {
    const storage = { load: () => null, save: () => {} };
    const hash = encodeShareHash(withResources(MAX_RESOURCES + 1), []);
    const { store } = bootstrap({ engine: fakeEngine, storage, hash });
    expect(store.getState().scenario.name).not.toBe('big');
    expect(store.getState().loadError).toEqual({
      origin: 'the share link',
      issues: [{ path: '(scenario)', message: expect.stringMatching(/20,001 resources/) }],
    });
  });
});
