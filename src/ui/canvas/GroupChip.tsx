/** A group in the overview of a very big cluster (./compactLayout): its name and state on one line. */
import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/context';
import type { AppState } from '../../store/types';
import { StateIcon } from '../icons';
import type { GroupData } from './layout';

const pick = (name: string) => (s: AppState) => ({
  state: s.index.groups[name]?.state ?? 'Offline',
  selected: s.selected?.kind === 'group' && s.selected.name === name,
});

export const GroupChip = memo(function GroupChip({ data }: NodeProps<Node<GroupData>>) {
  const g = useAppStore(useShallow(pick(data.name)));
  return (
    <div
      className={`group-chip state-bg-${g.state}${g.selected ? ' is-selected' : ''}`}
      title={`${data.name}: ${g.state}`}
    >
      <span className={`state-${g.state}`}>
        <StateIcon state={g.state} />
      </span>{' '}
      <span className="entity-name">{data.name}</span> <span className={`chip-state state-${g.state}`}>{g.state}</span>
    </div>
  );
});
