/** A region's groups in the overview of a very big cluster (./compactLayout): one line each, name and state. */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/context';
import type { AppState } from '../../store/types';
import { StateIcon } from '../icons';
import { CHIP_H, CHIP_W, chipAt } from './compactLayout';

const pick = (name: string) => (s: AppState) => ({
  state: s.index.groups[name]?.state ?? 'Offline',
  selected: s.selected?.kind === 'group' && s.selected.name === name,
});

/**
 * `data-entity` lets the canvas open the context menu on a chip (right-click or Shift+F10), as it
 * does on a React Flow node.
 */
export const GroupChip = memo(function GroupChip({ name, k }: { name: string; k: number }) {
  const g = useAppStore(useShallow(pick(name)));
  const at = chipAt(k);
  return (
    <div
      className={`group-chip nodrag state-bg-${g.state}${g.selected ? ' is-selected' : ''}`}
      style={{ left: at.x, top: at.y, width: CHIP_W, height: CHIP_H }}
      title={`${name}: ${g.state}`}
      data-entity={`group:${name}`}
      role="button"
      tabIndex={0}
      aria-label={`Group ${name}`}
    >
      <span className={`state-${g.state}`}>
        <StateIcon state={g.state} />
      </span>{' '}
      <span className="entity-name">{name}</span> <span className={`chip-state state-${g.state}`}>{g.state}</span>
    </div>
  );
});

export function ChipGrid({ groups }: { groups: readonly string[] }) {
  return (
    <>
      {groups.map((g, k) => (
        <GroupChip key={g} name={g} k={k} />
      ))}
    </>
  );
}
