/** Parsing `npm run sweep` arguments (sweep-format.md §1): every problem as a `path: message` issue. */
import type { Scenario, ValidationIssue } from '../engine';
import { DEFAULT_TEMPLATES, parseTemplate, type Template } from '../sweep/templates';

export const SWEEP_USAGE =
  'usage: npm run --silent sweep -- FILE [--at MS[,MS...]] [--fault JSON]... [--shard K/N] [--check] [--workers N]\n';

export interface SweepArgs {
  file?: string;
  atText?: string;
  faults: { template: Template; where: string }[];
  shard?: { k: number; n: number };
  check: boolean;
  workers?: number;
  help: boolean;
}

export function parseSweepArgs(args: readonly string[]): { args: SweepArgs; issues: ValidationIssue[] } {
  const out: SweepArgs = { faults: [], check: false, help: false };
  const issues: ValidationIssue[] = [];
  let faultIndex = 0;
  const value = (i: number, flag: string): string | undefined => {
    const v = args[i];
    if (v === undefined) issues.push({ path: flag, message: 'expects a value' });
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--at') {
      const v = value(++i, '--at');
      if (v !== undefined) {
        if (out.atText !== undefined)
          issues.push({ path: '--at', message: 'given twice; list every instant in one --at, separated by commas' });
        out.atText = v;
      }
    } else if (a === '--fault') {
      const where = `--fault[${faultIndex++}]`;
      const v = value(++i, where);
      if (v === undefined) continue;
      const t = parseTemplate(v, where);
      if (t.ok) out.faults.push({ template: t.template, where });
      else issues.push(t.issue);
    } else if (a === '--shard') {
      const v = value(++i, '--shard');
      if (v === undefined) continue;
      const m = /^(\d+)\/(\d+)$/.exec(v);
      const k = m ? Number(m[1]) : NaN;
      const n = m ? Number(m[2]) : NaN;
      if (!m || !(n >= 1) || !(k >= 1) || k > n || !Number.isSafeInteger(n)) {
        issues.push({ path: '--shard', message: `expected K/N with 1 ≤ K ≤ N (e.g. 2/4), got ${JSON.stringify(v)}` });
      } else out.shard = { k, n };
    } else if (a === '--workers') {
      const v = value(++i, '--workers');
      if (v === undefined) continue;
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64) {
        issues.push({ path: '--workers', message: `expected a whole number from 1 to 64, got ${JSON.stringify(v)}` });
      } else out.workers = Number(v);
    } else if (a === '--check') {
      out.check = true;
    } else if (a === '--help' || a === '-h') {
      out.help = true;
    } else if (a.startsWith('-')) {
      issues.push({ path: a, message: 'unknown option' });
    } else if (out.file === undefined) {
      out.file = a;
    } else {
      issues.push({
        path: a,
        message: `only one scenario file is accepted (already have ${JSON.stringify(out.file)})`,
      });
    }
  }
  if (out.file === undefined && !out.help) issues.push({ path: 'FILE', message: 'no scenario file given' });
  return { args: out, issues };
}

/** `--at` against the scenario: integers within 0..until, a repeated value used once at its first place. */
export function parseAts(text: string | undefined, scenario: Scenario): { ats: number[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const parts = text === undefined ? ['60000'] : text.split(',');
  const ats: number[] = [];
  parts.forEach((p, i) => {
    const path = text === undefined ? '--at (default)' : parts.length > 1 ? `--at[${i}]` : '--at';
    const s = p.trim();
    if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) {
      issues.push({ path, message: `expected a whole number of milliseconds, got ${JSON.stringify(p)}` });
      return;
    }
    const at = Number(s);
    if (at > scenario.until) {
      issues.push({
        path,
        message: `${at} is after the end of the run: the scenario runs until ${scenario.until}${text === undefined ? '; give --at within 0..' + scenario.until : ''}`,
      });
      return;
    }
    if (!ats.includes(at)) ats.push(at);
  });
  return { ats, issues };
}

export function templatesOrDefault(args: SweepArgs): { template: Template; where: string }[] {
  if (args.faults.length > 0) return args.faults;
  return DEFAULT_TEMPLATES.map((t, i) => ({ template: { ...t }, where: `default template ${i} ${JSON.stringify(t)}` }));
}
