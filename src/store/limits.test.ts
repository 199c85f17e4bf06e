/** The browser refuses what it cannot simulate smoothly, with a message, and keeps what it had. */
import { describe, expect, it } from 'vitest';
import { fakeEngine } from '../ui/test/fakeSimulation';
import { VALID_SOURCE } from '../ui/test/fixtures';
import { createAppStore } from './createAppStore';
import { MAX_FILE_CHARS, MAX_RESOURCES, scenarioTooLarge } from './limits';

/** A raw scenario with `n` resources in groups of 100 (only counted, never validated). */
function withResources(n: number): Record<string, unknown> {
  const groups = Array.from({ length: Math.ceil(n / 100) }, (_, g) => ({
    name: `G${g}`,
    resources: Array.from({ length: Math.min(100, n - g * 100) }, (_, i) => ({ name: `G${g}R${i}` })),
  }));
  return { format: 'failover-scenario@1', name: 'big', nodes: [{ name: 'N1' }], groups };
}

describe('size limits of the browser app', () => {
  it('counts resources across groups: the limit itself is allowed, one more is not', () => {
    expect(scenarioTooLarge(withResources(MAX_RESOURCES))).toBeNull();
    expect(scenarioTooLarge(withResources(MAX_RESOURCES + 1))).toMatch(
      /the scenario has 20,001 resources; the browser app simulates up to 20,000 .*npm run simulate/,
    );
    expect(scenarioTooLarge('not a scenario')).toBeNull(); // left to validation
  });

  it('a scenario with too many resources is refused with the reason; the current one stays', () => {
    const store = createAppStore({ engine: fakeEngine }, VALID_SOURCE);
    expect(store.getState().loadScenario(withResources(MAX_RESOURCES + 1), { origin: '"big.json"' })).toBe(false);
    const s = store.getState();
    expect(s.scenario.name).toBe('Test cluster');
    expect(s.loadError?.origin).toBe('"big.json"');
    expect(s.loadError?.issues[0]?.message).toMatch(/20,001 resources/);
  });

  it('a file too large to open is refused before it is parsed', () => {
    const store = createAppStore({ engine: fakeEngine }, VALID_SOURCE);
    const text = ' '.repeat(MAX_FILE_CHARS + 1);
    expect(store.getState().loadScenarioText(text, '"huge.json"')).toBe(false);
    expect(store.getState().loadError?.issues[0]).toEqual({
      path: '(file)',
      message: expect.stringMatching(/the file is 16\.0 MB; the browser app opens scenario files up to 16\.0 MB/),
    });
    expect(store.getState().scenario.name).toBe('Test cluster');
  });
});
