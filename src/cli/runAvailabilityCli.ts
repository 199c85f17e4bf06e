/**
 * `npm run --silent availability -- FILE [--years N] [--seed S]`: the availability estimate as JSON
 * on stdout (exit 0), or `path: message` lines on stderr (exit 2). Rates from the scenario's
 * `ui.availability`, else the illustrative defaults (src/sweep/rates.ts).
 */
import { formatIssues, parseScenarioText, type ValidationIssue } from '../engine';
import { estimateAvailability } from '../sweep/availability';
import { RATES_NOTE, ratesOf } from '../sweep/rates';
import type { CliResult } from './runCli';

const USAGE = 'usage: npm run --silent availability -- FILE [--years N] [--seed S]\n';
const fail = (issues: ValidationIssue[]): CliResult => ({ code: 2, stdout: '', stderr: formatIssues(issues) + '\n' });

export function runAvailabilityCli(argv: readonly string[], readFile: (path: string) => string): CliResult {
  let file: string | undefined;
  let years = 100;
  let seed = 1;
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--years' || a === '--seed') {
      const v = argv[++i];
      const max = a === '--years' ? 100_000 : 4294967295;
      const min = a === '--years' ? 1 : 0;
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        issues.push({
          path: a,
          message: `expected a whole number from ${min} to ${max}, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`,
        });
      } else if (a === '--years') years = Number(v);
      else seed = Number(v);
    } else if (a === '--help' || a === '-h') return { code: 0, stdout: USAGE, stderr: '' };
    else if (a.startsWith('-')) issues.push({ path: a, message: 'unknown option' });
    else if (file === undefined) file = a;
    else issues.push({ path: a, message: `only one scenario file is accepted (already have ${JSON.stringify(file)})` });
  }
  if (file === undefined) issues.push({ path: 'FILE', message: 'no scenario file given' });
  if (issues.length) return { ...fail(issues), stderr: formatIssues(issues) + '\n' + USAGE };
  let text: string;
  try {
    text = readFile(file!);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail([{ path: file!, message: `cannot read the file${code ? ` (${code})` : ''}` }]);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return { code: 2, stdout: '', stderr: `${file}: invalid scenario\n${formatIssues(parsed.errors)}\n` };
  const { rates, issues: rateIssues, custom } = ratesOf(parsed.scenario);
  if (rateIssues.length) return fail(rateIssues);
  try {
    const report = estimateAvailability(
      parsed.scenario,
      rates,
      years,
      seed,
      custom
        ? 'Rates from the scenario\'s "ui.availability" (types not given there use the illustrative defaults).'
        : RATES_NOTE,
    );
    return { code: 0, stdout: JSON.stringify(report, null, 2) + '\n', stderr: '' };
  } catch (err) {
    return { code: 1, stdout: '', stderr: `internal error while estimating ${file}: ${(err as Error).message}\n` };
  }
}
