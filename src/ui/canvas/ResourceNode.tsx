/** A resource inside its group: state, restart budget, poll phase, faults and running timers. */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/context';
import type { AppState } from '../../store/types';
import { Countdown, LastDecision, Meter, StateBadge, Timers } from '../parts';
import { useDetail } from './detail';
import { PollPulse } from './mechanics';
import { StateIcon } from '../icons';
import type { ResourceData } from './layout';

const pick = (name: string) => (s: AppState) => {
  const r = s.index.resource(name);
  const f = r?.faults;
  const faults = f
    ? [
        f.looksAlive !== 'ok' && `LooksAlive ${f.looksAlive}`,
        f.isAlive !== 'ok' && `IsAlive ${f.isAlive}`,
        f.online !== 'ok' && `Online ${f.online}`,
        f.offline !== 'ok' && `Offline ${f.offline}`,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return {
    state: r?.state ?? 'Offline',
    count: r?.restarts.count ?? 0,
    threshold: r?.restarts.threshold ?? 0,
    endsAt: r?.restarts.windowEndsAt ?? null,
    faults,
    hung: r?.hungCall ? r.hungCall.call : null,
    gaveUp: r?.gaveUp ?? false,
    nextIsAlive: r?.nextIsAlive ?? null,
    nextLooksAlive: r?.nextLooksAlive ?? null,
    selected: s.selected?.kind === 'resource' && s.selected.name === name,
  };
};

const pickBrief = (name: string) => (s: AppState) => ({
  state: s.index.resource(name)?.state ?? 'Offline',
  selected: s.selected?.kind === 'resource' && s.selected.name === name,
});

export const ResourceNode = memo(function ResourceNode({ data }: NodeProps<Node<ResourceData>>) {
  return useDetail() ? <ResourceDetail name={data.name} /> : <ResourceBrief name={data.name} />;
});

/** Zoomed out: name and state only (see ./detail). */
function ResourceBrief({ name }: { name: string }) {
  const r = useAppStore(useShallow(pickBrief(name)));
  return (
    <div className={`resource state-bg-${r.state}${r.selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="resource-head">
        <span className="entity-name" title={name}>
          {name}
        </span>
        <StateBadge state={r.state} />
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

function ResourceDetail({ name }: { name: string }) {
  const r = useAppStore(useShallow(pick(name)));
  return (
    <div className={`resource state-bg-${r.state}${r.selected ? ' is-selected' : ''}`}>
      <PollPulse name={name} />
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="resource-head">
        <span className="entity-name" title={name}>
          {name}
        </span>
        <StateBadge state={r.state} />
      </div>
      {(r.count > 0 || r.endsAt !== null) && (
        <Meter
          label="restarts"
          count={r.count}
          threshold={r.threshold}
          endsAt={r.endsAt}
          endsLabel="window resets in"
        />
      )}
      {r.gaveUp && <div className="warn-text">gave up restarting</div>}
      {r.faults && (
        <div className="faults" title="Injected faults">
          <StateIcon state="Warning" /> {r.faults}
        </div>
      )}
      {r.hung && <div className="warn-text">{r.hung} call hung</div>}
      {r.state === 'Online' && (r.nextLooksAlive !== null || r.nextIsAlive !== null) && (
        <div className="polls muted">
          {r.nextLooksAlive !== null && (
            <span>
              LA <Countdown deadline={r.nextLooksAlive} />{' '}
            </span>
          )}
          {r.nextIsAlive !== null && (
            <span>
              IA <Countdown deadline={r.nextIsAlive} />
            </span>
          )}
        </div>
      )}
      <Timers kind="resource" subject={name} />
      <LastDecision kind="resource" name={name} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}
