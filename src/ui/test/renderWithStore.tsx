/** Render a component with a fresh store driven by the fake engine. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createAppStore } from '../../store/createAppStore';
import { StoreProvider } from '../../store/context';
import { fakeEngine } from './fakeSimulation';
import { VALID_SOURCE } from './fixtures';

export function renderWithStore(ui: ReactElement) {
  const store = createAppStore({ engine: fakeEngine }, VALID_SOURCE);
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { store, ...result };
}
