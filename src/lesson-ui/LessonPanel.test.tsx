// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createSimulation, validateScenario } from '../engine';
import { createAppStore } from '../store/createAppStore';
import { createPlayer } from './controller';
import { LessonPanel } from './LessonPanel';

const lesson = {
  format: 'failover-scenario@1',
  name: 'Panel',
  until: 30_000,
  nodes: [{ name: 'A' }, { name: 'B' }],
  groups: [{ name: 'Web', ownerNode: 'A', resources: [{ name: 'Web App', type: 'Generic Service' }] }],
  script: [{ at: 10_000, action: 'failResource', resource: 'Web App' }],
  ui: {
    lesson: {
      id: 'P1',
      title: 'The <b>panel</b>',
      steps: [
        { on: 'start', say: 'Hello **there**, `Web` <script>x</script>' },
        {
          pauseAfter: { type: 'action' },
          ask: 'What now?',
          choices: ['It restarts', 'It fails over'],
          answer: 0,
          revealOn: { type: 'resource.state', to: 'OnlinePending', t: 10_500 },
          why: 'RestartThreshold 1: one restart first.',
        },
      ],
    },
  },
};

function setup() {
  const app = createAppStore({ engine: { createSimulation, validateScenario } }, lesson);
  const player = createPlayer(app, { raf: () => 0, caf: () => {}, now: () => 0 });
  act(() => void player.open(lesson, 'test'));
  render(<LessonPanel player={player} />);
  return { player };
}

describe('the Lesson region', () => {
  it('shows the step text as text (emphasis only for **bold** and `code`), the step number, Back and Continue', () => {
    setup();
    const region = screen.getByRole('region', { name: 'Lesson' });
    expect(region).toHaveTextContent('P1 · The <b>panel</b>');
    expect(region).toHaveTextContent('Hello there, Web <script>x</script>');
    expect(within(region).getByText('there').tagName).toBe('STRONG');
    expect(within(region).getByText('Web').tagName).toBe('CODE');
    expect(region.querySelector('script, b')).toBeNull();
    expect(screen.getByTestId('lesson-step')).toHaveTextContent('1 / 2');
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeEnabled();
  });

  it('a question: choices as buttons named by their text, Continue disabled until one is chosen', async () => {
    const { player } = setup();
    act(() => player.continue());
    act(() => player.continue()); // skip the animation
    const choices = screen.getByRole('group', { name: 'Choices' });
    expect(
      within(choices)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['It restarts', 'It fails over']);
    expect(screen.getByRole('button', { name: 'Continue' })).toBeDisabled();
    await userEvent.click(within(choices).getByRole('button', { name: 'It fails over' }));
    expect(within(choices).getByRole('button', { name: 'It fails over' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Continue' })).toBeEnabled();
    act(() => player.continue());
    act(() => player.continue());
    const answer = screen.getByRole('status', { name: 'Answer' });
    expect(answer).toHaveTextContent('Not quite. The answer is: It restarts');
    expect(answer).toHaveTextContent('RestartThreshold 1: one restart first.');
    expect(screen.getByRole('button', { name: 'Open in Simulate' })).toBeInTheDocument();
  });
});
