// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createAppStore } from '../store/createAppStore';
import { StoreProvider } from '../store/context';
import { encodeShareHash } from '../store/session';
import { engine } from '../app/engine';
import { twoGroups } from '../sweep/fixtures.testutil';
import { WhatIfMode } from './index';
import { inThreadRunner } from './pool';

function setup(source: unknown = twoGroups({ nodes: 3, preferred: true })) {
  const store = createAppStore({ engine }, source);
  const opened: { at: number; fault: unknown }[] = [];
  render(
    <StoreProvider store={store}>
      <WhatIfMode runner={inThreadRunner} onBack={() => {}} onOpenRun={(at, fault) => opened.push({ at, fault })} />
    </StoreProvider>,
  );
  return { store, opened, user: userEvent.setup() };
}

describe('What-if view', () => {
  it('sweeps, summarises in words, and a cell opens its run', async () => {
    const { user, opened } = setup();
    expect(screen.getByText(/^11 runs: each fault alone/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    const summary = await screen.findByTestId('sweep-summary');
    expect(summary.textContent).toMatch(/^Worst single failure: /);
    // The baseline came back too: runs are counted against the scenario without an added fault.
    expect(summary.textContent).toContain('runs cost downtime beyond the scenario without an added fault');
    const matrix = screen.getByRole('region', { name: 'Downtime by fault and group' });
    expect(within(matrix).getAllByRole('row')).toHaveLength(12);
    await user.click(screen.getByTestId('worst-cell'));
    expect(opened).toHaveLength(1);
    expect(opened[0]!.at).toBe(60_000);
  });

  it('refuses bad instants with the reason, and runs nothing', async () => {
    const { user } = setup();
    const input = screen.getByLabelText('Inject at (seconds, comma-separated)');
    await user.clear(input);
    await user.type(input, '60, 9999');
    expect(screen.getByRole('alert')).toHaveTextContent('9999 s is after the end of the run (10 min).');
    expect(screen.getByRole('button', { name: 'Run sweep' })).toBeDisabled();
  });

  it('checks: saved in ui.checks (so they travel in share links), evaluated with the failing runs', async () => {
    const { user, store, opened } = setup();
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    await screen.findByTestId('sweep-summary');
    await user.click(screen.getByRole('tab', { name: 'Checks' }));
    const box = screen.getByLabelText('Checks (JSON)');
    await user.clear(box);
    await user.click(box);
    await user.paste(JSON.stringify([{ kind: 'notSameNode', groups: ['SQL', 'SQL 2'] }]));
    await user.click(screen.getByRole('button', { name: 'Save to the scenario' }));
    expect(screen.getByRole('alert')).toHaveTextContent('[0].groups[1]: unknown group "SQL 2"; did you mean "SQL2"?');
    await user.clear(box);
    await user.click(box);
    await user.paste(
      JSON.stringify([
        { kind: 'notSameNode', groups: ['SQL', 'SQL2'] },
        { kind: 'endsIn', state: 'Online' },
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'Save to the scenario' }));
    const source = store.getState().source as { ui: { checks: unknown[] } };
    expect(source.ui.checks).toHaveLength(2);
    expect(encodeShareHash(store.getState().source, [])).toContain('#scenario=');
    const items = await screen.findAllByText(/^(PASS|FAIL)$/);
    expect(items.map((i) => i.textContent)).toEqual(['FAIL', 'PASS']);
    await user.click(screen.getByRole('button', { name: 'crash of N1 at 1 min' }));
    expect(opened.at(-1)).toEqual({ at: 60_000, fault: { action: 'crashNode', node: 'N1' } });
  });

  it('A/B: a variant file swept with the same faults, the verdict and the differences', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('tab', { name: 'Compare A/B' }));
    // B: the same design with a SQL Server that starts in 1 s instead of 5 s.
    const b = twoGroups({ nodes: 3, preferred: true }) as {
      groups: { resources: { behavior: { onlineMs: number } }[] }[];
    };
    for (const g of b.groups) g.resources[1]!.behavior.onlineMs = 1000;
    await user.upload(
      screen.getByLabelText('Scenario B file'),
      new File([JSON.stringify(b)], 'fast.json', { type: 'application/json' }),
    );
    await user.click(screen.getByRole('button', { name: 'Compare A and B' }));
    const verdict = await screen.findByTestId('ab-verdict');
    expect(verdict.textContent).toMatch(/^B is better for \d+ faults, worse for 0, the same for \d+\.$/);
    const diff = screen.getByRole('table', { name: /Where A and B differ/ });
    expect(within(diff).getAllByRole('row')[1]).toHaveTextContent(/−4 s$/);
  });

  it('A/B: one scenario under another modelling option', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('tab', { name: 'Compare A/B' }));
    await user.selectOptions(screen.getByLabelText('Modelling option for B'), '3');
    await user.click(screen.getByRole('button', { name: 'Compare A and B' }));
    expect((await screen.findByTestId('ab-verdict')).textContent).toMatch(/^(B is better|A and B give the same)/);
  });

  it('availability: years with progress, a table per group and the costliest faults; same seed, same numbers', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('tab', { name: 'Availability' }));
    const years = screen.getByLabelText('Years');
    await user.clear(years);
    await user.type(years, '4');
    await user.click(screen.getByRole('button', { name: 'Estimate availability' }));
    const table = await screen.findByRole('table', { name: /4 simulated years, seed 1/ });
    const first = within(table).getAllByRole('row')[1]!.textContent;
    await user.click(screen.getByRole('button', { name: 'Estimate availability' }));
    await waitFor(() => expect(screen.getByRole('table', { name: /4 simulated years/ })).toBeInTheDocument());
    expect(within(screen.getByRole('table', { name: /4 simulated years/ })).getAllByRole('row')[1]!.textContent).toBe(
      first,
    );
    expect(screen.getByText('Faults that cost the most downtime')).toBeInTheDocument();
  });
});
