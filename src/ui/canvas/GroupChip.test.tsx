// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { StoreProvider } from '../../store/context';
import { realStore, SQL_GROUP } from '../../store/test/realStore';
import { renderWithStore } from '../test/renderWithStore';
import { BRIEF_NAME_MAX, briefName, ChipGrid, GroupChip } from './GroupChip';

describe('GroupChip (the overview of a very big cluster)', () => {
  it('in full: the state icon, the name and the state', () => {
    renderWithStore(<GroupChip name="SQL" k={0} brief={false} state="Online" selected={false} />);
    const chip = screen.getByRole('button', { name: 'Group SQL' });
    expect(chip).toHaveAttribute('data-entity', 'group:SQL');
    expect(chip.querySelector('svg')).not.toBeNull();
    expect(chip).toHaveTextContent(/SQL\s*Online/);
    expect(chip).not.toHaveClass('is-brief');
  });

  it('zoomed out: a tile with the name and the state as text, no icon, still a target for the menu', () => {
    renderWithStore(<GroupChip name="SQL" k={3} brief state="Failed" selected />);
    const chip = screen.getByRole('button', { name: 'Group SQL' });
    expect(chip).toHaveClass('is-brief', 'state-bg-Failed', 'is-selected');
    expect(chip).toHaveAttribute('data-entity', 'group:SQL');
    expect(chip).toHaveAttribute('title', 'SQL: Failed');
    expect(chip.querySelector('svg')).toBeNull();
    expect(chip.querySelector('.entity-name')).toHaveTextContent('SQL');
    expect(chip.querySelector('.chip-state')).toHaveTextContent('Failed');
  });

  it('zoomed out, a long name is cut to fit the tile without a clip (the whole name stays in the title)', () => {
    const long = 'Virtual Machine Configuration 0042';
    expect(briefName(long)).toHaveLength(BRIEF_NAME_MAX);
    expect(briefName(long)).toBe('Virtual Machine…');
    expect(briefName('VM0042')).toBe('VM0042');
  });

  it('a region’s grid shows each group’s state from the store and the selected group, and follows both', () => {
    const store = realStore();
    render(
      <StoreProvider store={store}>
        <ReactFlowProvider>
          <ChipGrid groups={[SQL_GROUP]} />
        </ReactFlowProvider>
      </StoreProvider>,
    );
    const chip = () => screen.getByRole('button', { name: `Group ${SQL_GROUP}` });
    const stateNow = () => store.getState().index.groups[SQL_GROUP]!.state;
    expect(chip()).toHaveAttribute('title', `${SQL_GROUP}: ${stateNow()}`);
    const before = stateNow();
    act(() => store.getState().seek(60_000));
    expect(stateNow()).not.toBe(before); // it came online meanwhile
    expect(chip()).toHaveAttribute('title', `${SQL_GROUP}: ${stateNow()}`);
    expect(chip()).not.toHaveClass('is-brief'); // zoom 1: full detail
    expect(chip()).not.toHaveClass('is-selected');
    act(() => store.getState().select({ kind: 'group', name: SQL_GROUP }));
    expect(chip()).toHaveClass('is-selected');
  });
});
