/**
 * The mechanics made visible on the canvas: each health-check poll pulses on its resource as it
 * runs (healthy ones too: their instants are arithmetic on when the resource came Online, as the
 * engine's view says; the trace is unchanged), and a crashed node counts its missed heartbeats
 * toward detection (SameSubnetDelay apart, SameSubnetThreshold of them: wsfc-semantics, node loss).
 */
import type { ResourceSpec, Scenario } from '../../engine';
import { useAppStore } from '../../store/context';
import { selectNow } from '../../store/selectors';
import type { AppState } from '../../store/types';

const specs = new WeakMap<Scenario, Map<string, ResourceSpec>>();
function resourceSpec(s: Scenario, name: string): ResourceSpec | undefined {
  let m = specs.get(s);
  if (!m) specs.set(s, (m = new Map(s.groups.flatMap((g) => g.resources.map((r) => [r.name, r] as const)))));
  return m.get(name);
}

/** The latest poll instant at or before now: one interval before the next, if the resource was Online then. */
export function lastPoll(next: number | null, interval: number, onlineSince: number | null): number | null {
  if (next === null || onlineSince === null || !(interval > 0)) return null;
  const t = next - interval;
  return t >= onlineSince ? t : null;
}

const pickPolls = (name: string) => (s: AppState) => {
  const r = s.index.resource(name);
  const p = resourceSpec(s.scenario, name)?.properties;
  if (!r || !p) return '';
  const la = lastPoll(r.nextLooksAlive, p.LooksAlivePollInterval, r.onlineSince);
  const ia = lastPoll(r.nextIsAlive, p.IsAlivePollInterval, r.onlineSince);
  return `${la ?? ''}|${ia ?? ''}`;
};

/**
 * A ring that flashes each time a LooksAlive (thin) or IsAlive (thick) poll runs: the element is
 * keyed by the poll's instant, so every new poll remounts it and restarts its CSS animation.
 */
export function PollPulse({ name }: { name: string }) {
  const key = useAppStore(pickPolls(name));
  if (!key || key === '|') return null;
  const [la, ia] = key.split('|');
  return (
    <>
      {la && (
        <span key={`la${la}`} className="poll-pulse poll-la" data-poll="LooksAlive" data-at={la} aria-hidden="true" />
      )}
      {ia && (
        <span key={`ia${ia}`} className="poll-pulse poll-ia" data-poll="IsAlive" data-at={ia} aria-hidden="true" />
      )}
    </>
  );
}

export function missedHeartbeats(now: number, crashedAt: number, delay: number, threshold: number): number {
  if (!(delay > 0)) return threshold;
  return Math.max(0, Math.min(threshold, Math.floor((now - crashedAt) / delay)));
}

/** "missed heartbeats ●●●○○ 3 of 5": re-renders with the clock, only while a node is crashed and undetected. */
export function Heartbeats({ crashedAt }: { crashedAt: number }) {
  const now = useAppStore(selectNow);
  const p = useAppStore((s) => s.scenario.cluster.properties);
  const n = p.SameSubnetThreshold;
  const missed = missedHeartbeats(now, crashedAt, p.SameSubnetDelay, n);
  return (
    <span
      className="heartbeats"
      data-testid="missed-heartbeats"
      title={`Heartbeats every ${p.SameSubnetDelay} ms; the node is declared Down after ${n} missed (SameSubnetThreshold)`}
    >
      missed heartbeats{' '}
      {n <= 20 && (
        <span className="hb-dots" aria-hidden="true">
          {Array.from({ length: n }, (_, i) => (
            <span key={i} className={i < missed ? 'hb-dot hb-missed' : 'hb-dot'} />
          ))}
        </span>
      )}{' '}
      <strong>
        {missed} of {n}
      </strong>
    </span>
  );
}
