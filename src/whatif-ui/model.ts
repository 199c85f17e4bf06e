/** The what-if view's pure logic: fault families, the summary in words, sorting, filtering, colours, A/B verdicts. */
import { humanMs } from '../engine';
import type { BaselineEntry, RunDetail } from '../sweep/types';
import { describeFault } from '../sweep/words';
import type { Template } from '../sweep/templates';

/**
 * The fault families offered as checkboxes (each a template of sweep-format.md §1). `networks`:
 * the family needs a scenario in network mode (networks.md §0), and is offered only there.
 */
export const FAMILIES: readonly {
  id: string;
  label: string;
  template: Template;
  byDefault: boolean;
  networks?: boolean;
}[] = [
  { id: 'crash', label: 'Node crash', template: { action: 'crashNode' }, byDefault: true },
  { id: 'fail', label: 'Resource failure', template: { action: 'failResource' }, byDefault: true },
  { id: 'hang', label: 'IsAlive hang', template: { action: 'setHealth', isAlive: 'hang' }, byDefault: true },
  {
    id: 'isalivefail',
    label: 'IsAlive fails for good',
    template: { action: 'setHealth', isAlive: 'fail' },
    byDefault: false,
  },
  { id: 'onlinefail', label: 'Online calls fail', template: { action: 'setOnline', result: 'fail' }, byDefault: false },
  { id: 'drain', label: 'Node drain', template: { action: 'pauseNode', drain: true }, byDefault: false },
  { id: 'move', label: 'Group move', template: { action: 'moveGroup' }, byDefault: false },
  { id: 'witness', label: 'Witness failure', template: { action: 'failWitness' }, byDefault: false },
  { id: 'stop', label: 'Graceful stop', template: { action: 'stopNode' }, byDefault: false },
  {
    id: 'isolate',
    label: 'Node cut off by a partition',
    template: { action: 'partition' },
    byDefault: false,
    networks: true,
  },
  { id: 'network', label: 'Network failure', template: { action: 'failNetwork' }, byDefault: false, networks: true },
  {
    id: 'interface',
    label: 'Interface failure',
    template: { action: 'failInterface' },
    byDefault: false,
    networks: true,
  },
];

/** The templates of the chosen families; a network family only for a scenario in network mode. */
export function templatesOf(families: readonly string[], networkMode: boolean): Template[] {
  return FAMILIES.filter((f) => families.includes(f.id) && (networkMode || !f.networks)).map((f) => ({
    ...f.template,
  }));
}

/** "60, 120.5" (seconds) → [60000, 120500]; every problem named. */
export function parseInstants(text: string, until: number): { ats: number[]; error: string | null } {
  const parts = text
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ats: [], error: 'Give at least one instant, in seconds (e.g. 60).' };
  const ats: number[] = [];
  for (const p of parts) {
    const s = Number(p);
    if (!/^\d+(\.\d{1,3})?$/.test(p) || !Number.isFinite(s))
      return { ats: [], error: `"${p}" is not a number of seconds.` };
    const ms = Math.round(s * 1000);
    if (ms > until) return { ats: [], error: `${p} s is after the end of the run (${humanMs(until)}).` };
    if (!ats.includes(ms)) ats.push(ms);
  }
  return { ats, error: null };
}

export interface Worst {
  run: number;
  group: string;
  downMs: number;
}

/** The run and group with the most downtime (first in run order on ties); null when nothing went down. */
export function worstCell(runs: readonly RunDetail[]): Worst | null {
  let worst: Worst | null = null;
  runs.forEach((r, i) => {
    for (const [g, o] of Object.entries(r.groups))
      if (o.downMs > (worst?.downMs ?? 0)) worst = { run: i, group: g, downMs: o.downMs };
  });
  return worst;
}

/**
 * The sweep in words. `baseline` (each instant's downtime without an added fault) lets it count the
 * runs whose fault adds downtime beyond what the scenario's own script causes.
 */
export function summaryWords(runs: readonly RunDetail[], baseline: readonly BaselineEntry[] = []): string {
  if (runs.length === 0) return 'No runs: no entity matches the chosen fault families.';
  const w = worstCell(runs);
  const base = new Map(baseline.map((b) => [b.at, b.groups]));
  const hurt = runs.filter((r) =>
    Object.entries(r.groups).some(([g, o]) => o.downMs > (base.get(r.at)?.[g]?.downMs ?? 0)),
  ).length;
  const rejected = runs.filter((r) => !r.applied).length;
  const tail = `${hurt} of ${runs.length} runs cost downtime${baseline.length ? ' beyond the scenario without an added fault' : ''}${rejected ? `; ${rejected} ${rejected === 1 ? 'fault was' : 'faults were'} refused by the cluster` : ''}.`;
  if (!w) return `No single failure costs any downtime. ${tail}`;
  const r = runs[w.run]!;
  return `Worst single failure: ${describeFault(r.fault)} at ${humanMs(r.at)}, ${w.group} down ${humanMs(w.downMs)}. ${tail}`;
}

/** "Without an added fault: SQL down 12 s from 1 min." (only groups that go down), or null when none does. */
export function baselineWords(baseline: readonly BaselineEntry[]): string | null {
  const parts = baseline.flatMap((b) =>
    Object.entries(b.groups)
      .filter(([, o]) => o.downMs > 0)
      .map(([g, o]) => `${g} down ${humanMs(o.downMs)} from ${humanMs(b.at)}`),
  );
  if (parts.length === 0) return null;
  const shown = parts.slice(0, 5).join('; ');
  return `Without an added fault (the scenario's own script): ${shown}${parts.length > 5 ? `; and ${parts.length - 5} more` : ''}.`;
}

export type SortKey = 'order' | 'worst' | 'total' | 'fault';

export function totalDown(r: RunDetail): number {
  return Object.values(r.groups).reduce((s, o) => s + o.downMs, 0);
}

/** Row indexes to show: filtered by a text in the fault's words, optionally only runs with downtime, sorted. */
export function visibleRows(
  runs: readonly RunDetail[],
  opts: { filter: string; onlyDown: boolean; sort: SortKey },
): number[] {
  const needle = opts.filter.trim().toLowerCase();
  const rows = runs
    .map((_, i) => i)
    .filter((i) => !needle || describeFault(runs[i]!.fault).toLowerCase().includes(needle))
    .filter((i) => !opts.onlyDown || totalDown(runs[i]!) > 0);
  const max = (r: RunDetail) => Math.max(0, ...Object.values(r.groups).map((o) => o.downMs));
  if (opts.sort === 'worst') rows.sort((a, b) => max(runs[b]!) - max(runs[a]!) || a - b);
  else if (opts.sort === 'total') rows.sort((a, b) => totalDown(runs[b]!) - totalDown(runs[a]!) || a - b);
  else if (opts.sort === 'fault') {
    rows.sort(
      (a, b) => describeFault(runs[a]!.fault).localeCompare(describeFault(runs[b]!.fault)) || runs[a]!.at - runs[b]!.at,
    );
  }
  return rows;
}

/** Text colour readable on `downColour` (white on the deep reds). */
export function textColour(downMs: number, until: number): string {
  if (downMs <= 0) return '#14532d';
  const x = Math.min(1, Math.log10(1 + downMs / 1000) / Math.log10(1 + Math.max(1, until) / 1000));
  return 85 - 45 * x < 60 ? '#fff' : '#1f2937';
}

/** Cell colour by downtime: none → pale green; up to the run length → deeper red (log scale, so seconds show). */
export function downColour(downMs: number, until: number): string {
  if (downMs <= 0) return 'hsl(140 45% 93%)';
  const x = Math.min(1, Math.log10(1 + downMs / 1000) / Math.log10(1 + Math.max(1, until) / 1000));
  return `hsl(${Math.round(40 - 40 * x)} ${Math.round(75 + 15 * x)}% ${Math.round(85 - 45 * x)}%)`;
}

export interface Difference {
  run: number;
  group: string;
  aMs: number;
  bMs: number;
}

export interface Verdict {
  better: number;
  worse: number;
  same: number;
  unmatched: number;
  text: string;
  differences: Difference[];
}

export const runKey = (r: { at: number; fault: unknown }) => `${r.at} ${JSON.stringify(r.fault)}`;

/**
 * A/B over the same faults: runs are matched by instant and fault (B may be another scenario with
 * other entities; unmatched runs are counted apart). Per fault, B is better when its downtime summed
 * over the groups both have is lower.
 */
export function compareRuns(a: readonly RunDetail[], b: readonly RunDetail[]): Verdict {
  const byKey = new Map(b.map((r) => [runKey(r), r]));
  let better = 0;
  let worse = 0;
  let same = 0;
  let unmatched = 0;
  const differences: Difference[] = [];
  a.forEach((ra, i) => {
    const rb = byKey.get(runKey(ra));
    if (!rb) {
      unmatched++;
      return;
    }
    const shared = Object.keys(ra.groups).filter((g) => Object.hasOwn(rb.groups, g));
    const ta = shared.reduce((s, g) => s + ra.groups[g]!.downMs, 0);
    const tb = shared.reduce((s, g) => s + rb.groups[g]!.downMs, 0);
    if (tb < ta) better++;
    else if (tb > ta) worse++;
    else same++;
    for (const g of shared) {
      if (rb.groups[g]!.downMs !== ra.groups[g]!.downMs)
        differences.push({ run: i, group: g, aMs: ra.groups[g]!.downMs, bMs: rb.groups[g]!.downMs });
    }
  });
  const n = (k: number) => `${k} fault${k === 1 ? '' : 's'}`;
  const extra = unmatched ? ` (${n(unmatched)} of A ${unmatched === 1 ? 'has' : 'have'} no match in B)` : '';
  const text =
    better === 0 && worse === 0
      ? `A and B give the same downtime for all ${n(same)}${extra}.`
      : `B is better for ${n(better)}, worse for ${worse}${same ? `, the same for ${same}` : ''}${extra}.`;
  return { better, worse, same, unmatched, text, differences };
}

export function timeLeftWords(elapsedMs: number, done: number, total: number): string {
  if (done === 0) return 'estimating time left…';
  const left = (elapsedMs / done) * (total - done);
  return left < 1000 ? 'less than a second left' : `about ${humanMs(Math.round(left / 1000) * 1000)} left`;
}
