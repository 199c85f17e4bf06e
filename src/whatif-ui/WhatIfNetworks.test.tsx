// @vitest-environment jsdom
/** The what-if lab sweeps networks.md's faults (issue 12 point 5): families, their runs and their words. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createAppStore } from '../store/createAppStore';
import { StoreProvider } from '../store/context';
import { engine } from '../app/engine';
import { twoGroups, twoSites } from '../sweep/fixtures.testutil';
import { describeFault } from '../sweep/words';
import { WhatIfMode } from './index';
import { templatesOf } from './model';
import { inThreadRunner } from './pool';

function setup(source: unknown) {
  const store = createAppStore({ engine }, source);
  render(
    <StoreProvider store={store}>
      <WhatIfMode runner={inThreadRunner} onBack={() => {}} onOpenRun={() => {}} />
    </StoreProvider>,
  );
  return userEvent.setup();
}

describe('what-if lab: network faults', () => {
  it('offers the network families only for a scenario with networks; a graceful stop everywhere', () => {
    setup(twoGroups({ nodes: 3 }));
    for (const name of [/Node cut off by a partition/, /Network failure/, /Interface failure/]) {
      const box = screen.getByRole('checkbox', { name });
      expect(box).toBeDisabled();
      expect(box.closest('label')).toHaveTextContent('(needs networks)');
    }
    expect(screen.getByRole('checkbox', { name: 'Graceful stop' })).toBeEnabled();
    expect(templatesOf(['crash', 'network', 'stop'], false)).toEqual([{ action: 'crashNode' }, { action: 'stopNode' }]);
  });

  it('sweeps every network failure, every isolated node and every interface of a two-site design', async () => {
    const user = setup(twoSites());
    // Defaults: 4 crashes, 5 resource failures, 5 hangs.
    expect(screen.getByText(/^14 runs: each fault alone/)).toBeInTheDocument();
    for (const name of ['Network failure', 'Node cut off by a partition', 'Interface failure', 'Graceful stop'])
      await user.click(screen.getByRole('checkbox', { name }));
    // + 3 networks, 4 isolations, 8 interfaces, 4 stops.
    expect(screen.getByText(/^33 runs: each fault alone/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    await screen.findByTestId('sweep-summary');
    const matrix = screen.getByRole('region', { name: 'Downtime by fault and group' });
    const faults = within(matrix)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    for (const words of [
      'failure of network HB',
      'failure of the interface of N3 on NYC-LAN',
      'N4 cut off by a partition',
      'graceful stop of N1',
    ])
      expect(faults.some((f) => f?.startsWith(words))).toBe(true);
  }, 60_000);

  it("names each network fault in words (the registry's; a partition says who is cut off and who reaches the witness)", () => {
    expect(describeFault({ action: 'partition', sides: [['N1'], ['N2', 'N3']] })).toBe('N1 cut off by a partition');
    expect(describeFault({ action: 'partition', sides: [['N1'], ['N2', 'N3']], witness: [1] })).toBe(
      'N1 cut off by a partition (witness reached by N2, N3)',
    );
    expect(
      describeFault({
        action: 'partition',
        sides: [
          ['N1', 'N2'],
          ['N3', 'N4'],
        ],
        witness: [],
      }),
    ).toBe('partition N1, N2 | N3, N4 (witness reached by no side)');
    expect(describeFault({ action: 'healPartition' })).toBe('partition healed');
    expect(describeFault({ action: 'restoreNetwork', network: 'HB' })).toBe('restore of network HB');
    expect(describeFault({ action: 'restoreInterface', node: 'N1', network: 'HB' })).toBe(
      'restore of the interface of N1 on HB',
    );
  });
});
