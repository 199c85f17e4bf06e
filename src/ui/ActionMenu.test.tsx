// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { actionsFor } from '../store/actionCatalog';
import { ActionMenu, menuSections, placeMenu } from './ActionMenu';
import { makeScenario } from './test/fixtures';
import { Notices } from './Notices';
import { renderWithStore } from './test/renderWithStore';

describe('ActionMenu', () => {
  it('lists every node action, focuses the first, applies one and closes', async () => {
    const onClose = vi.fn();
    const { store } = renderWithStore(
      <ActionMenu menu={{ entity: { kind: 'node', name: 'SQL-A' }, x: 0, y: 0 }} onClose={onClose} />,
    );
    const menu = screen.getByRole('menu', { name: 'Actions for node SQL-A' });
    expect(menu).toBeInTheDocument();
    expect(screen.getAllByRole('menuitem').map((b) => b.textContent)).toEqual([
      'Crash node',
      'Start node',
      'Pause',
      'Pause and drain',
      'Resume (no failback)',
      'Resume (fail back now)',
      'Resume (failback policy)',
    ]);
    expect(screen.getByRole('menuitem', { name: 'Crash node' })).toHaveFocus();
    expect(screen.getByRole('menuitem', { name: 'Start node' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: 'Start node' })).toHaveAttribute('title', 'node "SQL-A" is not Down');
    await userEvent.keyboard('{Enter}');
    expect(store.getState().actions).toEqual([{ at: 0, action: { action: 'crashNode', node: 'SQL-A' } }]);
    expect(onClose).toHaveBeenCalled();
  });

  it('closes on Escape and moves with the arrow keys', async () => {
    const onClose = vi.fn();
    renderWithStore(<ActionMenu menu={{ entity: { kind: 'group', name: 'SQL' }, x: 0, y: 0 }} onClose={onClose} />);
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Take offline' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});

describe('menu layout', () => {
  it('heads a resource menu in sections, with each health check and call answer on one row', () => {
    const items = actionsFor({ kind: 'resource', name: 'Disk' }, makeScenario());
    const secs = menuSections(items);
    expect(secs.map((s) => s.title)).toEqual(['Administration', 'Faults', 'Health checks', 'Online/Offline calls']);
    expect(secs[2]!.rows.map((r) => [r.label, r.items.map((x) => x.item.label)])).toEqual([
      ['LooksAlive', ['LooksAlive ok', 'LooksAlive fail', 'LooksAlive hang']],
      ['IsAlive', ['IsAlive ok', 'IsAlive fail', 'IsAlive hang']],
    ]);
    // Every item is listed once, in order.
    expect(secs.flatMap((s) => s.rows.flatMap((r) => r.items.map((x) => x.index)))).toEqual(items.map((_, i) => i));
  });

  it('places the menu at the point, flipped when it would run off, pinned when it fits neither way', () => {
    expect(placeMenu(100, 100, 200, 300, 1024, 768)).toEqual({ left: 100, top: 100 });
    expect(placeMenu(900, 700, 200, 300, 1024, 768)).toEqual({ left: 700, top: 400 }); // flipped left and up
    expect(placeMenu(10, 200, 200, 700, 1024, 768)).toEqual({ left: 10, top: 64 }); // pinned to the bottom
    expect(placeMenu(10, 200, 200, 900, 1024, 768).top).toBe(4); // taller than the window: top, and it scrolls
  });
});

describe('Notices', () => {
  it('shows validation issues as place: reason and keeps the scenario', () => {
    const { store } = renderWithStore(<Notices />);
    act(() => {
      store.getState().loadScenario({ format: 'x' }, { origin: '"bad.json"' });
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load "bad.json"; the current scenario is kept.');
    expect(alert).toHaveTextContent('format: format must be "failover-scenario@1"');
    expect(store.getState().scenario.name).toBe('Test cluster');
  });

  it('acting in the past says a branch was made and offers the way back', async () => {
    const { store } = renderWithStore(<Notices />);
    act(() => {
      store.getState().seek(5000);
      store.getState().apply({ action: 'crashNode', node: 'SQL-A' });
      store.getState().seek(1000);
      store.getState().apply({ action: 'failResource', resource: 'Disk' });
    });
    expect(screen.getByRole('status')).toHaveTextContent('"main" is kept as it was (with its 1 later action)');
    await userEvent.click(screen.getByRole('button', { name: 'Switch back to "main"' }));
    expect(store.getState().branchId).toBe('b1');
    expect(store.getState().actions).toEqual([{ at: 5000, action: { action: 'crashNode', node: 'SQL-A' } }]);
  });
});
