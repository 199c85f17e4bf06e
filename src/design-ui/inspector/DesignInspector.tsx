/** The Design inspector: every contract §1 setting of the selected element (or of the scenario). */
import { useState, type DragEvent } from 'react';
import { PROPERTY_NAMES, RESOURCE_TYPES, NODE_STATES, PERSISTENT_STATES } from '../../engine/model/resourceTypes';
import { useEditor, useEditorApi } from '../context';
import {
  addDependency,
  deleteElement,
  effectivePossibleOwners,
  findResource,
  groupsOf,
  movePreferredOwner,
  moveResourceToGroup,
  nodesOf,
  readDeps,
  removeDependency,
  resourcesOf,
  setClusterField,
  setField,
  setPreferredOwners,
  toggleOrSet,
  togglePossibleOwner,
  togglePreferredOwner,
  type RawScenario,
} from '../store/ops';
import { CommitField, PropertyField } from './fields';

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

function DeleteButton({ name, what }: { name: string; what: string }) {
  const api = useEditorApi();
  return (
    <button type="button" className="danger" onClick={() => api.getState().edit((r) => deleteElement(r, name))}>
      Delete {what}
    </button>
  );
}

function NameField({ name, kind }: { name: string; kind: 'node' | 'group' | 'resource' }) {
  const api = useEditorApi();
  return (
    <CommitField
      label="Name"
      value={name}
      kind="text"
      commit={(r, v) => setField(r, name, 'name', v ?? '')}
      onApplied={(v) => api.getState().select({ kind, name: String(v) })}
    />
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
            api.getState().edit((r) => setField(r, name, 'state', e.target.value === 'Up' ? undefined : e.target.value))
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
      <DeleteButton name={name} what="node" />
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
          value={typeof group.ownerNode === 'string' ? group.ownerNode : ''}
          onChange={(e) => api.getState().edit((r) => setField(r, name, 'ownerNode', e.target.value || undefined))}
        >
          <option value="">(automatic)</option>
          {nodes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
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
                setField(r, name, 'persistentState', e.target.value === 'online' ? undefined : e.target.value),
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
      <h3>Properties</h3>
      {PROPERTY_NAMES.group.map((n) => (
        <PropertyField key={n} scope="group" target={name} name={n} />
      ))}
      <DeleteButton name={name} what="group" />
    </>
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

function ResourcePanel({ name, raw }: { name: string; raw: RawScenario }) {
  const api = useEditorApi();
  const [provider, setProvider] = useState('');
  const found = findResource(raw, name);
  if (!found) return null;
  const { resource, group } = found;
  const type = typeof resource.type === 'string' ? resource.type : 'Generic Application';
  const sets = readDeps(resource);
  const candidates = resourcesOf(group)
    .map((r) => r.name)
    .filter((n) => n !== name && !(sets ?? []).flat().includes(n));
  const owners = effectivePossibleOwners(raw, resource);
  return (
    <>
      <h2>
        Resource <span className="d-name">{name}</span>
      </h2>
      <NameField name={name} kind="resource" />
      <CommitField
        label="Type"
        value={resource.type}
        kind="text"
        list="d-types"
        placeholder="Generic Application"
        commit={(r, v) => setField(r, name, 'type', v)}
      />
      <div className="d-field">
        <label htmlFor="d-res-group">Group</label>
        <select
          id="d-res-group"
          value={group.name}
          onChange={(e) => api.getState().edit((r) => moveResourceToGroup(r, name, e.target.value))}
        >
          {groupsOf(raw).map((g) => (
            <option key={g.name} value={g.name}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Depends on</legend>
        {sets === null && (
          <p className="d-error">The dependency expression {JSON.stringify(resource.dependsOn)} cannot be read.</p>
        )}
        {sets && sets.length === 0 && <p className="muted">Nothing.</p>}
        <ul className="d-deps">
          {(sets ?? []).map((set, si) => (
            <li key={si}>
              {set.length > 1 && <span className="d-or-tag">any one of</span>}
              {set.map((p) => (
                <span key={p} className="d-dep">
                  <span className="d-name">{p}</span>
                  <button
                    type="button"
                    className="small"
                    aria-label={`Remove dependency of ${name} on ${p}`}
                    onClick={() => api.getState().edit((r) => removeDependency(r, name, p))}
                  >
                    ✕
                  </button>
                </span>
              ))}
              <button
                type="button"
                className="small"
                onClick={() => api.getState().edit((r) => toggleOrSet(r, name, set[0]))}
              >
                {set.length > 1 ? 'Make AND (need all)' : 'Make OR with the other AND providers'}
              </button>
            </li>
          ))}
        </ul>
        <div className="d-row">
          <label htmlFor="d-add-dep">Add dependency on</label>
          <select id="d-add-dep" value={provider} onChange={(e) => setProvider(e.target.value)}>
            <option value="">(choose a resource of {group.name})</option>
            {candidates.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!provider}
            onClick={() => {
              api.getState().edit((r) => addDependency(r, name, provider));
              setProvider('');
            }}
          >
            Add dependency
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Possible owners</legend>
        {nodesOf(raw).map((n) => (
          <label key={n.name} className="d-check">
            <input
              type="checkbox"
              checked={owners.includes(n.name)}
              onChange={() => api.getState().edit((r) => togglePossibleOwner(r, name, n.name))}
            />
            {n.name}
          </label>
        ))}
        {resource.possibleOwners === undefined && <p className="muted">All nodes (default).</p>}
      </fieldset>
      <h3>Properties</h3>
      {PROPERTY_NAMES.resource.map((n) => (
        <PropertyField key={n} scope="resource" target={name} name={n} />
      ))}
      <h3>Simulated behaviour</h3>
      {PROPERTY_NAMES.resourceBehavior.map((n) => (
        <PropertyField key={n} scope="resourceBehavior" target={name} name={n} type={type} />
      ))}
      <DeleteButton name={name} what="resource" />
      <datalist id="d-types">
        {RESOURCE_TYPES.map((t) => (
          <option key={t.type} value={t.type} />
        ))}
      </datalist>
    </>
  );
}

function EdgePanel({ dependent, provider, raw }: { dependent: string; provider: string; raw: RawScenario }) {
  const api = useEditorApi();
  const found = findResource(raw, dependent);
  const set = (found && readDeps(found.resource)?.find((s) => s.includes(provider))) ?? null;
  if (!set) return null;
  return (
    <>
      <h2>Dependency</h2>
      <p>
        <span className="d-name">{dependent}</span> depends on <span className="d-name">{provider}</span>
        {set.length > 1 && (
          <>
            {' '}
            — any one of{' '}
            {set.map((n) => (
              <span key={n} className="d-name">
                {n}{' '}
              </span>
            ))}
            (OR)
          </>
        )}
        .
      </p>
      <button type="button" onClick={() => api.getState().edit((r) => toggleOrSet(r, dependent, provider))}>
        {set.length > 1 ? 'Make AND (need all)' : 'Make OR'}
      </button>
      <button
        type="button"
        className="danger"
        onClick={() => api.getState().edit((r) => removeDependency(r, dependent, provider))}
      >
        Delete dependency
      </button>
    </>
  );
}
