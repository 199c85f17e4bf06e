// @vitest-environment jsdom
/**
 * Names are unique only within their kind (scenario-format §1): role `FS1` holds Network Name
 * `FS1`. Selection, the table, the log filter, decisions and timers keep the two apart.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StoreProvider } from '../store/context';
import { refKey } from '../store/refs';
import { clashStore } from '../store/test/realStore';
import { EventLog } from './EventLog';
import { Inspector } from './Inspector';
import { StateTable } from './StateTable';

function setup() {
  const store = clashStore();
  render(
    <StoreProvider store={store}>
      <StateTable />
      <Inspector />
      <EventLog />
    </StoreProvider>,
  );
  return store;
}

describe('a group and a resource with the same name', () => {
  it('are two rows, selected apart, each with its own inspector', async () => {
    const store = setup();
    const table = screen.getByRole('table', { name: 'Cluster state' });
    const fs1 = within(table).getAllByRole('button', { name: 'FS1' });
    expect(fs1).toHaveLength(2);
    await userEvent.click(fs1[0]!);
    expect(store.getState().selected).toEqual({ kind: 'group', name: 'FS1' });
    expect(screen.getByRole('complementary', { name: 'Inspector' })).toHaveTextContent(/^group FS1Close/);
    expect(table.querySelectorAll('tr.is-selected')).toHaveLength(1);
    await userEvent.click(fs1[1]!);
    expect(store.getState().selected).toEqual({ kind: 'resource', name: 'FS1' });
    expect(screen.getByRole('complementary', { name: 'Inspector' })).toHaveTextContent(/^resource FS1Close/);
    expect(within(table.querySelector('tr.is-selected') as HTMLElement).getByText('resource')).toBeTruthy();
  });

  it('filter the log by kind and name, and keep decisions and timers per kind', async () => {
    const store = setup();
    act(() => {
      store.getState().seek(5000);
      store.getState().apply({ action: 'failResource', resource: 'FS1' });
      store.getState().seek(5000);
    });
    const entity = screen.getByRole('combobox', { name: 'Filter by entity' });
    const values = within(entity)
      .getAllByRole('option', { name: /^FS1 \(/ })
      .map((o) => [o.textContent, (o as HTMLOptionElement).value]);
    expect(values).toEqual([
      ['FS1 (group)', 'group:FS1'],
      ['FS1 (resource)', 'resource:FS1'],
    ]);
    const rows = () => within(screen.getByRole('list', { name: 'Trace events' })).queryAllByRole('listitem');
    await userEvent.selectOptions(entity, 'resource:FS1');
    const resourceRows = rows().map((r) => r.textContent ?? '');
    expect(resourceRows.some((t) => t.includes('failure of FS1'))).toBe(true);
    expect(resourceRows.every((t) => /FS1(?! IP)/.test(t))).toBe(true);
    await userEvent.selectOptions(entity, 'group:FS1');
    const groupRows = rows().map((r) => r.textContent ?? '');
    expect(groupRows.length).toBeGreaterThan(0);
    expect(groupRows.some((t) => t.includes('failure of FS1'))).toBe(false); // the action names the resource
    // The restart timer is the resource's, not the group's.
    const timers = store.getState().index.timersBySubject;
    expect(timers[refKey('resource', 'FS1')]?.map((t) => t.kind)).toContain('restartDelay');
    expect(timers[refKey('group', 'FS1')]).toBeUndefined();
  });
});
