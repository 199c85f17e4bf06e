/**
 * `npm run --silent sweep -- FILE [--at MS[,MS...]] [--fault JSON]... [--shard K/N]` (sweep-format.md):
 * the sweep document on stdout and exit 0, or `path: message` lines on stderr and exit 2.
 */
import { readFileSync } from 'node:fs';
import { runSweepCli } from './runSweepCli';

const result = runSweepCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
