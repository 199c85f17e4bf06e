// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventLog } from './EventLog';
import { renderWithStore } from './test/renderWithStore';
import { PANEL_INTERVAL_MS } from './throttle';

const rows = () => within(screen.getByRole('list', { name: 'Trace events' })).queryAllByRole('listitem');

describe('panels throttled at high speed (the log)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const start = (speed: number) => {
    const r = renderWithStore(<EventLog />);
    // Playing without an animation loop (tests have none): the store moves only when told to.
    act(() => r.store.setState({ playing: true, speed }));
    act(() => {
      r.store.getState().apply({ action: 'crashNode', node: 'SQL-A' });
    });
    return r;
  };

  it('at 1,000× shows a change at once, then at most one update per interval, and the last one always', () => {
    const { store } = start(1000);
    expect(rows()).toHaveLength(1); // the crash: the first change shows at once
    act(() => store.getState().seek(100_000)); // detection and failover happen meanwhile
    expect(rows()).toHaveLength(1);
    act(() => {
      vi.advanceTimersByTime(PANEL_INTERVAL_MS);
    });
    expect(rows()).toHaveLength(3);
    expect(rows()[2]).toHaveTextContent('SQL-A → SQL-B (failover)');
  });

  it('catches up as soon as play stops', () => {
    const { store } = start(1000);
    act(() => store.getState().seek(100_000));
    expect(rows()).toHaveLength(1);
    act(() => store.getState().pause());
    expect(rows()).toHaveLength(3);
  });

  it('at ordinary speeds follows every change', () => {
    const { store } = start(10);
    act(() => store.getState().seek(100_000));
    expect(rows()).toHaveLength(3);
  });
});
