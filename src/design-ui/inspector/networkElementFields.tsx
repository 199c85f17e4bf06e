/**
 * Network and site settings of a single element: a group's ordered PreferredSite and an IP
 * Address's Network and Address (networks.md §1.5). Native controls; one edit per change.
 */
import { useId } from 'react';
import { moveGroupPreferredSite, toggleGroupPreferredSite } from '../../design/siteOps';
import { setIpParameter } from '../../design/networkOps';
import { isObj, networksOf, roleOf, siteLevel, sitesOf } from '../../design/netRaw';
import { useEditorApi } from '../context';
import { namedGroupsOf as groupsOf, type Dict as RawScenario } from '../../design/netRaw';
import { CommitField } from './fields';
import { ROLE_LABELS } from './networkFields';

/** A group's PreferredSite: an ordered list of sites (group inspector). */
export function GroupSiteFields({ name, raw }: { name: string; raw: RawScenario }) {
  const api = useEditorApi();
  if (!siteLevel(raw)) return null;
  const g = groupsOf(raw).find((x) => x.name === name);
  const v = g && isObj(g.properties) ? g.properties.PreferredSite : undefined;
  const list = Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  const others = sitesOf(raw).filter((s) => !list.includes(s));
  return (
    <fieldset className="d-owners">
      <legend>Preferred sites (in order)</legend>
      {list.length === 0 && <p className="muted">No preference: the cluster PreferredSite, if any, applies.</p>}
      <ol aria-label="Preferred sites">
        {list.map((s, i) => (
          <li key={s}>
            <span className="d-name">{s}</span>
            <button
              type="button"
              aria-label={`Move site ${s} up`}
              disabled={i === 0}
              onClick={() => api.getState().edit((r) => moveGroupPreferredSite(r, name, s, -1), { quiet: true })}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move site ${s} down`}
              disabled={i === list.length - 1}
              onClick={() => api.getState().edit((r) => moveGroupPreferredSite(r, name, s, 1), { quiet: true })}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={`Remove site ${s} from preferred sites`}
              onClick={() => api.getState().edit((r) => toggleGroupPreferredSite(r, name, s))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      {others.map((s) => (
        <button
          key={s}
          type="button"
          className="small"
          onClick={() => api.getState().edit((r) => toggleGroupPreferredSite(r, name, s))}
        >
          Add site {s}
        </button>
      ))}
    </fieldset>
  );
}

/** An IP Address's Network and Address parameters (resource inspector). */
export function IpParameterFields({ name, raw, params }: { name: string; raw: RawScenario; params: unknown }) {
  const api = useEditorApi();
  const id = useId();
  const nets = networksOf(raw);
  const p = isObj(params) ? params : {};
  if (nets.length === 0)
    return <p className="muted">Add a network (Scenario panel) to place this address on a network.</p>;
  return (
    <fieldset className="d-ip-params">
      <legend>Address parameters</legend>
      <div className="d-field">
        <label htmlFor={id}>Network</label>
        <select
          id={id}
          value={typeof p.Network === 'string' ? p.Network : ''}
          onChange={(e) => api.getState().edit((r) => setIpParameter(r, name, 'Network', e.target.value || undefined))}
        >
          <option value="">(any: not tied to a network)</option>
          {nets.map((n) => (
            <option key={n.name} value={n.name} disabled={roleOf(n) !== 'clusterAndClient'}>
              {n.name}
              {roleOf(n) !== 'clusterAndClient' ? ` (${ROLE_LABELS[roleOf(n)]}: no client access)` : ''}
            </option>
          ))}
        </select>
      </div>
      <CommitField
        label="Address (shown and exported)"
        value={p.Address}
        kind="text"
        placeholder="e.g. 10.1.0.50"
        commit={(r, v) => setIpParameter(r, name, 'Address', typeof v === 'string' ? v : undefined)}
      />
    </fieldset>
  );
}
