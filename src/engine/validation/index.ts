/**
 * Scenario validation (contract §1, §2): the one module the engine, the command line and the editor
 * use to turn a scenario file into the normalized `Scenario`, or into every reason it is rejected.
 *
 * Two passes over the input, their issues merged into document order:
 * - `ScenarioSchema` (zod, `./schema`): shapes, unknown keys, types, ranges, allowed values,
 *   dependency-expression syntax, cross-field rules, defaults; its issues are worded by `./issues`;
 * - `checkReferences` (`./references`): duplicate names (within a kind), references by name and
 *   kind, cycles; and `checkZeroTimeOnline` (`./zeroTimeOnline`): the onlineMs 0 rule.
 */
import type { Scenario, ScriptEntry, ValidationIssue, ValidationResult } from '../model/scenario';
import { inDocumentOrder, type LocatedIssue, toPathString, translateIssue } from './issues';
import { FILE_PATH, parseJsonText } from './json';
import { collectNames } from './names';
import { checkNetworks, isNetworkPath } from './networkChecks';
import { isPlainObject, type PlainObject, ROOT_PATH } from './paths';
import { checkReferences } from './references';
import { ScenarioSchema, type ScenarioFile } from './schema';
import { decodeUtf8 } from './utf8';
import { checkZeroTimeOnline } from './zeroTimeOnline';
import { applyLevelDefaults } from './networkSchema';

export { editDistance, suggest } from './didYouMean';
export { SCRIPT_ACTIONS, ACTION_NAMES, type ArgSpec } from './script';
export { FILE_PATH } from './json';
export { ROOT_PATH } from './paths';
export {
  ClusterSchema,
  DependsOnSchema,
  GroupSchema,
  NodeSchema,
  ResourceSchema,
  ScenarioSchema,
  ScriptEntrySchema,
  settingsSchema,
  type ScenarioFile,
} from './schema';

/**
 * Validate raw JSON (as parsed) and apply every default. All problems are reported, in document
 * order; a scenario is valid as a whole or rejected as a whole. Never throws.
 */
export function validateScenario(json: unknown): ValidationResult {
  try {
    const parsed = ScenarioSchema.safeParse(json);
    const translated: LocatedIssue[] = [];
    if (!parsed.success) for (const issue of parsed.error.issues) translateIssue(json, issue, translated);
    const located: LocatedIssue[] = [];
    if (isPlainObject(json)) {
      const reg = collectNames(json);
      const network = checkNetworks(json, reg);
      located.push(...network, ...checkReferences(json, reg), ...checkZeroTimeOnline(json));
      // The network fields' messages are the network checks' own (networks.md §1.6): zod's issue at a
      // place they also report (the same, inside or around it) is dropped; one they do not report is
      // kept, so nothing goes unexplained.
      const ours = network.map((i) => toPathString(i.path));
      const related = (a: string, b: string) => a === b || nested(a, b) || nested(b, a);
      located.unshift(
        ...translated.filter(
          (i) => !(isNetworkPath(json, i.path) && ours.some((p) => related(p, toPathString(i.path)))),
        ),
      );
    } else located.push(...translated);
    if (located.length > 0 || !parsed.success) return { ok: false, errors: inDocumentOrder(json, located) };
    return { ok: true, scenario: assemble(parsed.data, json as PlainObject) };
  } catch (e) {
    // Defensive: the passes are written not to throw on any JSON value; anything else (exotic
    // objects, throwing getters) is reported rather than propagated.
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: ROOT_PATH, message: `the scenario could not be read: ${why}` }] };
  }
}

/**
 * Parse scenario file text, then validate it. A JSON syntax error, or a character no UTF-8 file
 * can hold, is one issue at `(file)`; a key repeated within an object is an issue at that object
 * (`groups[0]: duplicate key "name"`). A leading byte order mark is dropped. Never throws.
 */
export function parseScenarioText(text: string): ValidationResult {
  const parsed = parseJsonText(text);
  return parsed.ok ? validateScenario(parsed.value) : parsed.result;
}

/**
 * Read a scenario file (its bytes, or text already decoded) as JSON without validating it: for
 * callers that keep the raw source (the app's file open) and validate it later. Refuses, as
 * `parseScenarioBytes` does, bytes that are not UTF-8, JSON syntax errors and repeated keys.
 */
export function readScenarioJson(
  file: Uint8Array | string,
): { ok: true; json: unknown } | { ok: false; errors: ValidationIssue[] } {
  let text: string;
  if (typeof file === 'string') text = file;
  else if (file instanceof Uint8Array) {
    const decoded = decodeUtf8(file);
    if (!decoded.ok) return { ok: false, errors: [{ path: FILE_PATH, message: decoded.message }] };
    text = decoded.text;
  } else return { ok: false, errors: [{ path: FILE_PATH, message: 'the scenario file must be text or bytes' }] };
  const parsed = parseJsonText(text);
  return parsed.ok ? { ok: true, json: parsed.value } : parsed.result;
}

/**
 * Decode a scenario file's bytes as UTF-8 (strictly; a leading UTF-8 byte order mark is dropped),
 * then as `parseScenarioText`. Bytes that are not UTF-8 are one issue at `(file)` naming the byte
 * offset and line. Never throws.
 */
export function parseScenarioBytes(bytes: Uint8Array): ValidationResult {
  if (!(bytes instanceof Uint8Array))
    return { ok: false, errors: [{ path: FILE_PATH, message: 'the scenario file must be bytes (a Uint8Array)' }] };
  const read = readScenarioJson(bytes);
  return read.ok ? validateScenario(read.json) : read;
}

/** `inner` is a place inside `outer` (`a.b[0]` inside `a.b`). */
const nested = (inner: string, outer: string) =>
  inner.length > outer.length &&
  inner.startsWith(outer) &&
  (inner[outer.length] === '.' || inner[outer.length] === '[');

/** One line per issue: `path: message`. */
export function formatIssues(errors: readonly ValidationIssue[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// What follows the file's own order, which zod's output (in schema order) does not keep.

const list = (raw: PlainObject, key: string): PlainObject[] =>
  Array.isArray(raw[key]) ? (raw[key] as PlainObject[]) : [];
const object = (raw: PlainObject, key: string): PlainObject => (isPlainObject(raw[key]) ? raw[key] : {});

/** The settings an element's file sets, in file order: its own keys first, then those of its settings objects. */
function explicitOf(raw: PlainObject, own: readonly string[], settings: Readonly<Record<string, string>>): string[] {
  const first: string[] = [];
  const then: string[] = [];
  for (const key of Object.keys(raw)) {
    if (own.includes(key)) first.push(key);
    else if (Object.hasOwn(settings, key))
      for (const name of Object.keys(object(raw, key))) then.push(settings[key] + name);
  }
  return [...first, ...then];
}

/**
 * The validated file as the engine's `Scenario`: `explicit` lists, script entries with their keys
 * in file order (they are traced verbatim), sorted stably by `at` (file order within an instant).
 */
function assemble(file: ScenarioFile, raw: PlainObject): Scenario {
  const cluster = object(raw, 'cluster');
  file.cluster.explicit = explicitOf(cluster, ['startTime'], { properties: '', quorum: 'quorum.' });
  const nodes = list(raw, 'nodes');
  file.nodes.forEach(
    (n, i) => (n.explicit = explicitOf(nodes[i]!, ['state'], { properties: '', behavior: 'behavior.' })),
  );
  const groups = list(raw, 'groups');
  file.groups.forEach((g, gi) => {
    g.explicit = explicitOf(groups[gi]!, ['ownerNode', 'preferredOwners', 'persistentState'], { properties: '' });
    const resources = list(groups[gi]!, 'resources');
    g.resources.forEach(
      (r, ri) =>
        (r.explicit = explicitOf(resources[ri]!, ['type', 'dependsOn', 'possibleOwners'], {
          properties: '',
          behavior: 'behavior.',
        })),
    );
  });
  const script = list(raw, 'script')
    .map((entry, i) => {
      const parsed = file.script[i] as Record<string, unknown>;
      const out: Record<string, unknown> = { at: parsed.at, action: parsed.action };
      for (const key of Object.keys(entry)) if (key !== 'at' && key !== 'action') out[key] = parsed[key];
      return { entry: out as ScriptEntry, i };
    })
    .sort((a, b) => a.entry.at - b.entry.at || a.i - b.i)
    .map((x) => x.entry);
  applyLevelDefaults(file.cluster, cluster);
  const { format, name, description, seed, until, nodes: n, groups: g, ui, networks } = file;
  return {
    format,
    name,
    description,
    seed,
    until,
    cluster: file.cluster,
    nodes: n,
    groups: g,
    script,
    ...(networks ? { networks } : {}),
    ...(ui ? { ui } : {}),
  };
}
