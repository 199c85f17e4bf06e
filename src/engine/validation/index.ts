/**
 * Scenario validation (contract §1, §2): the one module the engine, the command line and the editor
 * use to turn a scenario file into the normalized `Scenario`, or into every reason it is rejected.
 */
import type { ValidationIssue, ValidationResult } from '../model/scenario';
import { parseJsonText } from './json';
import { ROOT_PATH } from './paths';
import { walkScenario } from './document';

export { editDistance, suggest } from './didYouMean';
export { SCRIPT_ACTIONS, ACTION_NAMES, type ArgSpec } from './script';
export { FILE_PATH } from './json';
export { ROOT_PATH } from './paths';

/**
 * Validate raw JSON (as parsed) and apply every default. All problems are reported, in document
 * order; a scenario is valid as a whole or rejected as a whole. Never throws.
 */
export function validateScenario(json: unknown): ValidationResult {
  try {
    return walkScenario(json);
  } catch (e) {
    // Defensive: the walk is written not to throw on any JSON value; anything else (exotic objects)
    // is reported rather than propagated.
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: ROOT_PATH, message: `the scenario could not be read: ${why}` }] };
  }
}

/** Parse scenario file text, then validate it. A JSON syntax error is one issue at `(file)`. Never throws. */
export function parseScenarioText(text: string): ValidationResult {
  const parsed = parseJsonText(text);
  return parsed.ok ? validateScenario(parsed.value) : parsed.result;
}

/** One line per issue: `path: message`. */
export function formatIssues(errors: readonly ValidationIssue[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
