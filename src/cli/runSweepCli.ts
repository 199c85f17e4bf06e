/** `npm run sweep`'s logic, free of process globals so tests can call it directly (like runCli.ts). */
import { formatIssues, parseScenarioText, type Scenario, type ValidationIssue } from '../engine';
import { validateTemplates } from '../sweep/templates';
import { sweep, type SweepPlan } from '../sweep/sweep';
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
  const tIssues = validateTemplates(raw, scenario, templates, ats[0]);
  if (tIssues.length) return fail(tIssues);
  return { plan: { scenario, ats, templates: templates.map((t) => t.template) }, args, raw };
}

export function isCliResult(x: PreparedSweep | CliResult): x is CliResult {
  return 'code' in x;
}

export function printDocument(doc: SweepDocument): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The whole command in this thread. `--check` is handled by the caller that owns the checks. */
export function runSweepCli(
  argv: readonly string[],
  readFile: (path: string) => string,
): CliResult & { details?: RunDetail[]; prepared?: PreparedSweep } {
  const prepared = prepareSweep(argv, readFile);
  if (isCliResult(prepared)) return prepared;
  try {
    const { document, details } = sweep(prepared.plan, prepared.args.shard);
    return { code: 0, stdout: printDocument(document), stderr: '', details, prepared };
  } catch (err) {
    return {
      code: 1,
      stdout: '',
      stderr: `internal error while sweeping ${prepared.args.file}: ${(err as Error).message}\n`,
    };
  }
}
