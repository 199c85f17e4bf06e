/**
 * `npm run --silent simulate -- FILE [--until MS]` (contract §3): the trace JSON on stdout and exit
 * 0, or the validation errors on stderr and exit 2 (no stack trace). A thin wrapper over the API.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './runCli';

// Bytes, not 'utf8' text: Node would replace bytes that are not UTF-8 silently; the engine refuses them.
const result = runCli(process.argv.slice(2), (path) => readFileSync(path));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
