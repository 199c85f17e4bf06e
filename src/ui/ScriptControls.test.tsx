// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StoreProvider } from '../store/context';
import { realStore } from '../store/test/realStore';
import { Notices } from './Notices';
import { RunLength, ScriptDrawerToggle } from './ScriptControls';
import { parseTime } from './timeInput';

function setup() {
  const store = realStore();
  render(
    <StoreProvider store={store}>
      <Notices />
      <RunLength />
      <ScriptDrawerToggle />
    </StoreProvider>,
  );
  return store;
}
const drawer = () => screen.getByRole('complementary', { name: 'Script and branches' });

describe('Script & branches drawer', () => {
  it('lists the upcoming scripted crash; Remove takes it out of the run', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('button', { name: /Script & branches \(1 upcoming · 1 branch\)/ }));
    const upcoming = within(drawer()).getByRole('region', { name: 'Upcoming actions' });
    expect(
      within(upcoming)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['script crash node SQL-ARemove']);
    await userEvent.click(within(upcoming).getByRole('button', { name: 'Remove crash node SQL-A at 1:00.000' }));
    expect(store.getState().scenario.script).toEqual([]);
    expect(within(upcoming).getByText(/Nothing scripted after now/)).toBeTruthy();
    // Escape closes the drawer and gives the focus back to its button.
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('complementary', { name: 'Script and branches' })).toBeNull();
    expect(screen.getByRole('button', { name: /Script & branches/ })).toHaveFocus();
  });

  it('moves an action by typing a time, and says why a time is refused', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('button', { name: /Script & branches/ }));
    const at = within(drawer()).getByRole('textbox', { name: 'Time of crash node SQL-A at 1:00.000' });
    await userEvent.clear(at);
    await userEvent.type(at, '2:30{Enter}');
    expect(store.getState().scenario.script[0]!.at).toBe(150_000);
    const again = within(drawer()).getByRole('textbox', { name: 'Time of crash node SQL-A at 2:30.000' });
    await userEvent.clear(again);
    await userEvent.type(again, 'soon{Enter}');
    expect(within(drawer()).getByRole('alert')).toHaveTextContent('"soon" is not a time');
  });

  it('adds a scripted action for a chosen target', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('button', { name: /Script & branches/ }));
    const form = within(drawer()).getByRole('form', { name: 'Add a scripted action' });
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Target' }), 'node:SQL-B');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Action' }), 'Crash node');
    await userEvent.type(within(form).getByRole('textbox', { name: 'At time' }), '45 s');
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(store.getState().scenario.script.map((e) => [e.at, e.action])).toEqual([
      [45_000, 'crashNode'],
      [60_000, 'crashNode'],
    ]);
  });

  it('branches: the notice switches back; rename, compare and delete from the list', async () => {
    const store = setup();
    act(() => {
      store.getState().runToEnd();
      store.getState().seek(20_000);
      store.getState().apply({ action: 'crashNode', node: 'SQL-B' });
    });
    expect(screen.getByRole('status')).toHaveTextContent('New branch "crash node SQL-B at 0:20.000"');
    await userEvent.click(screen.getByRole('button', { name: /Script & branches/ }));
    const branches = within(drawer()).getByRole('region', { name: 'Branches' });
    await userEvent.click(within(branches).getByRole('button', { name: 'Rename main' }));
    const input = within(branches).getByRole('textbox', { name: 'New name for main' });
    await userEvent.clear(input);
    await userEvent.type(input, 'as scripted{Enter}');
    expect(store.getState().branches[0]!.name).toBe('as scripted');
    await userEvent.selectOptions(within(branches).getByRole('combobox', { name: 'Compare with' }), 'as scripted');
    const table = within(branches).getByRole('table', { name: 'Branch comparison' });
    const cells = within(table)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(cells[1]![0]).toBe('SQL Server (MSSQLSERVER)');
    expect(cells[1]![1]).toMatch(/^Offline on \(none\), down /); // SQL-B then SQL-A down: quorum lost
    expect(cells[1]![2]).toMatch(/^Online on SQL-B, down /);
    await userEvent.click(screen.getByRole('button', { name: 'Switch back to "as scripted"' }));
    expect(store.getState().branchId).toBe('b1');
    await userEvent.click(within(branches).getByRole('button', { name: 'Delete crash node SQL-B at 0:20.000' }));
    expect(store.getState().branches.map((b) => b.name)).toEqual(['as scripted']);
    expect(within(branches).getByRole('button', { name: 'Delete as scripted' })).toBeDisabled();
  });
});

describe('Run until', () => {
  it('extends the run in place and refuses what is not a time', async () => {
    const store = setup();
    const field = screen.getByRole('textbox', { name: 'Run until' });
    expect(field).toHaveValue('10:00.000');
    await userEvent.clear(field);
    await userEvent.type(field, '20 min{Enter}');
    expect(store.getState().scenario.until).toBe(1_200_000);
    expect(field).toHaveValue('20:00.000');
    await userEvent.clear(field);
    await userEvent.type(field, '0{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('the run length must be more than 0');
    expect(store.getState().scenario.until).toBe(1_200_000);
  });

  it('parses the time forms people type', () => {
    expect(parseTime('1:30')).toEqual({ ok: true, ms: 90_000 });
    expect(parseTime('1:02:03.5')).toEqual({ ok: true, ms: 3_723_500 });
    expect(parseTime('90')).toEqual({ ok: true, ms: 90_000 });
    expect(parseTime('500 ms')).toEqual({ ok: true, ms: 500 });
    expect(parseTime('2 h')).toEqual({ ok: true, ms: 7_200_000 });
    expect(parseTime('1:75').ok).toBe(false);
    expect(parseTime('').ok).toBe(false);
  });
});
