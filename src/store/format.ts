/** Human formatting of simulated times, durations and trace events. Pure: shared by every panel. */
import { actionWords, DWORD_MAX, type Action, type TraceEvent } from '../engine';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "1 min 10.000 s" — the header clock. */
export function formatSimTime(ms: number): string {
  const t = Math.max(0, Math.floor(ms));
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const s = (t % 60_000) / 1000;
  const sec = `${s.toFixed(3)} s`;
  if (h > 0) return `${h} h ${m} min ${sec}`;
  if (m > 0) return `${m} min ${sec}`;
  return sec;
}

/** "1:10.000" or "1:01:10.000" — compact, for log rows and axes. */
/** networks.md §3 `regroup.witness` in words. */
const REGROUP_WITNESS: Record<string, string> = {
  survivors: 'the witness voted with them',
  removed: 'the witness voted with a losing side',
  unreached: 'no side reached the witness',
  none: 'no witness vote',
};

export function formatClock(ms: number): string {
  const t = Math.max(0, Math.floor(ms));
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const s = Math.floor((t % 60_000) / 1000);
  const frac = pad(t % 1000, 3);
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}.${frac}` : `${m}:${pad(s)}.${frac}`;
}

/** A duration in the largest unit that keeps it readable: "500 ms", "7.2 s", "15 min", "6 h", "1 h 30 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const t = Math.max(0, ms);
  if (t < 1000) return `${Math.round(t)} ms`;
  if (t < 60_000) return `${trim(t / 1000)} s`;
  if (t < 3_600_000) {
    const m = Math.floor(t / 60_000);
    const s = (t % 60_000) / 1000;
    return s ? `${m} min ${trim(s)} s` : `${m} min`;
  }
  const h = Math.floor(t / 3_600_000);
  const m = Math.round((t % 3_600_000) / 60_000);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** Countdowns: one decimal below a minute so they visibly tick at slow speeds. */
export function formatCountdown(ms: number): string {
  const t = Math.max(0, ms);
  if (t < 60_000) return `${(t / 1000).toFixed(1)} s`;
  return formatDuration(Math.ceil(t / 1000) * 1000);
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

/** Speed label: "0.1×", "1×", "250×", "10,000×". */
export function formatSpeed(speed: number): string {
  if (speed < 1) return `${speed.toFixed(1)}×`;
  if (speed < 10) return `${trim(Math.round(speed * 10) / 10)}×`;
  return `${Math.round(speed).toLocaleString('en-US')}×`;
}

/** Effective property value with its unit, as the inspector shows it. */
export function formatProperty(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  if (typeof value !== 'number') return String(value);
  if (value === DWORD_MAX) {
    if (name === 'FailoverThreshold') return '4294967295 (nodes − 1)';
    if (name === 'RetryPeriodOnFailure') return 'never (4294967295)';
    return '4294967295';
  }
  if (name === 'FailoverPeriod') return `${value} h`;
  if (name === 'FailbackWindowStart' || name === 'FailbackWindowEnd')
    return value < 0 ? '−1 (any time)' : `${pad(value)}:00`;
  if (name === 'RestartAction')
    return ['0 (do not restart)', '1 (restart, no failover)', '2 (restart, then fail over)'][value] ?? String(value);
  if (name === 'AutoFailbackType') return value === 1 ? '1 (allow failback)' : '0 (prevent failback)';
  if (name === 'SeparateMonitor') return value ? '1 (own monitor)' : '0 (shared monitor)';
  if (/(Delay|Period|Timeout|Interval|Ms|PeriodOnFailure)$/.test(name) || name.startsWith('behavior.'))
    return formatDuration(value);
  return String(value);
}

/** "crash node SQL-A", "set IsAlive hang on SQL Server": each action's words are in its registry entry. */
export function describeAction(a: Action): string {
  return actionWords(a);
}

/** The entity names an event concerns (for the entity filter and row clicks), the primary one first. */
export function eventSubjects(e: TraceEvent): string[] {
  switch (e.type) {
    case 'resource.state':
      return [e.resource, e.group, ...(e.node ? [e.node] : [])];
    case 'group.state':
      return [e.group];
    case 'group.owner':
      return [e.group, ...[e.from, e.to].filter((x): x is string => !!x)];
    case 'node.state':
      return [e.node];
    case 'call':
      return [e.resource, e.node];
    case 'rhs.recycle':
      return [...e.resources, e.node];
    case 'policy':
      return [e.subject];
    case 'quorum.vote':
      return [e.voter];
    case 'action':
    case 'action.rejected': {
      const a = e.action as Record<string, unknown>;
      return ['resource', 'group', 'node'].map((k) => a[k]).filter((x): x is string => typeof x === 'string');
    }
    case 'regroup':
      return [...e.survivors, ...e.removed];
    case 'interface.state':
      return [e.node, e.network];
    case 'network.state':
      return [e.network];
  }
}

/** The middle part of a log row: "SQL → SQL-B (failover)". */
export function eventSummary(e: TraceEvent): string {
  switch (e.type) {
    case 'resource.state':
      return `${e.resource}: ${e.from} → ${e.to}${e.node ? ` on ${e.node}` : ''}`;
    case 'group.state':
      return `${e.group}: ${e.from} → ${e.to}`;
    case 'group.owner':
      return `${e.group}: ${e.from ?? '(none)'} → ${e.to ?? '(none)'} (${e.cause})`;
    case 'node.state':
      return `${e.node}: ${e.from} → ${e.to}`;
    case 'call':
      return `${e.call}(${e.resource}) on ${e.node} → ${e.result}`;
    case 'rhs.recycle':
      return `monitor on ${e.node} recycled: ${e.resources.join(', ')}`;
    case 'policy':
      return `${e.rule} · ${e.subject}${e.detail ? `: ${e.detail}` : ''}`;
    case 'quorum.vote':
      return `vote of ${e.voter}: ${e.from} → ${e.to}`;
    case 'action':
      return describeAction(e.action);
    case 'action.rejected':
      return `refused: ${describeAction(e.action)}`;
    case 'regroup':
      return `regroup: ${e.survivors.length ? e.survivors.join(', ') : 'no side'} ${e.survivors.length > 1 ? 'keep' : 'keeps'} the cluster${e.removed.length ? `; removed ${e.removed.join(', ')}` : ''} (${REGROUP_WITNESS[e.witness] ?? `witness: ${e.witness}`})`;
    case 'interface.state':
      return `interface ${e.node} on ${e.network}: ${e.from} → ${e.to}`;
    case 'network.state':
      return `network ${e.network}: ${e.from} → ${e.to}`;
  }
}

export const DECISION_TYPES = new Set<TraceEvent['type']>(['policy', 'group.owner', 'action.rejected']);

/** A whole log row as text: "t=1:10.000 · group.owner · SQL: SQL-A → SQL-B (failover) — reason". */
export function formatEvent(e: TraceEvent): string {
  return `t=${formatClock(e.t)} · ${e.type} · ${eventSummary(e)}${e.reason ? ` — ${e.reason}` : ''}`;
}
