/** A region's groups in the overview of a very big cluster (./compactLayout): one line each, name and state. */
import { memo, useMemo } from 'react';
import { useAppStore } from '../../store/context';
import type { AppState } from '../../store/types';
import { StateIcon } from '../icons';
import { CHIP_H, CHIP_W, chipAt } from './compactLayout';
import { useDetail } from './detail';

/**
 * A region's chips read the store through one subscription, not two each: every subscriber runs on
 * every store update, 60 times a second at 1,000×, and a few regions on screen hold 500 chips. The
 * states of the region's groups as one string, rebuilt only when some group changed (the engine
 * keeps the groups list while none does).
 */
function selectStates(groups: readonly string[]) {
  let from: AppState['view']['groups'] | null = null;
  let key = '';
  return (s: AppState) => {
    if (s.view.groups !== from) {
      from = s.view.groups;
      key = groups.map((g) => s.index.groups[g]?.state ?? 'Offline').join('\u0000');
    }
    return key;
  };
}
const selectSelectedGroup = (s: AppState) => (s.selected?.kind === 'group' ? s.selected.name : null);

/** Zoomed out, a chip's name is cut to this many characters so that it fits without a clip (see below). */
export const BRIEF_NAME_MAX = 16;
export const briefName = (name: string) =>
  name.length > BRIEF_NAME_MAX ? `${name.slice(0, BRIEF_NAME_MAX - 1)}…` : name;

/**
 * `data-entity` lets the canvas open the context menu on a chip (right-click or Shift+F10), as it
 * does on a React Flow node.
 *
 * `brief` (zoomed out below ./detail's DETAIL_ZOOM, where 12 px text renders under 6 px): the chip
 * is a tile with the name and the state as two plain lines and no icon. The full chip's icon (an
 * SVG) and its ellipsis (a clip) each start a new paint chunk, and Chromium re-layerizes every chunk
 * of the page whenever anything on it repaints, i.e. every frame while playing (the clock moves):
 * 500 full chips on screen cost ~2 ms of layerizing per frame, tiles almost nothing.
 */
export const GroupChip = memo(function GroupChip({
  name,
  k,
  brief,
  state,
  selected,
}: {
  name: string;
  k: number;
  brief: boolean;
  state: string;
  selected: boolean;
}) {
  const at = chipAt(k);
  const common = {
    style: { left: at.x, top: at.y, width: CHIP_W, height: CHIP_H },
    title: `${name}: ${state}`,
    'data-entity': `group:${name}`,
    role: 'button',
    tabIndex: 0,
    'aria-label': `Group ${name}`,
  };
  const cls = `group-chip nodrag state-bg-${state}${selected ? ' is-selected' : ''}`;
  if (brief)
    return (
      <div className={`${cls} is-brief`} {...common}>
        <span className="entity-name">{briefName(name)}</span>
        <span className={`chip-state state-${state}`}>{state}</span>
      </div>
    );
  return (
    <div className={cls} {...common}>
      <span className={`state-${state}`}>
        <StateIcon state={state} />
      </span>{' '}
      <span className="entity-name">{name}</span> <span className={`chip-state state-${state}`}>{state}</span>
    </div>
  );
});

export function ChipGrid({ groups }: { groups: readonly string[] }) {
  const brief = !useDetail();
  const states = useAppStore(useMemo(() => selectStates(groups), [groups])).split('\u0000');
  const selected = useAppStore(selectSelectedGroup);
  return (
    <>
      {groups.map((g, k) => (
        <GroupChip key={g} name={g} k={k} brief={brief} state={states[k] ?? 'Offline'} selected={g === selected} />
      ))}
    </>
  );
}
