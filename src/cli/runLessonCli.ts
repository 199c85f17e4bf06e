/** `npm run --silent lesson -- FILE` (lesson-format.md §4), free of process globals so tests call it directly. */
import { formatIssues, parseScenarioText } from '../engine';
import { lessonCheck } from '../lesson/check';
import { checkLessonScenario } from '../lesson/validate';
import type { CliResult } from './runCli';

const USAGE = 'usage: npm run --silent lesson -- FILE\n';

export function runLessonCli(args: string[], readFile: (path: string) => string): CliResult {
  const files = args.filter((a) => !a.startsWith('-'));
  const options = args.filter((a) => a.startsWith('-'));
  if (options.includes('--help') || options.includes('-h')) return { code: 0, stdout: USAGE, stderr: '' };
  if (options.length) return { code: 2, stdout: '', stderr: `unknown option ${JSON.stringify(options[0])}\n${USAGE}` };
  if (files.length === 0) return { code: 2, stdout: '', stderr: `no lesson file given\n${USAGE}` };
  if (files.length > 1)
    return {
      code: 2,
      stdout: '',
      stderr: `only one lesson file is accepted (got ${files.map((f) => JSON.stringify(f)).join(' and ')})\n${USAGE}`,
    };
  const file = files[0]!;
  let text: string;
  try {
    text = readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { code: 2, stdout: '', stderr: `${file}: cannot read the file${code ? ` (${code})` : ''}\n` };
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return { code: 2, stdout: '', stderr: `${formatIssues(parsed.errors)}\n` };
  try {
    const checked = checkLessonScenario(JSON.parse(text), parsed.scenario);
    if (!checked.ok) return { code: 2, stdout: '', stderr: `${formatIssues(checked.issues)}\n` };
    const doc = lessonCheck(checked.value.lesson.id, checked.value.positions);
    return { code: 0, stdout: JSON.stringify(doc, null, 2) + '\n', stderr: '' };
  } catch (err) {
    return { code: 1, stdout: '', stderr: `internal error while checking ${file}: ${(err as Error).message}\n` };
  }
}
