/** The Design inspector: every contract §1 setting of the selected element (or of the scenario). */
import { useState, type DragEvent } from 'react';
import { PROPERTY_NAMES, NODE_STATES, PERSISTENT_STATES, initialOwner, validateScenario } from '../../engine';
import { initialOwnerInNetworkMode } from '../../design/owners';
import { useEditor, useEditorApi } from '../context';
import {
  groupsOf,
  movePreferredOwner,
  nodesOf,
  setClusterField,
  setField,
  resourcesOf,
  setPreferredOwners,
  togglePreferredOwner,
  type RawGroup,
  type RawScenario,
} from '../../design/edit/ops';
import { DeleteButton, NameField } from './elementFields';
import { CommitField, PropertyField } from './fields';
import { EdgePanel, ResourcePanel } from './ResourcePanel';
import { NetworksSection, NodeNetworkFields } from './networkFields';
import { GroupSiteFields } from './networkElementFields';

export function DesignInspector() {
  const selection = useEditor((s) => s.selection);
  const raw = useEditor((s) => s.raw);
  let body;
  if (!selection) body = <ScenarioPanel raw={raw} />;
  else if (selection.kind === 'edge')
    body = <EdgePanel dependent={selection.dependent} provider={selection.provider} raw={raw} />;
  else if (selection.kind === 'node') body = <NodePanel name={selection.name} raw={raw} />;
  else if (selection.kind === 'group') body = <GroupPanel name={selection.name} raw={raw} />;
  else body = <ResourcePanel name={selection.name} raw={raw} />;
  return (
    <aside className="d-inspector" aria-label="Design inspector">
      {body}
    </aside>
  );
}

function ScenarioPanel({ raw }: { raw: RawScenario }) {
  const cluster = (raw.cluster ?? {}) as Record<string, unknown>;
  return (
    <>
      <h2>Scenario</h2>
      <p className="muted">Select a node, group, resource or dependency on the canvas to edit it.</p>
      <CommitField label="Name" value={raw.name} kind="text" commit={(r, v) => setField(r, undefined, 'name', v)} />
      <CommitField
        label="Description"
        value={raw.description}
        kind="text"
        multiline
        commit={(r, v) => setField(r, undefined, 'description', v)}
      />
      <CommitField
        label="Seed"
        value={raw.seed}
        kind="int"
        placeholder="1"
        isDefault={raw.seed === undefined}
        commit={(r, v) => setField(r, undefined, 'seed', v)}
      />
      <CommitField
        label="Run until (ms)"
        value={raw.until}
        kind="int"
        placeholder="last action + 1 h"
        isDefault={raw.until === undefined}
        commit={(r, v) => setField(r, undefined, 'until', v)}
      />
      <CommitField
        label="Start time (HH:MM)"
        value={cluster.startTime}
        kind="text"
        placeholder="00:00"
        isDefault={cluster.startTime === undefined}
        commit={(r, v) => setClusterField(r, 'startTime', v)}
      />
      <NetworksSection raw={raw} />
      <h3>Cluster properties</h3>
      {PROPERTY_NAMES.cluster.map((n) => (
        <PropertyField key={n} scope="cluster" name={n} />
      ))}
      <h3>Quorum</h3>
      {PROPERTY_NAMES.quorum.map((n) => (
        <PropertyField key={n} scope="quorum" name={n} />
      ))}
    </>
  );
}

function NodePanel({ name, raw }: { name: string; raw: RawScenario }) {
  const api = useEditorApi();
  const node = nodesOf(raw).find((n) => n.name === name);
  if (!node) return null;
  return (
    <>
      <h2>
        Node <span className="d-name">{name}</span>
      </h2>
      <NameField name={name} kind="node" />
      <div className="d-field">
        <label htmlFor="d-node-state">Initial state</label>
        <select
          id="d-node-state"
          value={typeof node.state === 'string' ? node.state : 'Up'}
          onChange={(e) =>
            api
              .getState()
              .edit((r) =>
                setField(r, { kind: 'node', name }, 'state', e.target.value === 'Up' ? undefined : e.target.value),
              )
          }
        >
          {NODE_STATES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      {PROPERTY_NAMES.node.map((n) => (
        <PropertyField key={n} scope="node" target={name} name={n} />
      ))}
      {PROPERTY_NAMES.nodeBehavior.map((n) => (
        <PropertyField key={n} scope="nodeBehavior" target={name} name={n} />
      ))}
      <NodeNetworkFields name={name} raw={raw} />
      <DeleteButton name={name} kind="node" />
    </>
  );
}

function GroupPanel({ name, raw }: { name: string; raw: RawScenario }) {
  const api = useEditorApi();
  const group = groupsOf(raw).find((g) => g.name === name);
  if (!group) return null;
  const nodes = nodesOf(raw).map((n) => n.name);
  return (
    <>
      <h2>
        Group <span className="d-name">{name}</span>
      </h2>
      <NameField name={name} kind="group" />
      <div className="d-field">
        <label htmlFor="d-owner">Initial owner</label>
        <select
          id="d-owner"
          aria-describedby="d-owner-starts"
          value={typeof group.ownerNode === 'string' ? group.ownerNode : ''}
          onChange={(e) =>
            api.getState().edit((r) => setField(r, { kind: 'group', name }, 'ownerNode', e.target.value || undefined))
          }
        >
          <option value="">(automatic)</option>
          {nodes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <StartsOn raw={raw} group={group} />
      </div>
      <div className="d-field">
        <label htmlFor="d-pstate">Persistent state</label>
        <select
          id="d-pstate"
          value={typeof group.persistentState === 'string' ? group.persistentState : 'online'}
          onChange={(e) =>
            api
              .getState()
              .edit((r) =>
                setField(
                  r,
                  { kind: 'group', name },
                  'persistentState',
                  e.target.value === 'online' ? undefined : e.target.value,
                ),
              )
          }
        >
          {PERSISTENT_STATES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      <PreferredOwners
        group={name}
        list={Array.isArray(group.preferredOwners) ? group.preferredOwners : []}
        nodes={nodes}
      />
      <GroupSiteFields name={name} raw={raw} />
      <h3>Properties</h3>
      {PROPERTY_NAMES.group.map((n) => (
        <PropertyField key={n} scope="group" target={name} name={n} />
      ))}
      <DeleteButton name={name} kind="group" />
    </>
  );
}

/**
 * Where the group starts at t = 0, by the engine's own rule (contract §1: ownerNode only if it is
 * Up then), so a Down initial owner is visibly not used.
 */
function StartsOn({ raw, group }: { raw: RawScenario; group: RawGroup }) {
  const errors = useEditor((s) => s.errors.length);
  if (errors > 0) return null;
  const nodes = nodesOf(raw).map((n) => ({
    name: n.name,
    state: n.state === 'Down' ? ('Down' as const) : ('Up' as const),
  }));
  // Network mode: "can run" (IP networks, OR sets) and site tiers decide (networks.md §4.10–§4.11).
  const valid = raw.networks ? validateScenario(raw) : null;
  const spec = valid?.ok ? valid.scenario.groups.find((g) => g.name === group.name) : undefined;
  const owner =
    valid?.ok && spec
      ? initialOwnerInNetworkMode(valid.scenario, spec)
      : initialOwner(nodes, {
          ownerNode: typeof group.ownerNode === 'string' ? group.ownerNode : null,
          preferredOwners: Array.isArray(group.preferredOwners) ? group.preferredOwners : [],
          resources: resourcesOf(group).map((r) => ({
            possibleOwners: Array.isArray(r.possibleOwners) ? r.possibleOwners : [],
          })),
        });
  const given = typeof group.ownerNode === 'string' ? group.ownerNode : null;
  const where = owner === null ? 'no Up node can host every resource, so it waits for one' : `it is placed on ${owner}`;
  return (
    <p id="d-owner-starts" className="muted">
      {given !== null && given !== owner ? `${given} is Down at t = 0: ` : 'At t = 0 '}
      {where}.
    </p>
  );
}

function PreferredOwners({ group, list, nodes }: { group: string; list: string[]; nodes: string[] }) {
  const api = useEditorApi();
  const [dragging, setDragging] = useState<string | null>(null);
  const others = nodes.filter((n) => !list.includes(n));
  const drop = (e: DragEvent, target: string) => {
    e.preventDefault();
    if (!dragging || dragging === target) return;
    const next = list.filter((n) => n !== dragging);
    next.splice(next.indexOf(target) + (list.indexOf(dragging) < list.indexOf(target) ? 1 : 0), 0, dragging);
    api.getState().edit((r) => setPreferredOwners(r, group, next));
    setDragging(null);
  };
  return (
    <fieldset className="d-owners">
      <legend>Preferred owners (in order)</legend>
      {list.length === 0 && <p className="muted">No preference.</p>}
      <ol aria-label="Preferred owners">
        {list.map((n, i) => (
          <li
            key={n}
            draggable
            onDragStart={() => setDragging(n)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => drop(e, n)}
            className={dragging === n ? 'is-dragging' : ''}
          >
            <span className="d-grip" aria-hidden="true">
              ⠿
            </span>
            <span className="d-name">{n}</span>
            <button
              type="button"
              aria-label={`Move ${n} up`}
              disabled={i === 0}
              onClick={() => api.getState().edit((r) => movePreferredOwner(r, group, n, -1), { quiet: true })}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${n} down`}
              disabled={i === list.length - 1}
              onClick={() => api.getState().edit((r) => movePreferredOwner(r, group, n, 1), { quiet: true })}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={`Remove ${n} from preferred owners`}
              onClick={() => api.getState().edit((r) => togglePreferredOwner(r, group, n))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      {others.map((n) => (
        <button
          key={n}
          type="button"
          className="small"
          onClick={() => api.getState().edit((r) => togglePreferredOwner(r, group, n))}
        >
          Add {n} as preferred owner
        </button>
      ))}
    </fieldset>
  );
}
