/**
 * Under the quorum banner in network mode: the networks with role and state (colour and word),
 * cut/restore for each, the witness and who reaches it, the active partition's sides with their
 * votes and witness reach, and the last regroup's decision, its reason in full behind "Why?".
 * The rows collapse to one summary line (remembered, ./dialogState) so the canvas keeps its height.
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../../../store/context';
import { formatClock } from '../../../store/format';
import { networkActions } from '../../../store/networkActions';
import type { ActionItem } from '../../../store/actionCatalog';
import type { AppState } from '../../../store/types';
import { ROLE_WORDS, regroupReason, regroupWords, sideSummaries, sideWords, witnessWords } from './netModel';
import { useNetUi } from './dialogState';
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

/** The sides and the last regroup, as the strip and the details show them. */
function useDecision() {
  const sides = useAppStore(useShallow((s) => sideSummaries(s.view).map((x) => JSON.stringify(x)))).map(
    (x) => JSON.parse(x) as ReturnType<typeof sideSummaries>[number],
  );
  const regroup = useAppStore((s) => s.view.network?.lastRegroup ?? null);
  return { sides, regroup };
}

/** Shows or hides the network rows (remembered). Collapsed, it sits with the network actions. */
export function RowsToggle() {
  const { collapsed, toggleCollapsed } = useNetUi();
  return (
    <button
      type="button"
      className="net-rows-toggle"
      aria-expanded={!collapsed}
      title={collapsed ? 'Show the network rows' : 'Hide the network rows (the canvas gets their height)'}
      onClick={toggleCollapsed}
    >
      {collapsed ? '▸' : '▾'} Networks
    </button>
  );
}

/** Opens the whole partition and regroup over the canvas top. */
export function WhyButton() {
  const { sides, regroup } = useDecision();
  const { reason: open, toggleReason } = useNetUi();
  if (!sides.length && !regroup) return null;
  return (
    <button type="button" className="net-why" aria-expanded={open} aria-controls="net-details" onClick={toggleReason}>
      {open ? 'Hide' : regroup ? 'Why?' : 'Sides'}
    </button>
  );
}

function Strip() {
  const collapsed = useNetUi((s) => s.collapsed);
  // Collapsed: no row at all (the toggle and Why? sit with the network actions); the details can still open.
  if (collapsed) return <Details />;
  return <Rows />;
}

function Rows() {
  const nets = useAppStore(useShallow(pickNetworks)).map((k) => {
    // pickNetworks joins four fields, so the defaults never apply.
    const [name = '', role = '', state = '', failed] = k.split('\u0000');
    return { name, role, state, failed: failed === '1' };
  });
  const witness = useAppStore((s) => witnessWords(s.view));
  const { sides, regroup } = useDecision();
  const whole = [
    sides.map(sideWords).join(' | '),
    regroup ? `Regroup at t=${formatClock(regroup.t)}: ${regroupWords(regroup)}. ${regroupReason(regroup.reason)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <section className="net-strip" aria-label="Networks" data-testid="net-strip">
      <RowsToggle />
      <div className="net-rows">
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
          <div
            className={`net-regroup${regroup && !regroup.survivors.length ? ' net-regroup-lost' : ''}`}
            data-testid="net-regroup"
          >
            {/* One line, so the canvas keeps its height; "Why?" shows all of it over the canvas. */}
            <span className="net-line" title={whole}>
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
            </span>
            <WhyButton />
          </div>
        )}
      </div>
      <Details />
    </section>
  );
}

/** Over the canvas top, not in the layout: the whole decision, wrapped, never cut. Escape closes it. */
function Details() {
  const { sides, regroup } = useDecision();
  const { reason: open, toggleReason } = useNetUi();
  if (!open || (!sides.length && !regroup)) return null;
  return (
    <div
      id="net-details"
      className="net-details"
      role="region"
      aria-label="Partition and regroup"
      data-testid="net-details"
      onKeyDown={(e) => e.key === 'Escape' && toggleReason()}
    >
      {sides.length > 0 && (
        <ul className="net-details-sides">
          {sides.map((x, i) => (
            <li key={x.label} className={`net-side-${i}`}>
              {sideWords(x)}
            </li>
          ))}
        </ul>
      )}
      {regroup && (
        <p>
          <strong>Regroup at t={formatClock(regroup.t)}:</strong> {regroupWords(regroup)}.{' '}
          <span className="net-reason">{regroupReason(regroup.reason)}</span>
        </p>
      )}
      <button type="button" className="net-why" onClick={toggleReason}>
        Close
      </button>
    </div>
  );
}
