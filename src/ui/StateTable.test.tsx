// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StateTable } from './StateTable';
import { renderWithStore } from './test/renderWithStore';

const rowOf = (name: string) => screen.getByRole('button', { name }).closest('tr')!;
const cells = (name: string) =>
  within(rowOf(name))
    .getAllByRole('cell')
    .map((c) => c.textContent);
const stateCell = (name: string) => within(rowOf(name)).getAllByRole('cell')[2]!;

describe('StateTable', () => {
  it('lists every node, group and resource with Name, Kind, State, Owner', () => {
    renderWithStore(<StateTable />);
    const table = screen.getByRole('table', { name: 'Cluster state' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name', 'Kind', 'State', 'Owner']);
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 3 + 1 + 5);
    expect(cells('SQL-A')).toEqual(['SQL-A', 'node', 'Up', '']);
    expect(cells('SQL')).toEqual(['SQL', 'group', 'Online', 'SQL-A']);
    expect(cells('Disk')).toEqual(['Disk', 'resource', 'Online', 'SQL-A']);
  });

  it('keeps the cluster’s view of a crashed node not yet detected, and says it crashed', () => {
    const { store } = renderWithStore(<StateTable />);
    act(() => {
      store.getState().apply({ action: 'crashNode', node: 'SQL-A' });
      store.getState().seek(2_000);
    });
    // The text is the cluster's view (Up, as in the trace); the note is drawn after it by CSS.
    expect(cells('SQL-A')).toEqual(['SQL-A', 'node', 'Up', '']);
    expect(stateCell('SQL-A')).toHaveAttribute('data-note', 'crashed, undetected');
    act(() => store.getState().seek(30_000));
    expect(cells('SQL-A')).toEqual(['SQL-A', 'node', 'Down', '']);
    expect(stateCell('SQL-A')).not.toHaveAttribute('data-note');
  });

  it('stays current as the simulation moves', () => {
    const { store } = renderWithStore(<StateTable />);
    act(() => {
      store.getState().apply({ action: 'crashNode', node: 'SQL-A' });
      store.getState().apply({ action: 'failResource', resource: 'Disk' });
      store.getState().seek(30_000);
    });
    expect(cells('SQL-A')).toEqual(['SQL-A', 'node', 'Down', '']);
    expect(cells('SQL')).toEqual(['SQL', 'group', 'Online', 'SQL-B']);
    expect(cells('Disk')).toEqual(['Disk', 'resource', 'Failed', 'SQL-B']);
  });

  it('selects an entity from its name', async () => {
    const { store } = renderWithStore(<StateTable />);
    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(store.getState().selected).toEqual({ kind: 'resource', name: 'Name' });
  });
});
