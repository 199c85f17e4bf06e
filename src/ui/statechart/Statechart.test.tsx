// @vitest-environment jsdom
/**
 * The statechart view with the real engine: the current state is highlighted and the last
 * transition marked, after a hung Online call, after its DeadlockTimeout, and after the restart.
 */
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation, validateScenario } from '../../engine';
import { createAppStore } from '../../store/createAppStore';
import { StoreProvider } from '../../store/context';
import { Statechart } from './Statechart';
import { hangThenRestart } from '../../engine/testing/scenarios';

const source = {
  format: 'failover-scenario@1',
  name: 'Hang then restart',
  until: 60_000,
  ...hangThenRestart(),
};

function setup(entity: { kind: 'resource' | 'node' | 'group'; name: string }) {
  const store = createAppStore({ engine: { createSimulation, restoreSimulation, validateScenario } }, source);
  render(
    <StoreProvider store={store}>
      <Statechart entity={entity} />
    </StoreProvider>,
  );
  return store;
}

const chart = () => screen.getByRole('figure', { name: /Statechart of resource App/ });
const current = () =>
  within(chart())
    .getAllByRole('img')
    .filter((g) => g.getAttribute('aria-label')!.endsWith('(current)'))
    .map((g) => g.getAttribute('aria-label'));
const transitions = () => within(within(chart()).getByRole('list', { name: 'Transitions' })).getAllByRole('listitem');
/** The active sub-state in each region shown, as "region: state". */
const subStates = (fig = chart()) =>
  within(fig)
    .queryAllByRole('list')
    .filter((ul) => ul.hasAttribute('aria-labelledby'))
    .map((ul) => {
      const region = document.getElementById(ul.getAttribute('aria-labelledby')!)!.textContent;
      const active = within(ul)
        .getAllByRole('listitem')
        .filter((li) => li.getAttribute('aria-current') === 'true');
      return `${region}: ${active.map((li) => li.textContent).join(', ')}`;
    });
const lastListed = () =>
  transitions()
    .filter((li) => li.getAttribute('aria-current') === 'step')
    .map((li) => li.textContent);

describe('Statechart', () => {
  it('draws every state of the resource machine, from its definition', () => {
    setup({ kind: 'resource', name: 'App' });
    const names = within(chart())
      .getAllByRole('img')
      .map((g) => g.getAttribute('aria-label')!.replace(' (current)', ''));
    expect(names).toEqual(['Offline', 'OnlinePending', 'Online', 'OfflinePending', 'Failed']);
    // t = 0: the cluster formed and the Online call (100 ms) is under way.
    expect(current()).toEqual(['OnlinePending (current)']);
    expect(lastListed()).toEqual(['Offline → OnlinePending on CALL_ONLINE']);
    // Inside OnlinePending: the call and the cluster's wish for an Offline, side by side.
    expect(subStates()).toEqual(['call: calling', 'wish: stay']);
    // The transition that led here and those out of OnlinePending (its sub-states' included).
    expect(transitions().map((li) => li.textContent)).toContain('OnlinePending → Online on ONLINE_DONE');
    expect(transitions().map((li) => li.textContent)).toContain(
      'OnlinePending.call.calling → OnlinePending.call.hung on HANG',
    );
    expect(transitions().map((li) => li.textContent)).not.toContain('Online → OfflinePending on CALL_OFFLINE');
  });

  it('after a hang, after its DeadlockTimeout and after the restart', () => {
    const store = setup({ kind: 'resource', name: 'App' });
    // 2000: failed by hand; 2500: RestartDelay over, the restart's Online call hangs.
    act(() => store.getState().seek(3000));
    expect(current()).toEqual(['OnlinePending (current)']);
    expect(subStates()).toEqual(['call: hung', 'wish: stay']);
    expect(lastListed()).toEqual(['Failed → OnlinePending on CALL_ONLINE']);
    expect(chart().querySelectorAll('path.edge.last')).toHaveLength(1);

    // 7500: DeadlockTimeout recycles the monitor: Failed.
    act(() => store.getState().seek(7500));
    expect(current()).toEqual(['Failed (current)']);
    // Counted (§4.4): a restart is scheduled after RestartDelay.
    expect(subStates()).toEqual(['Failed: restartScheduled']);
    // The restart policy's guards, named as in the machine (§4.4).
    const listed = transitions().map((li) => li.textContent);
    expect(listed).toContain('Failed → Failed.restartScheduled on COUNTED if restartsRemain');
    expect(listed).toContain('Failed → Failed.gaveUp on COUNTED if not retriesAfterFailure and escalatesToFailover');
    expect(lastListed()).toEqual(['OnlinePending → Failed on FAIL']);

    // Healed at 7000; the next restart comes Online.
    act(() => store.getState().seek(20_000));
    expect(current()).toEqual(['Online (current)']);
    expect(subStates()).toEqual(['health: healthy', 'wish: stay']);
    expect(lastListed()).toEqual(['OnlinePending → Online on ONLINE_DONE']);
  });

  it('a group: placement drawn, failback beside it; an administrator move shows as moving, relocating', () => {
    const store = setup({ kind: 'group', name: 'G' });
    const fig = screen.getByRole('figure', { name: /Statechart of group G/ });
    const boxes = within(fig)
      .getAllByRole('img')
      .map((g) => g.getAttribute('aria-label'));
    expect(boxes).toEqual(['placed (current)', 'awaitingTarget', 'moving']);
    expect(subStates(fig)).toEqual(['failback: idle']);
    act(() => store.getState().seek(1000));
    act(() => {
      store.getState().apply({ action: 'moveGroup', group: 'G', node: 'N2' });
    });
    expect(within(fig).getByRole('img', { name: 'moving (current)' })).toBeInTheDocument();
    expect(subStates(fig)).toEqual(['moving: relocating', 'failback: idle']);
  });

  it('a node: Crashed while undetected, then Down', () => {
    const store = setup({ kind: 'node', name: 'N1' });
    act(() => {
      store.getState().apply({ action: 'crashNode', node: 'N1' });
    });
    const fig = screen.getByRole('figure', { name: /Statechart of node N1/ });
    expect(within(fig).getByRole('img', { name: 'Crashed (current)' })).toBeInTheDocument();
    act(() => store.getState().seek(60_000));
    expect(within(fig).getByRole('img', { name: 'Down (current)' })).toBeInTheDocument();
  });
});
