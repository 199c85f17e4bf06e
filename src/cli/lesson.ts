/**
 * `npm run --silent lesson -- FILE` (lesson-format.md §4): the step positions as JSON on stdout and
 * exit 0, or the `path: message` lines on stderr and exit 2. A thin wrapper over runLessonCli.
 */
import { readFileSync } from 'node:fs';
import { runLessonCli } from './runLessonCli';

const result = runLessonCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
