// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Inspector } from './Inspector';
import { renderWithStore } from './test/renderWithStore';

describe('Inspector', () => {
  it('shows the cluster and its witness actions when nothing is selected', () => {
    renderWithStore(<Inspector />);
    expect(screen.getByRole('heading', { name: 'Cluster' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Fail witness' })).toBeInTheDocument();
  });

  it('shows a resource with effective properties, human units and defaults marked', () => {
    const { store } = renderWithStore(<Inspector />);
    act(() => store.getState().select({ kind: 'resource', name: 'SQL Server' }));
    const panel = screen.getByRole('complementary', { name: 'Inspector' });
    const threshold = within(panel).getByText('RestartThreshold').nextElementSibling!;
    expect(threshold).toHaveTextContent(/^3$/);
    expect(within(panel).getByText('RestartPeriod').nextElementSibling).toHaveTextContent('15 min (default)');
    expect(within(panel).getByText('RetryPeriodOnFailure').nextElementSibling).toHaveTextContent('1 h (default)');
    expect(within(panel).getByText('Depends on').nextElementSibling).toHaveTextContent('[Name] and [Disk]');
    for (const name of [
      'Bring online',
      'Take offline',
      'Simulate failure',
      'Signal failure',
      'Heal (clear all faults)',
      'LooksAlive hang',
      'IsAlive fail',
      'Online calls stall',
      'Offline calls hang',
    ]) {
      expect(within(panel).getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('applies an action and disables what the engine refuses, with the reason', async () => {
    const { store } = renderWithStore(<Inspector />);
    act(() => store.getState().select({ kind: 'node', name: 'SQL-A' }));
    await userEvent.click(screen.getByRole('button', { name: 'Crash node' }));
    expect(screen.getByText(/detected in/)).toBeInTheDocument();
    act(() => store.getState().seek(20_000));
    const crash = screen.getByRole('button', { name: 'Crash node' });
    expect(crash).toBeDisabled();
    expect(crash).toHaveAttribute('title', 'node "SQL-A" is Down');
    expect(crash).toHaveAttribute('aria-description', 'node "SQL-A" is Down');
    expect(screen.getByRole('button', { name: 'Start node' })).toBeEnabled();
  });

  it('lists move targets for a group and live failover counters', () => {
    const { store } = renderWithStore(<Inspector />);
    act(() => store.getState().select({ kind: 'group', name: 'SQL' }));
    expect(screen.getByRole('button', { name: 'Move to best possible node' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move to SQL-C' })).toBeInTheDocument();
    act(() => {
      store.getState().apply({ action: 'crashNode', node: 'SQL-A' });
      store.getState().seek(20_000);
    });
    expect(screen.getByText('Owner').nextElementSibling).toHaveTextContent('SQL-B');
    expect(screen.getByText(/failovers 1\/2/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move to SQL-A' })).toBeDisabled();
  });
});
