/** `npm run --silent availability -- FILE [--years N] [--seed S]` (see runAvailabilityCli.ts). */
import { readFileSync } from 'node:fs';
import { runAvailabilityCli } from './runAvailabilityCli';

const result = runAvailabilityCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
