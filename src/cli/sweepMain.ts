/** The Node entry shared by `npm run sweep` and `npm run check`: worker threads when there is enough work. */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { planRuns } from '../sweep/templates';
import { runSlice, shardRange } from '../sweep/sweep';
import { runInWorkers } from './sweepPool';
import { checkIssues, finishSweep, isCliResult, prepareSweep } from './runSweepCli';
import type { CliResult } from './runCli';

/** Below this many runs a worker's start-up costs more than it saves. */
const WORKER_THRESHOLD = 64;

export async function sweepMain(argv: string[], text: boolean): Promise<CliResult> {
  const prepared = prepareSweep(argv, (path) => readFileSync(path, 'utf8'));
  if (isCliResult(prepared)) return prepared;
  const early = checkIssues(prepared);
  if (early) return early;
  const { plan, args } = prepared;
  try {
    const all = planRuns(plan.scenario, plan.templates, plan.ats);
    const { from, to } = args.shard ? shardRange(args.shard.k, args.shard.n, all.length) : { from: 0, to: all.length };
    const runs = all.slice(from, to);
    const workers = args.workers ?? (runs.length >= WORKER_THRESHOLD ? availableParallelism() : 1);
    const details = workers > 1 ? await runInWorkers(plan, runs, workers) : runSlice(plan, runs);
    return finishSweep(prepared, details, text);
  } catch (err) {
    return { code: 1, stdout: '', stderr: `internal error while sweeping ${args.file}: ${(err as Error).message}\n` };
  }
}

export function emit(result: CliResult): void {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
