// @vitest-environment jsdom
/** The network pieces of the Simulate canvas, driven by the real engine over the built-in network scenario. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import three from '../../../scenarios/network-three-nodes-two-networks.json';
import { actionsFor } from '../../../store/actionCatalog';
import { StoreProvider } from '../../../store/context';
import { realStore, SQL_SOURCE } from '../../../store/test/realStore';
import { ActionMenu } from '../../ActionMenu';
import { Inspector } from '../../Inspector';
import { formatClock } from '../../../store/format';
import { useNetUi } from './dialogState';
import { lostAt, routeRows } from './routeRows';
import { NetworkControls } from './NetworkControls';
import { NetworkStrip } from './NetworkStrip';
import { NodeNetwork } from './NodeNetwork';
import { initialSides, partitionOf } from './PartitionDialog';

afterEach(() => useNetUi.setState({ splitOpen: false, routes: false, collapsed: false, reason: false }));

function setup(source: unknown = structuredClone(three)) {
  // jsdom's window is 768 px tall, where the rows start collapsed: these tests read the open rows.
  useNetUi.setState({ collapsed: false, reason: false });
  const store = realStore(source);
  const ui = render(
    <StoreProvider store={store}>
      <NetworkControls />
      <NetworkStrip />
      <NodeNetwork name="N3" />
      <Inspector />
    </StoreProvider>,
  );
  return { store, ...ui };
}

describe('network strip and node chips', () => {
  it('lists each network with its role and state, and each interface of a node in words', () => {
    setup();
    const pub = screen.getByTestId('net-Public');
    expect(pub).toHaveTextContent('Public cluster and client Up');
    expect(pub).toHaveClass('net-Up');
    expect(screen.getByTestId('net-Heartbeat')).toHaveTextContent('cluster only');
    expect(screen.getByTestId('if-N3-Public')).toHaveTextContent('Public: Up');
    expect(screen.getByTestId('if-N3-Heartbeat')).toHaveClass('if-Up');
  });

  it('cuts and restores a network through the engine; the refused one says why', async () => {
    const { store } = setup();
    act(() => store.getState().seek(10_000));
    const chip = screen.getByTestId('net-Heartbeat');
    await userEvent.click(within(chip).getByRole('button', { name: 'Cut network Heartbeat' }));
    expect(store.getState().view.network?.networks[1]!.failed).toBe(true);
    expect(chip).toHaveTextContent('(cut)');
    expect(within(chip).getByRole('button', { name: 'Restore network Heartbeat' })).toBeEnabled();
    // The inspector lists the same actions: cutting it twice is refused with the engine's reason.
    const again = within(screen.getByRole('complementary', { name: 'Inspector' })).getByRole('button', {
      name: 'Cut network Heartbeat',
    });
    expect(again).toBeDisabled();
    expect(again).toHaveAttribute('title', 'network "Heartbeat" has already failed');
    const heal = screen.getAllByRole('button', { name: 'Heal partition' })[0];
    expect(heal).toBeDisabled();
    expect(heal).toHaveAttribute('title', 'there is no partition to heal');
  });

  it('shows the sides, the regroup decision with its reason, and the minority waiting', () => {
    const { store } = setup();
    act(() => {
      store.getState().seek(10_000);
      store.getState().apply({ action: 'partition', sides: [['N1', 'N2'], ['N3']] });
    });
    expect(screen.getByTestId('net-sides')).toHaveTextContent('Side A (N1, N2): 2 votes, no witness');
    act(() => store.getState().seek(60_000));
    expect(screen.getByTestId('net-decision')).toHaveTextContent(/N1, N2 keep the cluster; removed: N3 — .+/);
    expect(screen.getByTestId('service-N3')).toHaveTextContent('service waiting to rejoin');
    expect(screen.getByTestId('if-N3-Public')).toHaveTextContent('Public: Unavailable');
  });

  it('renders nothing in a plain scenario, and plain menus gain no network entry', () => {
    const { container, store } = setup(SQL_SOURCE);
    expect(container.querySelector('.net-strip, .net-controls, .node-net')).toBeNull();
    const node = store.getState().scenario.nodes[0]!.name;
    const labels = actionsFor({ kind: 'node', name: node }, store.getState().scenario).map((i) => i.label);
    expect(labels.some((l) => /interface|Stop node/.test(l))).toBe(false);
  });

  it('shows user names as text, never markup', () => {
    const src = structuredClone(three) as { nodes: { name: string }[]; groups: { preferredOwners: string[] }[] };
    src.nodes[2]!.name = '<img src=x onerror=alert(1)>';
    for (const g of src.groups) g.preferredOwners = g.preferredOwners.map((n) => (n === 'N3' ? src.nodes[2]!.name : n));
    const store = realStore(src);
    const { container } = render(
      <StoreProvider store={store}>
        <NodeNetwork name={src.nodes[2]!.name} />
      </StoreProvider>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('list', { name: `Interfaces of ${src.nodes[2]!.name}` })).toBeInTheDocument();
  });
});

describe('network rows and routes', () => {
  it('collapse to one remembered line, and "Why?" shows the whole decision over the canvas', async () => {
    const { store } = setup();
    act(() => {
      store.getState().seek(10_000);
      store.getState().apply({ action: 'partition', sides: [['N1', 'N3'], ['N2']] });
    });
    act(() => store.getState().seek(60_000));
    await userEvent.click(screen.getByRole('button', { name: 'Why?' }));
    const details = screen.getByRole('region', { name: 'Partition and regroup' });
    expect(details).toHaveTextContent(/N1, N3 keep the cluster; removed: N2\. .+/);
    expect(details).toHaveTextContent('Side B (N2): 0 votes, no witness');
    await userEvent.click(screen.getByRole('button', { name: /Networks/ }));
    expect(screen.queryByTestId('net-Public')).toBeNull();
    expect(screen.getByRole('button', { name: /Networks/ })).toHaveAttribute('aria-expanded', 'false');
    expect(JSON.parse(localStorage.getItem('failover-lab:network-rows')!)).toEqual({ collapsed: true, reason: true });
    // Collapsed, the rows take no line: the toggle and "Why?" sit with the network actions.
    expect(screen.queryByTestId('net-strip')).toBeNull();
    const actions = screen.getByRole('group', { name: 'Network actions' });
    expect(within(actions).getByRole('button', { name: /Networks/ })).toBeInTheDocument();
    expect(within(actions).getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('region', { name: 'Partition and regroup' })).toBeInTheDocument();
  });

  it('lists the route of each pair with its state; a declared-down pair says when, by name', () => {
    const { store } = setup();
    act(() => {
      store.getState().seek(10_000);
      store.getState().apply({ action: 'partition', sides: [['N1', 'N2'], ['N3']] });
    });
    act(() => store.getState().seek(12_000));
    const lost = routeRows(store.getState().view, lostAt(store.getState().events));
    expect(lost.find((r) => r.b === 'N3')).toMatchObject({ look: 'lost' });
    expect(lost.find((r) => r.b === 'N3')!.name).toMatch(/^N1–N3: heartbeats lost: declared down at t=\S+ \(in /);
    act(() => store.getState().seek(60_000));
    const rows = routeRows(store.getState().view, lostAt(store.getState().events));
    const regroup = store.getState().view.network!.lastRegroup!;
    expect(rows.map((r) => [r.a, r.b, r.look])).toEqual([
      ['N1', 'N2', 'connected'],
      ['N1', 'N3', 'down'],
      ['N2', 'N3', 'down'],
    ]);
    expect(rows[1]!.name).toBe(`N1–N3: declared down at t=${formatClock(regroup.t)} (same subnet route)`);
  });
});

describe('menus', () => {
  it('a node menu offers a graceful stop, each interface and the split dialog; refused ones carry the reason', async () => {
    const { store } = setup();
    act(() => store.getState().seek(10_000));
    render(
      <StoreProvider store={store}>
        <ActionMenu menu={{ entity: { kind: 'node', name: 'N1' }, x: 0, y: 0 }} onClose={() => {}} />
      </StoreProvider>,
    );
    const menu = screen.getByRole('menu', { name: 'Actions for node N1' });
    const restore = within(menu).getByRole('menuitem', { name: 'Restore interface on Heartbeat' });
    expect(restore).toHaveAttribute('aria-disabled', 'true');
    expect(restore).toHaveAttribute('title', 'the interface of node "N1" on network "Heartbeat" has not failed');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Fail interface on Public' }));
    expect(store.getState().view.network?.networks[0]!.interfaces[0]).toMatchObject({ node: 'N1', failed: true });
    expect(within(menu).getByRole('menuitem', { name: 'Stop node (graceful)' })).toBeInTheDocument();
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Split the cluster…' }));
    expect(useNetUi.getState().splitOpen).toBe(true);
  });
});

describe('split dialog', () => {
  it('starts with the chosen node alone and refuses an empty side before applying', () => {
    expect(initialSides(['N1', 'N2', 'N3'], 'N2')).toEqual([0, 1, 0]);
    expect(initialSides(['N1', 'N2', 'N3'], null)).toEqual([0, 0, 1]);
    expect(partitionOf(['N1', 'N2'], [0, 0], 2, null)).toEqual({
      error: 'Side B has no node: put a node on it or remove the side.',
    });
    expect(partitionOf(['N1', 'N2', 'N3'], [0, 1, 2], 3, [true, false, true])).toEqual({
      action: { action: 'partition', sides: [['N1'], ['N2'], ['N3']], witness: [0, 2] },
    });
  });

  it('is keyboard operable: arrows move a node between sides, Split applies, Escape closes', async () => {
    const { store } = setup();
    act(() => store.getState().seek(10_000));
    act(() => useNetUi.getState().openSplit());
    const dialog = screen.getByRole('dialog', { name: 'Split the cluster' });
    // Focus starts on a checked radio; the last node starts alone on side B.
    expect(document.activeElement).toHaveAttribute('type', 'radio');
    expect(within(dialog).getByRole('radio', { name: 'N3 on side B' })).toBeChecked();
    within(dialog).getByRole('radio', { name: 'N2 on side A' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(within(dialog).getByRole('radio', { name: 'N2 on side B' })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Split' }));
    expect(store.getState().view.network?.partition).toEqual({ sides: [['N1'], ['N2', 'N3']], witness: [0, 1] });
    expect(screen.queryByRole('dialog')).toBeNull();

    act(() => useNetUi.getState().openSplit());
    // Tab stays inside the dialog: from Split (the last control) back to the first node's radio.
    screen.getByRole('button', { name: 'Split' }).focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'N1 on side A' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
