/** Design mode mounted for a jsdom test, on a design kept in memory. Only tests import this file. */
import { act, render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { DesignMode } from '../index';
import { DesignSession } from '../session';
import { memoryStorage } from '../storage/designStorage';

/** React Flow measures with ResizeObserver; jsdom has none. Call in beforeAll. */
export function stubResizeObserver() {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

export async function mountDesign(initial: unknown, onSimulate = vi.fn()) {
  const storage = memoryStorage();
  const session = new DesignSession(storage, initial, 50);
  render(<DesignMode initialScenario={initial} onSimulate={onSimulate} session={session} />);
  await screen.findByRole('toolbar', { name: 'Design tools' });
  // The session opens its design asynchronously (storage); select nothing before it has, or the
  // opening resets the selection under the test (seen as a flaky test under load).
  await act(async () => {
    await session.ready;
  });
  return { session, storage, onSimulate, state: () => session.store.getState() };
}
