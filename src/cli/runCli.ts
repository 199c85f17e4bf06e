/** The CLI's logic, free of process globals so tests can call it directly. */
import {
  formatIssues,
  MAX_SCENARIO_TIME_MS,
  parseScenarioBytes,
  parseScenarioText,
  runScenario,
  SimulationLoopError,
} from '../engine';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = 'usage: npm run --silent simulate -- FILE [--until MS]\n';

/**
 * `readFile` gives the file's bytes (checked as UTF-8 here: contract §1 refuses a file that is
 * not), or text already decoded.
 */
export function runCli(args: string[], readFile: (path: string) => Uint8Array | string): CliResult {
  let file: string | undefined;
  let until: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--until') {
      const v = args[++i];
      if (v === undefined || !/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
        return {
          code: 2,
          stdout: '',
          stderr: `--until: expected a non-negative integer number of milliseconds, got ${v === undefined ? 'nothing' : JSON.stringify(v)}\n${USAGE}`,
        };
      }
      if (Number(v) > MAX_SCENARIO_TIME_MS) {
        return {
          code: 2,
          stdout: '',
          stderr: `--until: at most ${MAX_SCENARIO_TIME_MS} ms (ten years), got ${v}\n${USAGE}`,
        };
      }
      until = Number(v);
    } else if (a === '--help' || a === '-h') {
      return { code: 0, stdout: USAGE, stderr: '' };
    } else if (a.startsWith('-')) {
      return { code: 2, stdout: '', stderr: `unknown option ${JSON.stringify(a)}\n${USAGE}` };
    } else if (file === undefined) {
      file = a;
    } else {
      return {
        code: 2,
        stdout: '',
        stderr: `only one scenario file is accepted (got ${JSON.stringify(file)} and ${JSON.stringify(a)})\n${USAGE}`,
      };
    }
  }
  if (file === undefined) return { code: 2, stdout: '', stderr: `no scenario file given\n${USAGE}` };
  let content: Uint8Array | string;
  try {
    content = readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { code: 2, stdout: '', stderr: `${file}: cannot read the file${code ? ` (${code})` : ''}\n` };
  }
  const parsed = typeof content === 'string' ? parseScenarioText(content) : parseScenarioBytes(content);
  if (!parsed.ok) return { code: 2, stdout: '', stderr: `${file}: invalid scenario\n${formatIssues(parsed.errors)}\n` };
  try {
    const trace = runScenario(parsed.scenario, until ?? parsed.scenario.until);
    return { code: 0, stdout: JSON.stringify(trace, null, 2) + '\n', stderr: '' };
  } catch (err) {
    // A zero-time loop the validation could not foresee: the scenario's doing, said as such.
    if (err instanceof SimulationLoopError) return { code: 1, stdout: '', stderr: `${file}: ${err.message}\n` };
    // An engine bug, not bad input: say so plainly, without a stack trace.
    return { code: 1, stdout: '', stderr: `internal error while simulating ${file}: ${(err as Error).message}\n` };
  }
}
