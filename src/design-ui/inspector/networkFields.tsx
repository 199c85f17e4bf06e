/**
 * Inspector sections for networks and sites (networks.md §1): the scenario's networks, which node
 * is on which network, sites, the functional level and the site settings; a node's site and
 * networks (a group's PreferredSite and an IP's parameters: ./networkElementFields). Every control is
 * a native input (keyboard reachable); every change is one edit (one undo step); a refusal shows
 * its reason; names are rendered as text.
 */
import { useId, useState } from 'react';
import { FUNCTIONAL_LEVELS, NETWORK_ROLES, type FunctionalLevel, type NetworkRole } from '../../engine';
import {
  addNetwork,
  deleteNetwork,
  renameNetwork,
  setInterface,
  setNetworkRole,
  setNetworkRouted,
  setNetworkSubnet,
} from '../../design/networkOps';
import { setFunctionalLevel, setNodeSite, setSiteClusterProperty } from '../../design/siteOps';
import { interfacesOf, isObj, levelOf, networksOf, roleOf, siteLevel, sitesOf } from '../../design/netRaw';
import { useEditorApi } from '../context';
import { namedNodesOf as nodesOf, type Dict as RawScenario } from '../../design/netRaw';
import { CommitField } from './fields';
import './networks.css';

export const ROLE_LABELS: Record<NetworkRole, string> = {
  clusterAndClient: 'cluster and client',
  cluster: 'cluster only',
  none: 'none (not used by the cluster)',
};

const clusterProps = (raw: RawScenario): Record<string, unknown> =>
  isObj(raw.cluster) && isObj(raw.cluster.properties) ? raw.cluster.properties : {};

/** A one-line text input applied on Enter or blur; a refusal shows in the editor's message. */
function InlineText({ label, value, apply }: { label: string; value: string; apply: (v: string) => boolean }) {
  const [draft, setDraft] = useState<{ base: string; text: string } | null>(null);
  const text = draft && draft.base === value ? draft.text : value;
  const commit = () => {
    if (!draft || draft.text === value) return setDraft(null);
    if (apply(draft.text)) setDraft(null);
  };
  return (
    <input
      type="text"
      aria-label={label}
      value={text}
      placeholder="none"
      onChange={(e) => setDraft({ base: value, text: e.target.value })}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

export function NetworksSection({ raw }: { raw: RawScenario }) {
  const api = useEditorApi();
  const levelId = useId();
  const nets = networksOf(raw);
  const nodes = nodesOf(raw);
  const level = levelOf(raw);
  return (
    <section aria-label="Networks and sites">
      <h3>Networks and sites</h3>
      <div className="d-field">
        <label htmlFor={levelId}>Cluster functional level</label>
        <select
          id={levelId}
          value={level ?? ''}
          onChange={(e) =>
            api.getState().edit((r) => setFunctionalLevel(r, (e.target.value || undefined) as FunctionalLevel))
          }
        >
          <option value="">(not set: classic heartbeat defaults)</option>
          {FUNCTIONAL_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l === '2019' ? '2019 (also 2022 and later)' : l === '2012R2' ? '2012 R2 (also 2012)' : l}
            </option>
          ))}
        </select>
      </div>
      {nets.length === 0 && (
        <p className="muted">
          No networks: every node is on one implicit network. Add one to design heartbeat paths and subnets.
        </p>
      )}
      {nets.map((n) => (
        <fieldset key={n.name} className="d-net">
          <legend>
            Network <span className="d-name">{n.name}</span>
          </legend>
          <CommitField
            label="Name"
            value={n.name}
            kind="text"
            commit={(r, v) => renameNetwork(r, n.name, typeof v === 'string' ? v : '')}
          />
          <div className="d-row">
            <label>
              Role{' '}
              <select
                value={roleOf(n)}
                onChange={(e) => api.getState().edit((r) => setNetworkRole(r, n.name, e.target.value as NetworkRole))}
              >
                {NETWORK_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </label>
            <label className="d-check">
              <input
                type="checkbox"
                checked={n.routed === true}
                onChange={(e) => api.getState().edit((r) => setNetworkRouted(r, n.name, e.target.checked))}
              />
              routed
            </label>
          </div>
          <CommitField
            label="Subnet (shown and exported)"
            value={n.subnet}
            kind="text"
            placeholder="e.g. 10.1.0.0/24"
            commit={(r, v) => setNetworkSubnet(r, n.name, typeof v === 'string' ? v : undefined)}
          />
          <button
            type="button"
            className="danger small"
            onClick={() => api.getState().edit((r) => deleteNetwork(r, n.name))}
          >
            Delete network {n.name}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => api.getState().edit((r) => addNetwork(r))}>
        Add network
      </button>
      {nodes.length > 0 && (nets.length > 0 || siteLevel(raw)) && (
        <div className="d-matrix-wrap">
          <table className="d-matrix" aria-label="Which node is on which network, and its site">
            <thead>
              <tr>
                <th scope="col">Node</th>
                {nets.map((n) => (
                  <th key={n.name} scope="col" title={n.name}>
                    <span className="d-name">{n.name}</span>
                  </th>
                ))}
                {siteLevel(raw) && <th scope="col">Site</th>}
              </tr>
            </thead>
            <tbody>
              {nodes.map((node) => {
                const on = interfacesOf(raw, node);
                return (
                  <tr key={node.name}>
                    <th scope="row">
                      <span className="d-name">{node.name}</span>
                    </th>
                    {nets.map((n) => (
                      <td key={n.name}>
                        <input
                          type="checkbox"
                          aria-label={`${node.name} on ${n.name}`}
                          checked={on.includes(n.name)}
                          onChange={(e) =>
                            api.getState().edit((r) => setInterface(r, node.name, n.name, e.target.checked))
                          }
                        />
                      </td>
                    ))}
                    {siteLevel(raw) && (
                      <td>
                        <InlineText
                          label={`Site of ${node.name}`}
                          value={typeof node.site === 'string' ? node.site : ''}
                          apply={(v) => api.getState().edit((r) => setNodeSite(r, node.name, v)).ok}
                        />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {!siteLevel(raw) && <p className="muted">Sites and PreferredSite need functional level 2016 or 2019.</p>}
      <ClusterSiteSettings raw={raw} />
      <p className="muted d-net-note">
        Not exportable to PowerShell: which node is on which network is cabling (the script checks it), routing and
        subnets belong to the network, the functional level follows Windows, and partitions or network failures exist
        only in the simulation.
      </p>
    </section>
  );
}

function ClusterSiteSettings({ raw }: { raw: RawScenario }) {
  const api = useEditorApi();
  const siteId = useId();
  const lowerId = useId();
  const props = clusterProps(raw);
  const sites = sitesOf(raw);
  const lower = typeof props.LowerQuorumPriorityNodeId === 'number' ? props.LowerQuorumPriorityNodeId : 0;
  return (
    <>
      {siteLevel(raw) && (
        <>
          <div className="d-field">
            <label htmlFor={siteId}>Cluster PreferredSite</label>
            <select
              id={siteId}
              value={typeof props.PreferredSite === 'string' ? props.PreferredSite : ''}
              onChange={(e) =>
                api.getState().edit((r) => setSiteClusterProperty(r, 'PreferredSite', e.target.value || undefined))
              }
            >
              <option value="">(none)</option>
              {sites.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          {(['CrossSiteDelay', 'CrossSiteThreshold'] as const).map((k) => (
            <CommitField
              key={k}
              label={k === 'CrossSiteDelay' ? 'CrossSiteDelay (ms)' : 'CrossSiteThreshold'}
              value={props[k]}
              kind="int"
              placeholder={k === 'CrossSiteDelay' ? '1000' : '20'}
              isDefault={props[k] === undefined}
              commit={(r, v) => setSiteClusterProperty(r, k, v as number | undefined)}
            />
          ))}
        </>
      )}
      <div className="d-field">
        <label htmlFor={lowerId}>LowerQuorumPriorityNodeId (loses its vote first in a 50/50 tie)</label>
        <select
          id={lowerId}
          value={lower}
          onChange={(e) =>
            api
              .getState()
              .edit((r) => setSiteClusterProperty(r, 'LowerQuorumPriorityNodeId', Number(e.target.value) || undefined))
          }
        >
          <option value={0}>(none)</option>
          {nodesOf(raw).map((n, i) => (
            <option key={n.name} value={i + 1}>
              {i + 1}: {n.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** A node's site and networks (node inspector). */
export function NodeNetworkFields({ name, raw }: { name: string; raw: RawScenario }) {
  const api = useEditorApi();
  const node = nodesOf(raw).find((n) => n.name === name);
  const nets = networksOf(raw);
  if (!node) return null;
  const on = interfacesOf(raw, node);
  return (
    <>
      {!siteLevel(raw) && (nets.length > 0 || sitesOf(raw).length > 0) && (
        <p className="muted">A site needs cluster functional level 2016 or 2019 (Scenario panel).</p>
      )}
      {siteLevel(raw) && (
        <CommitField
          label="Site"
          value={node.site}
          kind="text"
          placeholder="none"
          commit={(r, v) => setNodeSite(r, name, typeof v === 'string' ? v : undefined)}
        />
      )}
      {nets.length > 0 && (
        <fieldset>
          <legend>Networks (interfaces)</legend>
          {nets.map((n) => (
            <label key={n.name} className="d-check">
              <input
                type="checkbox"
                checked={on.includes(n.name)}
                onChange={(e) => api.getState().edit((r) => setInterface(r, name, n.name, e.target.checked))}
              />
              {n.name}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
