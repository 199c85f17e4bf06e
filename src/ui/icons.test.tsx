// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StateBadge } from './parts';

describe('state icons', () => {
  it('are inline SVG beside the state text, never a font glyph that may render as an empty box', () => {
    for (const state of [
      'Up',
      'Down',
      'Paused',
      'Joining',
      'Crashed',
      'Online',
      'PartialOnline',
      'Pending',
      'Offline',
      'Failed',
      'OnlinePending',
      'QuorumStopped',
    ]) {
      const { container, unmount } = render(<StateBadge state={state} />);
      const svg = container.querySelector('svg.state-icon')!;
      expect(svg, state).not.toBeNull();
      expect(svg.getAttribute('aria-hidden')).toBe('true');
      expect(svg.children.length, state).toBeGreaterThan(0);
      expect(container.textContent.trim()).toBe(state); // the text carries the meaning
      unmount();
    }
  });

  it('draws Paused as two bars', () => {
    const { container } = render(<StateBadge state="Paused" />);
    expect(container.querySelectorAll('svg rect')).toHaveLength(2);
  });
});
