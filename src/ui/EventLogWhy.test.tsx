// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StoreProvider } from '../store/context';
import { realStore, SICK_SOURCE } from '../store/test/realStore';
import { EventLog } from './EventLog';
import { Inspector } from './Inspector';

function setup() {
  const store = realStore(SICK_SOURCE);
  render(
    <StoreProvider store={store}>
      <EventLog />
      <Inspector />
    </StoreProvider>,
  );
  act(() => store.getState().runToEnd());
  return store;
}

describe('the whole why in the log', () => {
  it('the FailoverStarted row says its reason once, and its tooltip is its text', async () => {
    setup();
    await userEvent.click(screen.getByRole('checkbox', { name: 'only decisions' }));
    const row = screen.getByRole('button', { name: /^t=0:51\.500 · policy · FailoverStarted · App/ });
    const text = row.textContent ?? '';
    expect(text).toBe(
      't=0:51.500 · policy · FailoverStarted · App — resource "App Service" exceeded its RestartThreshold: failing over to "N2" (next in the walk after the current owner: first possible owner by node ID after the preferred list)',
    );
    expect(text.split('exceeded its RestartThreshold')).toHaveLength(2);
    expect(row).toHaveAttribute('title', text);
  });

  it('a row opens in place with the decision panel, and closes on a second click; the inspector shows the same', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('checkbox', { name: 'only decisions' }));
    const row = screen.getByRole('button', { name: /^t=0:51\.500 · policy · FailoverStarted/ });
    await userEvent.click(row);
    expect(row).toHaveAttribute('aria-expanded', 'true');
    const log = screen.getByRole('list', { name: 'Trace events' });
    const panel = within(log).getByRole('group', { name: 'Why: FailoverStarted · App' });
    expect(panel).toHaveTextContent('failover 1 of 2 in 6 h'); // the detail, once, in the panel
    expect(
      within(panel)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['t=0:51.500 failover N1 → N2 (this decision)']);
    expect(store.getState().selected).toEqual({ kind: 'group', name: 'App' });
    expect(store.getState().view.t).toBe(51_500);
    // The group's latest decision at 0:51.500 is this one (the owner change comes at 0:52.500).
    const inspector = screen.getByRole('complementary', { name: 'Inspector' });
    expect(within(inspector).getByRole('group', { name: 'Why: FailoverStarted · App' })).toBeTruthy();
    await userEvent.click(row);
    expect(row).toHaveAttribute('aria-expanded', 'false');
    expect(within(log).queryByRole('group')).toBeNull();
  });
});
