// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithStore } from '../test/renderWithStore';
import { BRIEF_NAME_MAX, briefName, GroupChip } from './GroupChip';

describe('GroupChip (the overview of a very big cluster)', () => {
  it('in full: the state icon, the name and the state', () => {
    renderWithStore(<GroupChip name="SQL" k={0} brief={false} />);
    const chip = screen.getByRole('button', { name: 'Group SQL' });
    expect(chip).toHaveAttribute('data-entity', 'group:SQL');
    expect(chip.querySelector('svg')).not.toBeNull();
    expect(chip).toHaveTextContent(/SQL\s*Online/);
    expect(chip).not.toHaveClass('is-brief');
  });

  it('zoomed out: a tile with the name and the state as text, no icon, still a target for the menu', () => {
    renderWithStore(<GroupChip name="SQL" k={3} brief />);
    const chip = screen.getByRole('button', { name: 'Group SQL' });
    expect(chip).toHaveClass('is-brief', 'state-bg-Online');
    expect(chip).toHaveAttribute('data-entity', 'group:SQL');
    expect(chip).toHaveAttribute('title', 'SQL: Online');
    expect(chip.querySelector('svg')).toBeNull();
    expect(chip.querySelector('.entity-name')).toHaveTextContent('SQL');
    expect(chip.querySelector('.chip-state')).toHaveTextContent('Online');
  });

  it('zoomed out, a long name is cut to fit the tile without a clip (the whole name stays in the title)', () => {
    const long = 'Virtual Machine Configuration 0042';
    expect(briefName(long)).toHaveLength(BRIEF_NAME_MAX);
    expect(briefName(long)).toBe('Virtual Machine…');
    expect(briefName('VM0042')).toBe('VM0042');
  });
});
