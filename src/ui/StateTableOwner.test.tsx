// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createSimulation, validateScenario } from '../engine';
import { StoreProvider } from '../store/context';
import { realStore } from '../store/test/realStore';
import { StateTable } from './StateTable';

const QUORUM = {
  format: 'failover-scenario@1',
  name: 'Quorum lost',
  seed: 1,
  until: 300000,
  nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
  groups: [{ name: 'App', preferredOwners: ['N2'], resources: [{ name: 'Disk', type: 'Physical Disk' }] }],
  script: [
    { at: 20000, action: 'crashNode', node: 'N1' },
    { at: 20000, action: 'crashNode', node: 'N3' },
  ],
};

describe('the Cluster state table after QuorumLost', () => {
  it("shows final's owner (none) and keeps the remembered one apart", () => {
    const store = realStore(QUORUM);
    render(
      <StoreProvider store={store}>
        <StateTable />
      </StoreProvider>,
    );
    act(() => store.getState().runToEnd());
    const v = validateScenario(QUORUM);
    if (!v.ok) throw new Error('invalid');
    const sim = createSimulation(v.scenario);
    sim.advanceTo(v.scenario.until);
    expect(sim.final().groups.App!.owner).toBeNull();
    for (const name of ['App', 'Disk']) {
      const cells = within(screen.getByRole('button', { name }).closest('tr')!).getAllByRole('cell');
      expect(cells[3]).toHaveTextContent(/^$/);
      expect(cells[3]).toHaveAttribute('data-last-owner', 'N2');
    }
  });
});
