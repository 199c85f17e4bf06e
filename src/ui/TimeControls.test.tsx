// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithStore } from './test/renderWithStore';
import { TimeControls } from './TimeControls';
import { quantize } from './timeSteps';

describe('TimeControls', () => {
  it('shows the simulated time and the cluster local time', () => {
    renderWithStore(<TimeControls />);
    expect(screen.getByLabelText('Simulated time')).toHaveTextContent('t = 0.000 s');
    expect(screen.getByLabelText('Cluster local time')).toHaveTextContent('00:00:00');
  });

  it('toggles play and pause', async () => {
    const { store } = renderWithStore(<TimeControls />);
    await userEvent.click(screen.getByRole('button', { name: /Play/ }));
    expect(store.getState().playing).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: /Pause/ }));
    expect(store.getState().playing).toBe(false);
  });

  it('jumps to the next event and runs to the end', async () => {
    const { store } = renderWithStore(<TimeControls />);
    expect(screen.getByRole('button', { name: /Next event/ })).toBeDisabled();
    act(() => {
      store.getState().seek(60_000);
      store.getState().apply({ action: 'crashNode', node: 'SQL-A' });
    });
    await userEvent.click(screen.getByRole('button', { name: /Next event/ }));
    expect(screen.getByLabelText('Simulated time')).toHaveTextContent('t = 1 min 10.000 s');
    await userEvent.click(screen.getByRole('button', { name: /Run to end/ }));
    expect(screen.getByLabelText('Simulated time')).toHaveTextContent('t = 10 min 0.000 s');
    expect(screen.getByRole('button', { name: /Run to end/ })).toBeDisabled();
  });

  it('sets speed on a log scale and labels it', () => {
    const { store } = renderWithStore(<TimeControls />);
    fireEvent.change(screen.getByRole('slider', { name: 'Speed' }), { target: { value: '4' } });
    expect(store.getState().speed).toBe(10_000);
    expect(screen.getByLabelText('Speed value')).toHaveTextContent('10,000×');
    fireEvent.change(screen.getByRole('slider', { name: 'Speed' }), { target: { value: '-1' } });
    expect(screen.getByLabelText('Speed value')).toHaveTextContent('0.1×');
  });

  it('seeks with the scrubber, backwards by re-simulation', () => {
    const { store } = renderWithStore(<TimeControls />);
    act(() => {
      store.getState().seek(5000);
      store.getState().apply({ action: 'crashNode', node: 'SQL-A' });
    });
    const scrubber = screen.getByRole('slider', { name: 'Timeline position' });
    fireEvent.change(scrubber, { target: { value: '300000' } });
    expect(store.getState().view.groups[0]!.owner).toBe('SQL-B');
    fireEvent.change(scrubber, { target: { value: '2000' } });
    expect(screen.getByLabelText('Simulated time')).toHaveTextContent('t = 2.000 s');
    expect(store.getState().view.groups[0]!.owner).toBe('SQL-A');
  });

  it('while playing moves the scrubber by about a pixel, and shows the exact time when paused', () => {
    const { store } = renderWithStore(<TimeControls />);
    const scrubber = () => screen.getByRole('slider', { name: 'Timeline position' });
    act(() => store.setState({ playing: true })); // no animation loop in tests: the store moves when told
    act(() => store.getState().seek(123_457));
    const until = store.getState().scenario.until;
    expect(Number((scrubber() as HTMLInputElement).value)).toBe(quantize(123_457, until));
    expect(quantize(123_457, until)).toBeLessThan(123_457);
    expect(screen.getByLabelText('Simulated time')).toHaveTextContent('t = 2 min 3.457 s'); // the clock is exact
    act(() => store.getState().pause());
    expect((scrubber() as HTMLInputElement).value).toBe('123457');
  });
});
