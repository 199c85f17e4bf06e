// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EventLog } from './EventLog';
import { renderWithStore } from './test/renderWithStore';

const setup = () => {
  const r = renderWithStore(<EventLog />);
  act(() => {
    r.store.getState().seek(60_000);
    r.store.getState().apply({ action: 'crashNode', node: 'SQL-A' });
    r.store.getState().seek(100_000);
  });
  return r;
};

describe('EventLog', () => {
  it('shows readable rows with the engine reason', () => {
    setup();
    const rows = within(screen.getByRole('list', { name: 'Trace events' })).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      't=1:00.000 · action · crash node SQL-A — user action',
      't=1:10.000 · node.state · SQL-A: Up → Down — missed 10 heartbeats',
      't=1:10.000 · group.owner · SQL: SQL-A → SQL-B (failover) — owner SQL-A lost; next preferred owner',
    ]);
  });

  it('filters by type, by entity and to decisions only', async () => {
    setup();
    const list = () => within(screen.getByRole('list', { name: 'Trace events' })).queryAllByRole('listitem');
    await userEvent.click(screen.getByRole('checkbox', { name: 'only decisions' }));
    expect(list()).toHaveLength(1);
    expect(list()[0]).toHaveTextContent('group.owner');
    await userEvent.click(screen.getByRole('checkbox', { name: 'only decisions' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Filter by type' }), 'node.state');
    expect(list()).toHaveLength(1);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Filter by type' }), '');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Filter by entity' }), 'SQL');
    expect(list()).toHaveLength(1);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Filter by entity' }), 'SQL-A');
    expect(list()).toHaveLength(3);
  });

  it('selects the entity and moves to the moment when a row is clicked; later rows stay, marked ahead', async () => {
    const { store } = setup();
    await userEvent.click(screen.getByRole('button', { name: /group\.owner/ }));
    expect(store.getState().selected).toEqual({ kind: 'group', name: 'SQL' });
    expect(store.getState().view.t).toBe(70_000);
    await userEvent.click(screen.getByRole('button', { name: /t=1:00.000/ }));
    expect(store.getState().view.t).toBe(60_000);
    expect(store.getState().selected).toEqual({ kind: 'node', name: 'SQL-A' });
    expect(screen.getAllByText('(ahead)')).toHaveLength(2);
  });
});
