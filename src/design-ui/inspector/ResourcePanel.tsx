/** Inspector panels of a resource (type, group, dependencies, owners, properties) and of a dependency edge. */
import { useState } from 'react';
import { PROPERTY_NAMES, RESOURCE_TYPES } from '../../engine';
import { useEditorApi } from '../context';
import {
  addDependency,
  effectivePossibleOwners,
  findResource,
  groupsOf,
  moveResourceToGroup,
  nodesOf,
  readDeps,
  removeDependency,
  resourcesOf,
  setField,
  toggleOrSet,
  togglePossibleOwner,
  type RawScenario,
} from '../../design/edit/ops';
import { DeleteButton, NameField } from './elementFields';
import { CommitField, PropertyField } from './fields';
import { IpParameterFields } from './networkElementFields';

export function ResourcePanel({ name, raw }: { name: string; raw: RawScenario }) {
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
        commit={(r, v) => setField(r, { kind: 'resource', name }, 'type', v)}
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
                onClick={() => api.getState().edit((r) => toggleOrSet(r, name, set[0]!))}
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
      {type === 'IP Address' && <IpParameterFields name={name} raw={raw} params={resource.parameters} />}
      <h3>Properties</h3>
      {PROPERTY_NAMES.resource.map((n) => (
        <PropertyField key={n} scope="resource" target={name} name={n} />
      ))}
      <h3>Simulated behaviour</h3>
      {PROPERTY_NAMES.resourceBehavior.map((n) => (
        <PropertyField key={n} scope="resourceBehavior" target={name} name={n} type={type} />
      ))}
      <DeleteButton name={name} kind="resource" />
      <datalist id="d-types">
        {RESOURCE_TYPES.map((t) => (
          <option key={t.type} value={t.type} />
        ))}
      </datalist>
    </>
  );
}

export function EdgePanel({ dependent, provider, raw }: { dependent: string; provider: string; raw: RawScenario }) {
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
