/**
 * Checks over a sweep's outcomes: a small JSON language kept in the scenario's `ui.checks` (the
 * engine ignores `ui`), validated with zod, evaluated over every run of a sweep.
 *
 *   { "kind": "recoversWithin", "ms": 60000 }                  every group Online again within 60 s of any single failure
 *   { "kind": "maxDowntime", "ms": 120000, "groups": ["SQL"] } group SQL never down more than 2 min in total
 *   { "kind": "maxOutage", "ms": 30000 }                       no single outage longer than 30 s
 *   { "kind": "notSameNode", "groups": ["SQL", "SQL2"] }        never on the same node at the end
 *   { "kind": "endsIn", "state": "Online" }                    every group ends Online
 *
 * `groups` absent = every group; `faults` (action names) limits the runs a check looks at; `label`
 * names the check in reports.
 */
import { z } from 'zod';
import { didYouMean, humanMs, type Action, type Scenario, type ValidationIssue } from '../engine';
import type { RunDetail } from './types';
import { describeFault } from './words';
import { ACTION_NAMES } from './templates';

const ms = z.number({ error: 'a number of milliseconds' }).int('a whole number of milliseconds').min(0, 'not negative');
const groups = z
  .array(z.string({ error: 'a group name' }), { error: 'an array of group names' })
  .min(1, 'at least one group');
const common = {
  label: z.string({ error: 'a string' }).max(200, 'at most 200 characters').optional(),
  faults: z.array(z.string({ error: 'an action name' }), { error: 'an array of action names' }).optional(),
};

export const CheckSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('recoversWithin'), ms, groups: groups.optional(), ...common }),
    z.strictObject({ kind: z.literal('maxDowntime'), ms, groups: groups.optional(), ...common }),
    z.strictObject({ kind: z.literal('maxOutage'), ms, groups: groups.optional(), ...common }),
    z.strictObject({ kind: z.literal('notSameNode'), groups: groups.min(2, 'at least two groups'), ...common }),
    z.strictObject({
      kind: z.literal('endsIn'),
      state: z.enum(['Online', 'PartialOnline', 'Pending', 'Offline', 'Failed'], { error: 'a group state' }),
      groups: groups.optional(),
      ...common,
    }),
  ],
  { error: 'a check needs "kind": one of "recoversWithin", "maxDowntime", "maxOutage", "notSameNode", "endsIn"' },
);
export const ChecksSchema = z.array(CheckSchema, { error: 'an array of checks' });

export type Check = z.infer<typeof CheckSchema>;
export type CheckKind = Check['kind'];

/** Validate checks (from `ui.checks` or elsewhere) against the scenario; issues are `path: message`. */
export function validateChecks(
  value: unknown,
  scenario: Scenario,
  path = 'ui.checks',
): { checks: Check[]; issues: ValidationIssue[] } {
  const parsed = ChecksSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: path + i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join(''),
      message: i.message,
    }));
    return { checks: [], issues };
  }
  const names = scenario.groups.map((g) => g.name);
  const issues: ValidationIssue[] = [];
  parsed.data.forEach((c, i) => {
    (c.groups ?? []).forEach((g, j) => {
      if (!names.includes(g)) {
        issues.push({
          path: `${path}[${i}].groups[${j}]`,
          message: `unknown group ${JSON.stringify(g)}${didYouMean(g, names)}`,
        });
      }
    });
    (c.faults ?? []).forEach((a, j) => {
      if (!ACTION_NAMES.includes(a)) {
        issues.push({
          path: `${path}[${i}].faults[${j}]`,
          message: `unknown action ${JSON.stringify(a)}${didYouMean(a, ACTION_NAMES)}`,
        });
      }
    });
  });
  return { checks: issues.length ? [] : parsed.data, issues };
}

/** The checks stored in a scenario's `ui` block (none when absent). */
export function checksOf(scenario: Scenario): { checks: Check[]; issues: ValidationIssue[] } {
  const ui = scenario.ui as { checks?: unknown } | undefined;
  if (ui === undefined || ui === null || typeof ui !== 'object' || ui.checks === undefined)
    return { checks: [], issues: [] };
  return validateChecks(ui.checks, scenario);
}

export function describeCheck(c: Check): string {
  if (c.label) return c.label;
  const who =
    c.kind === 'notSameNode'
      ? ''
      : c.groups
        ? c.groups.length === 1
          ? `group ${c.groups[0]}`
          : `groups ${c.groups.join(', ')}`
        : 'every group';
  switch (c.kind) {
    case 'recoversWithin':
      return `${who} Online again within ${humanMs(c.ms)} of any single failure`;
    case 'maxDowntime':
      return `${who} never down more than ${humanMs(c.ms)} in total`;
    case 'maxOutage':
      return `${who} never down more than ${humanMs(c.ms)} at a stretch`;
    case 'notSameNode':
      return `${c.groups.join(' and ')} never on the same node at the end`;
    case 'endsIn':
      return `${who} ${c.state} at the end`;
  }
}

export interface CheckFailure {
  /** Index of the run in the sweep's `runs`. */
  run: number;
  at: number;
  fault: Action;
  /** What went wrong, in words: "SQL down 2.5 min". */
  detail: string;
}

export interface CheckResult {
  index: number;
  check: Check;
  text: string;
  passed: boolean;
  /** How many runs the check looked at. */
  runs: number;
  failures: CheckFailure[];
}

function failureOf(c: Check, r: RunDetail): string | null {
  const names = c.kind === 'notSameNode' ? c.groups : (c.groups ?? Object.keys(r.groups));
  if (c.kind === 'notSameNode') {
    const byOwner = new Map<string, string[]>();
    for (const g of names) {
      const owner = r.groups[g]!.owner;
      if (owner !== null) byOwner.set(owner, [...(byOwner.get(owner) ?? []), g]);
    }
    const clash = [...byOwner].find(([, gs]) => gs.length > 1);
    return clash ? `${clash[1].join(' and ')} both on ${clash[0]} at the end` : null;
  }
  const bad: string[] = [];
  // validateChecks has refused group names the scenario lacks, and every run reports every group.
  for (const g of names) {
    const o = r.groups[g]!;
    const x = r.extra[g]!;
    if (c.kind === 'recoversWithin' && x.recoveredAfterMs > c.ms) {
      bad.push(
        o.state === 'Online'
          ? `${g} Online again only after ${humanMs(x.recoveredAfterMs)}`
          : `${g} not Online at the end (${o.state})`,
      );
    } else if (c.kind === 'maxDowntime' && o.downMs > c.ms) bad.push(`${g} down ${humanMs(o.downMs)}`);
    else if (c.kind === 'maxOutage' && x.longestOutageMs > c.ms)
      bad.push(`${g} down ${humanMs(x.longestOutageMs)} at a stretch`);
    else if (c.kind === 'endsIn' && o.state !== c.state) bad.push(`${g} ${o.state} at the end`);
  }
  return bad.length ? bad.join('; ') : null;
}

/** Evaluate every check over every run (in run order). */
export function evaluateChecks(checks: readonly Check[], runs: readonly RunDetail[]): CheckResult[] {
  return checks.map((check, index) => {
    const failures: CheckFailure[] = [];
    let looked = 0;
    runs.forEach((r, i) => {
      if (check.faults && !check.faults.includes(r.fault.action)) return;
      looked++;
      const detail = failureOf(check, r);
      if (detail !== null) failures.push({ run: i, at: r.at, fault: r.fault, detail });
    });
    return { index, check, text: describeCheck(check), passed: failures.length === 0, runs: looked, failures };
  });
}

/** A plain-text report for the command line: one line per check, then its failing runs. */
export function formatCheckReport(results: readonly CheckResult[], limit = 20): string {
  const lines: string[] = [];
  for (const r of results) {
    const runs =
      r.runs === 0
        ? 'no run matched: nothing was checked'
        : `${r.runs} runs${r.passed ? '' : `, ${r.failures.length} failing`}`;
    lines.push(`${r.passed ? 'PASS' : 'FAIL'}  ${r.text} (${runs})`);
    for (const f of r.failures.slice(0, limit))
      lines.push(`      ${describeFault(f.fault)} at ${humanMs(f.at)}: ${f.detail}`);
    if (r.failures.length > limit) lines.push(`      … and ${r.failures.length - limit} more`);
  }
  return lines.join('\n') + '\n';
}
