/** The selected node, group or resource (or the cluster): effective properties, counters, faults, actions. */
import type { ReactNode } from 'react';
import { actionsFor, CLUSTER_ACTIONS } from '../store/actionCatalog';
import { formatProperty, formatSimTime } from '../store/format';
import type { GroupSpec, NodeSpec, ResourceSpec } from '../engine';
import { useAppStore, useAppStoreApi } from '../store/context';
import { liveOwner, selectQuorum, selectScenario, selectSelected } from '../store/selectors';
import type { EntityKind, EntityRef } from '../store/types';
import { refKey } from '../store/refs';
import { DecisionPanel } from './DecisionPanel';
import { ActionButtons } from './ActionButtons';
import { Countdown, Meter, StateBadge, Timers } from './parts';
import { Statechart } from './statechart/Statechart';
import { NetworkInspector } from './canvas/network/NetworkInspector';

export function Inspector() {
  const selected = useAppStore(selectSelected);
  return (
    <aside className="inspector" aria-label="Inspector">
      {selected ? <EntityPanel key={`${selected.kind}:${selected.name}`} entity={selected} /> : <ClusterPanel />}
    </aside>
  );
}

function ClusterPanel() {
  const q = useAppStore(selectQuorum);
  return (
    <section>
      <h2>Cluster</h2>
      <p className="muted">Select a node, group or resource on the canvas, in the table or in the log.</p>
      <dl className="props">
        <Row name="Quorum" value={q.hasQuorum ? 'yes' : 'LOST'} />
        <Row name="Votes" value={`${q.votes} of ${q.total}${q.dynamic ? ' (dynamic quorum)' : ''}`} />
        <Row
          name="Witness"
          value={
            q.witness.kind === 'none'
              ? 'none'
              : `${q.witness.kind}, ${q.witness.up ? 'up' : 'down'}, vote ${q.witness.vote}`
          }
        />
      </dl>
      <ClusterWhy />
      <ActionButtons items={CLUSTER_ACTIONS} />
      <NetworkInspector />
    </section>
  );
}

/** The latest quorum decision (QuorumLost / QuorumRegained), with what happened at that instant. */
function ClusterWhy() {
  const e = useAppStore((s) => s.decisions.cluster);
  if (!e) return null;
  return (
    <>
      <h3>Latest quorum decision</h3>
      <DecisionPanel event={e} />
    </>
  );
}

function EntityPanel({ entity }: { entity: EntityRef }) {
  const scenario = useAppStore(selectScenario);
  const api = useAppStoreApi();
  const items = actionsFor(entity, scenario);
  let body: ReactNode;
  if (entity.kind === 'node') {
    const spec = scenario.nodes.find((n) => n.name === entity.name);
    body = spec && <NodeBody spec={spec} />;
  } else if (entity.kind === 'group') {
    const spec = scenario.groups.find((g) => g.name === entity.name);
    body = spec && <GroupBody spec={spec} />;
  } else {
    const spec = scenario.groups.flatMap((g) => g.resources).find((r) => r.name === entity.name);
    body = spec && <ResourceBody spec={spec} />;
  }
  return (
    <section>
      <div className="inspector-head">
        <h2>
          <span className="kind">{entity.kind}</span> {entity.name}
        </h2>
        <button type="button" className="link" onClick={() => api.getState().select(null)}>
          Close
        </button>
      </div>
      <LatestWhy entity={entity} />
      {body ?? <p>Not in this scenario.</p>}
      {body && <Statechart entity={entity} />}
      <h3>Actions</h3>
      <ActionButtons items={items} />
    </section>
  );
}

function Row({ name, value, isDefault }: { name: string; value: ReactNode; isDefault?: boolean }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>
        {value}
        {isDefault && (
          <span className="default-tag" title="Not set in the scenario: WSFC's default">
            {' '}
            (default)
          </span>
        )}
      </dd>
    </>
  );
}

function Props({ props, explicit, prefix = '' }: { props: object; explicit: string[]; prefix?: string }) {
  return (
    <>
      {Object.entries(props).map(([k, v]) => (
        <Row
          key={k}
          name={k}
          value={formatProperty(prefix + k, v)}
          isDefault={!explicit.includes(prefix + k) && !explicit.includes(k)}
        />
      ))}
    </>
  );
}

function NodeBody({ spec }: { spec: NodeSpec }) {
  const n = useAppStore((s) => s.index.nodes[spec.name]);
  if (!n) return null;
  return (
    <>
      <dl className="props">
        <Row
          name="State"
          value={
            n.crashedUndetected ? (
              <>
                crashed at {formatSimTime(n.crashedUndetected.crashedAt)}, detected in{' '}
                <Countdown deadline={n.crashedUndetected.detectAt} />
              </>
            ) : (
              <StateBadge state={n.state} />
            )
          }
        />
        <Row name="Node ID" value={n.id} />
        <Row name="Quorum vote" value={`${n.vote} (NodeWeight ${n.nodeWeight})`} />
        {n.drainedGroups.length > 0 && <Row name="Drained groups" value={n.drainedGroups.join(', ')} />}
      </dl>
      <TimersAndProperties kind="node" spec={spec} />
    </>
  );
}

function GroupBody({ spec }: { spec: GroupSpec }) {
  const g = useAppStore((s) => s.index.groups[spec.name]);
  const api = useAppStoreApi();
  if (!g) return null;
  return (
    <>
      <dl className="props">
        <Row name="State" value={<StateBadge state={g.state} />} />
        <Row name="Owner" value={<OwnerText owner={g.owner} />} />
        <Row name="Persistent state" value={g.persistentState} />
        <Row name="Activity" value={g.activity} />
        <Row name="Preferred owners" value={spec.preferredOwners.join(', ') || '(none)'} />
        <Row
          name="Failovers at"
          value={g.failovers.times.length ? g.failovers.times.map(formatSimTime).join(', ') : 'none in the window'}
        />
      </dl>
      <Meter
        label="failovers"
        count={g.failovers.count}
        threshold={g.failovers.threshold}
        endsAt={g.failovers.windowEndsAt}
        endsLabel="oldest ages out in"
      />
      <Timers kind="group" subject={spec.name} />
      <h3>Properties</h3>
      <dl className="props">
        <Props props={spec.properties} explicit={spec.explicit} />
      </dl>
      <h3>Resources</h3>
      <ul className="plain">
        {spec.resources.map((r) => (
          <li key={r.name}>
            <button
              type="button"
              className="link"
              onClick={() => api.getState().select({ kind: 'resource', name: r.name })}
            >
              {r.name}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function ResourceBody({ spec }: { spec: ResourceSpec }) {
  const r = useAppStore((s) => s.index.resource(spec.name));
  if (!r) return null;
  const faults = Object.entries(r.faults).filter(([, v]) => v !== 'ok');
  const deps = spec.dependsOn
    .map((set) => (set.length > 1 ? `(${set.map((n) => `[${n}]`).join(' or ')})` : `[${set[0]}]`))
    .join(' and ');
  return (
    <>
      <dl className="props">
        <Row name="State" value={<StateBadge state={r.state} />} />
        <Row name="Node" value={<OwnerText owner={r.node} />} />
        <Row name="Group" value={r.group} />
        <Row name="Type" value={r.type} />
        <Row name="Depends on" value={deps || '(nothing)'} />
        <Row name="Possible owners" value={spec.possibleOwners.join(', ') || 'every node'} />
        <Row name="Monitor" value={r.monitor === 'separate' ? 'its own (separate)' : 'shared'} />
        <Row name="Faults" value={faults.length ? faults.map(([k, v]) => `${k}: ${v}`).join(', ') : 'none'} />
        {r.hungCall && <Row name="Hung call" value={`${r.hungCall.call} since ${formatSimTime(r.hungCall.since)}`} />}
        {r.onlineSince !== null && <Row name="Online since" value={formatSimTime(r.onlineSince)} />}
        {r.nextLooksAlive !== null && <Row name="Next LooksAlive" value={<Countdown deadline={r.nextLooksAlive} />} />}
        {r.nextIsAlive !== null && <Row name="Next IsAlive" value={<Countdown deadline={r.nextIsAlive} />} />}
        {r.gaveUp && (
          <Row
            name="Restarts"
            value={`exhausted; retry after RetryPeriodOnFailure (${formatProperty('RetryPeriodOnFailure', spec.properties.RetryPeriodOnFailure)})`}
          />
        )}
      </dl>
      <Meter
        label="restarts"
        count={r.restarts.count}
        threshold={r.restarts.threshold}
        endsAt={r.restarts.windowEndsAt}
        endsLabel="window resets in"
      />
      <TimersAndProperties kind="resource" spec={spec} />
    </>
  );
}

/** Live timers of an element, then its effective properties and simulated behaviour (defaults marked). */
function TimersAndProperties({
  kind,
  spec,
}: {
  kind: EntityKind;
  spec: { name: string; properties: object; behavior: object; explicit: string[] };
}) {
  return (
    <>
      <Timers kind={kind} subject={spec.name} />
      <h3>Properties</h3>
      <dl className="props">
        <Props props={spec.properties} explicit={spec.explicit} />
        <Props props={spec.behavior} explicit={spec.explicit} prefix="behavior." />
      </dl>
    </>
  );
}

/** The entity's latest decision with its whole "why" (rule, numbers, the events it counted). */
function LatestWhy({ entity }: { entity: EntityRef }) {
  const e = useAppStore((s) => s.decisions[refKey(entity.kind, entity.name)]);
  if (!e) return null;
  return (
    <>
      <h3>Latest decision</h3>
      <DecisionPanel event={e} />
    </>
  );
}

/** The owner as `final` reports it; a remembered owner that is not live (quorum lost) is history. */
function OwnerText({ owner }: { owner: string | null }) {
  const live = useAppStore((s) => liveOwner(s, owner));
  if (live !== null) return <>{live}</>;
  return owner ? <>(none) · last owner {owner}</> : <>(none)</>;
}
