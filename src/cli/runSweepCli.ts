/** `npm run sweep`'s logic, free of process globals so tests can call it directly (like runCli.ts). */
import { formatIssues, parseScenarioText, type Scenario, type ValidationIssue } from '../engine';
import { validateTemplates } from '../sweep/templates';
import { runSlice, shardRange, toDocument, type SweepPlan } from '../sweep/sweep';
import { runBaseline } from '../sweep/run';
import { planRuns } from '../sweep/templates';
import { checksOf, evaluateChecks, formatCheckReport, type CheckResult } from '../sweep/checks';
import type { SweepDocument, RunDetail } from '../sweep/types';
import { parseAts, parseSweepArgs, SWEEP_USAGE, templatesOrDefault, type SweepArgs } from './sweepArgs';
import type { CliResult } from './runCli';

const fail = (issues: ValidationIssue[], usage = false): CliResult => ({
  code: 2,
  stdout: '',
  stderr: formatIssues(issues) + '\n' + (usage ? SWEEP_USAGE : ''),
});

export interface PreparedSweep {
  plan: SweepPlan;
  args: SweepArgs;
  raw: Record<string, unknown>;
}

/** Everything up to the runs: arguments, file, scenario, instants and templates. */
export function prepareSweep(argv: readonly string[], readFile: (path: string) => string): PreparedSweep | CliResult {
  const { args, issues } = parseSweepArgs(argv);
  if (args.help) return { code: 0, stdout: SWEEP_USAGE, stderr: '' };
  if (issues.length) return fail(issues, true);
  const file = args.file!;
  let text: string;
  try {
    text = readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail([{ path: file, message: `cannot read the file${code ? ` (${code})` : ''}` }]);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return { code: 2, stdout: '', stderr: `${file}: invalid scenario\n${formatIssues(parsed.errors)}\n` };
  const scenario: Scenario = parsed.scenario;
  const raw = JSON.parse(text) as Record<string, unknown>;
  const { ats, issues: atIssues } = parseAts(args.atText, scenario);
  if (atIssues.length) return fail(atIssues);
  const templates = templatesOrDefault(args);
  const tIssues = validateTemplates(raw, scenario, templates, ats[0]!);
  if (tIssues.length) return fail(tIssues);
  return { plan: { scenario, ats, templates: templates.map((t) => t.template) }, args, raw };
}

export function isCliResult(x: PreparedSweep | CliResult): x is CliResult {
  return 'code' in x;
}

export function printDocument(doc: SweepDocument): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * The document (and, with `--check`, the check results) from the runs of the prepared sweep.
 * With `--check` the document gets a `checks` field (an addition the contract allows) and the
 * exit code is 1 when any check fails; `text` picks the plain report of `npm run check`.
 */
export function finishSweep(
  prepared: PreparedSweep,
  details: RunDetail[],
  text = false,
): CliResult & { results?: CheckResult[] } {
  const { plan, args } = prepared;
  const all = planRuns(plan.scenario, plan.templates, plan.ats).length;
  const range = args.shard ? shardRange(args.shard.k, args.shard.n, all) : undefined;
  const { baseline } = runBaseline(plan.scenario, plan.ats, plan.options);
  const doc = toDocument(
    plan.scenario,
    baseline,
    details,
    range && args.shard ? { ...args.shard, ...range, total: all } : undefined,
  );
  if (!args.check) return { code: 0, stdout: printDocument(doc), stderr: '' };
  const { checks, issues } = checksOf(plan.scenario);
  if (issues.length) return fail(issues);
  if (checks.length === 0) {
    return fail([
      {
        path: 'ui.checks',
        message: 'the scenario has no checks; add some to its "ui.checks" (see src/sweep/checks.ts for the kinds)',
      },
    ]);
  }
  const results = evaluateChecks(checks, details);
  const code = results.every((r) => r.passed) ? 0 : 1;
  if (text) return { code, stdout: formatCheckReport(results), stderr: '', results };
  const withChecks = { ...doc, checks: results.map(({ check: _c, ...r }) => r) };
  return { code, stdout: JSON.stringify(withChecks, null, 2) + '\n', stderr: '', results };
}

/** The whole command in this thread (the tests' entry; the CLI may use worker threads instead). */
export function runSweepCli(argv: readonly string[], readFile: (path: string) => string, text = false): CliResult {
  const prepared = prepareSweep(argv, readFile);
  if (isCliResult(prepared)) return prepared;
  const early = checkIssues(prepared);
  if (early) return early;
  try {
    const { plan, args } = prepared;
    const all = planRuns(plan.scenario, plan.templates, plan.ats);
    const { from, to } = args.shard ? shardRange(args.shard.k, args.shard.n, all.length) : { from: 0, to: all.length };
    return finishSweep(prepared, runSlice(plan, all.slice(from, to)), text);
  } catch (err) {
    return {
      code: 1,
      stdout: '',
      stderr: `internal error while sweeping ${prepared.args.file}: ${(err as Error).message}\n`,
    };
  }
}

/** Bad checks are bad input: refuse them before spending time on the runs. */
export function checkIssues(prepared: PreparedSweep): CliResult | null {
  if (!prepared.args.check) return null;
  const { issues } = checksOf(prepared.plan.scenario);
  return issues.length ? fail(issues) : null;
}
