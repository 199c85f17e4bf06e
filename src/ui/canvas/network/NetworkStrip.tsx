/**
 * Under the quorum banner in network mode: the networks with role and state (colour and word),
 * cut/restore for each, the witness and who reaches it, the split/heal/routes controls, the active
 * partition's sides with their votes and witness reach, and the last regroup's decision and reason.
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../../../store/context';
import { formatClock } from '../../../store/format';
import { networkActions } from '../../../store/networkActions';
import type { ActionItem } from '../../../store/actionCatalog';
import type { AppState } from '../../../store/types';
import { ROLE_WORDS, regroupReason, regroupWords, sideSummaries, sideWords, witnessWords } from './netModel';
import './network.css';

/** A button for one action, disabled with the engine's reason (as the inspector's). */
export function ActButton({ item, text }: { item: ActionItem; text: string }) {
  const api = useAppStoreApi();
  const reason = useAppStore((s) => {
    const c = s.check(item.action);
    return c.allowed ? '' : c.reason;
  });
  return (
    <button
      type="button"
      className="net-act"
      aria-label={item.label}
      disabled={!!reason}
      title={reason || item.label}
      aria-description={reason || undefined}
      onClick={() => api.getState().apply(item.action)}
    >
      {text}
    </button>
  );
}

const pickNetworks = (s: AppState) =>
  (s.view.network?.networks ?? []).map((n) => `${n.name}\u0000${n.role}\u0000${n.state}\u0000${n.failed ? 1 : 0}`);

export function NetworkStrip() {
  const hasNetworks = useAppStore((s) => !!s.scenario.networks);
  if (!hasNetworks) return null;
  return <Strip />;
}

function Strip() {
  const nets = useAppStore(useShallow(pickNetworks)).map((k) => {
    // pickNetworks joins four fields, so the defaults never apply.
    const [name = '', role = '', state = '', failed] = k.split('\u0000');
    return { name, role, state, failed: failed === '1' };
  });
  const witness = useAppStore((s) => witnessWords(s.view));
  const sides = useAppStore(useShallow((s) => sideSummaries(s.view).map((x) => JSON.stringify(x)))).map(
    (x) => JSON.parse(x) as ReturnType<typeof sideSummaries>[number],
  );
  const regroup = useAppStore((s) => s.view.network?.lastRegroup ?? null);
  const sidesText = sides.map(sideWords).join(' | ');
  return (
    <section className="net-strip" aria-label="Networks" data-testid="net-strip">
      <ul className="net-list" aria-label="Cluster networks">
        {nets.map((n) => {
          // networkActions always returns [cut, restore].
          const [cut, restore] = networkActions(n.name) as [ActionItem, ActionItem];
          return (
            <li key={n.name} className={`net-chip net-${n.state}`} data-testid={`net-${n.name}`}>
              <strong className="entity-name">{n.name}</strong>{' '}
              <span className="muted">{ROLE_WORDS[n.role] ?? n.role}</span>{' '}
              <span className="net-state">{n.failed ? `${n.state} (cut)` : n.state}</span>{' '}
              {n.failed ? <ActButton item={restore} text="Restore" /> : <ActButton item={cut} text="Cut" />}
            </li>
          );
        })}
        {witness && (
          <li className="net-chip net-witness" data-testid="net-witness">
            {witness}
          </li>
        )}
      </ul>
      {(sides.length > 0 || regroup) && (
        // One line (the full text in its title): the canvas keeps its height at 1024×768.
        <p
          className={`net-regroup${regroup && !regroup.survivors.length ? ' net-regroup-lost' : ''}`}
          data-testid="net-regroup"
          title={[sidesText, regroup ? `${regroupWords(regroup)}. ${regroup.reason}` : ''].filter(Boolean).join('\n')}
        >
          {sides.length > 0 && (
            <span data-testid="net-sides">
              <strong>Partitioned:</strong>{' '}
              {sides.map((x, i) => (
                <span key={x.label} className={`net-side net-side-${i}`}>
                  {sideWords(x)}
                </span>
              ))}
              {regroup && ' · '}
            </span>
          )}
          {regroup && (
            <span data-testid="net-decision">
              <strong>Regroup at t={formatClock(regroup.t)}:</strong> {regroupWords(regroup)}
              <span className="net-reason"> — {regroupReason(regroup.reason)}</span>
            </span>
          )}
        </p>
      )}
    </section>
  );
}
