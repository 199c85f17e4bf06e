/**
 * Fault templates (sweep-format.md §1): a script action without `at` and without its subject,
 * expanded over every entity of the subject's kind in file order. A template that names its
 * subject is used as it is.
 */
import type { Action, ActionSubject, Scenario, ValidationIssue } from '../engine';
import { ACTION_NAMES as ENGINE_ACTIONS, actionSubject, validateScenario } from '../engine';
import type { PlannedRun } from './types';

/**
 * What a template without its subject is expanded over: entities of a kind (`node`, `group`,
 * `resource`, `network`), each node's interfaces (`interface`), each node isolated by a partition
 * (`isolate`), or nothing (`witness`: itself when there is a witness; `self`: itself).
 */
type Subject = 'node' | 'group' | 'resource' | 'network' | 'interface' | 'isolate' | 'witness' | 'self';

/**
 * networks.md's actions expand by sweep-format.md §1's own rules, not by the entity they are listed
 * under in the app's menus (the registry's subject): a network, each interface, each node cut off.
 */
const NETWORK_SUBJECT: Readonly<Record<string, Subject>> = {
  stopNode: 'node',
  failNetwork: 'network',
  restoreNetwork: 'network',
  failInterface: 'interface',
  restoreInterface: 'interface',
  partition: 'isolate',
  healPartition: 'self',
};

/** The subject of each action: the registry's (`moveGroup`'s is `group`; `node` is an argument), then the above. */
const SUBJECT: Readonly<Record<string, Subject>> = Object.fromEntries(
  ENGINE_ACTIONS.map((name) => {
    const own: ActionSubject = actionSubject(name);
    return [name, NETWORK_SUBJECT[name] ?? (own === 'none' ? 'witness' : own)];
  }),
);

/** The script actions this engine knows (scenario-format.md §2, networks.md §2). */
export const ACTION_NAMES: readonly string[] = Object.keys(SUBJECT);

/** networks.md §2: every network action but `stopNode` needs a scenario in network mode. */
export const NEEDS_NETWORK_MODE: ReadonlySet<string> = new Set([
  'partition',
  'healPartition',
  'failNetwork',
  'restoreNetwork',
  'failInterface',
  'restoreInterface',
]);

export const DEFAULT_TEMPLATES: readonly Record<string, unknown>[] = Object.freeze([
  { action: 'crashNode' },
  { action: 'failResource' },
  { action: 'setHealth', isAlive: 'hang' },
]);

export type Template = Record<string, unknown>;

/** Parse one `--fault` value. `where` is the place named in messages, e.g. `--fault[0]`. */
export function parseTemplate(
  text: string,
  where: string,
): { ok: true; template: Template } | { ok: false; issue: ValidationIssue } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, issue: { path: where, message: `not valid JSON (${(e as Error).message}): ${text}` } };
  }
  return checkTemplateShape(value, where);
}

/** The checks that do not need the scenario: an object, an action, no `at`. */
export function checkTemplateShape(
  value: unknown,
  where: string,
): { ok: true; template: Template } | { ok: false; issue: ValidationIssue } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      issue: { path: where, message: 'a fault template must be a JSON object like {"action":"crashNode"}' },
    };
  }
  const t = value as Template;
  if (Object.hasOwn(t, 'at')) {
    return {
      ok: false,
      issue: {
        path: `${where}.at`,
        message: 'a fault template has no "at": the sweep injects it at each --at instant',
      },
    };
  }
  if (typeof t.action !== 'string') {
    return {
      ok: false,
      issue: {
        path: `${where}.action`,
        message: 'a fault template needs an "action" (a script action name, e.g. "crashNode")',
      },
    };
  }
  return { ok: true, template: t };
}

/**
 * Fill a template in over the scenario's entities (file order), or use it as it is when it names its
 * subject (sweep-format.md §1). A network action other than `stopNode` expands to no run in a
 * scenario without networks (`validateTemplates` names that as an error for the command).
 */
export function expandTemplate(scenario: Scenario, template: Template): Action[] {
  const action = template.action as string;
  if (!Object.hasOwn(SUBJECT, action)) return [template as unknown as Action]; // unknown action: validation names it
  const subject = SUBJECT[action]!;
  const as = (a: Record<string, unknown>) => a as unknown as Action;
  if (NEEDS_NETWORK_MODE.has(action) && scenario.networks === undefined) return [];
  if (subject === 'self') return [as(template)];
  if (subject === 'witness') return scenario.cluster.quorum.witness === 'none' ? [] : [as(template)];
  const { action: _action, ...rest } = template;
  if (subject === 'interface') return interfacesOf(scenario, template).map((i) => as({ action, ...i, ...rest }));
  if (subject === 'isolate') {
    if (Object.hasOwn(template, 'sides')) return [as(template)];
    const names = scenario.nodes.map((n) => n.name);
    if (names.length < 2) return []; // one node cannot be isolated from the others
    return names.map((name) => as({ action, sides: [[name], names.filter((n) => n !== name)], ...rest }));
  }
  if (Object.hasOwn(template, subject)) return [as(template)];
  const names =
    subject === 'node'
      ? scenario.nodes.map((n) => n.name)
      : subject === 'group'
        ? scenario.groups.map((g) => g.name)
        : subject === 'network'
          ? (scenario.networks ?? []).map((n) => n.name)
          : scenario.groups.flatMap((g) => g.resources.map((r) => r.name));
  return names.map((name) => as({ action, [subject]: name, ...rest }));
}

/**
 * The interfaces a `failInterface`/`restoreInterface` template covers: every node's (file order),
 * each node's in its own order (absent `interfaces` = every network, networks.md §1.4), narrowed to
 * the template's `node` and `network` when it gives them. Given both, the template as it is.
 */
function interfacesOf(scenario: Scenario, template: Template): { node: unknown; network: unknown }[] {
  if (Object.hasOwn(template, 'node') && Object.hasOwn(template, 'network'))
    return [{ node: template.node, network: template.network }];
  const all = (scenario.networks ?? []).map((n) => n.name);
  return scenario.nodes
    .filter((n) => !Object.hasOwn(template, 'node') || n.name === template.node)
    .flatMap((n) => (n.interfaces ?? all).map((network) => ({ node: n.name, network })))
    .filter((i) => !Object.hasOwn(template, 'network') || i.network === template.network);
}

/**
 * Validate each template once filled in, by the engine's own script validation: the raw scenario
 * with the first expansion added (the other expansions differ only in the subject, which names an
 * entity of the scenario). Issues are re-pathed from `script[i]` to the template's place.
 */
export function validateTemplates(
  raw: Record<string, unknown>,
  scenario: Scenario,
  templates: readonly { template: Template; where: string }[],
  at: number,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const script: unknown[] = Array.isArray(raw.script) ? (raw.script as unknown[]) : [];
  for (const { template, where } of templates) {
    const expanded = expandTemplate(scenario, template)[0];
    // No run: either nothing to expand over (no resources, no witness, one node: no issue), or the
    // template itself is wrong (a network action without networks, an unknown node or network it
    // names). The template as it is tells them apart: only its own keys' issues count.
    const probe: Record<string, unknown> = expanded ?? template;
    const result = validateScenario({ ...raw, until: scenario.until, script: [...script, { at, ...probe }] });
    if (result.ok) continue;
    const prefix = `script[${script.length}]`;
    for (const issue of result.errors) {
      if (issue.path === prefix || issue.path.startsWith(prefix + '.') || issue.path.startsWith(prefix + '[')) {
        const rest = issue.path.slice(prefix.length);
        const key = /^\.([A-Za-z_$][\w$]*)/.exec(rest)?.[1];
        if (expanded === undefined && (key === undefined || !Object.hasOwn(template, key))) continue;
        issues.push({ path: where + rest, message: issue.message });
      }
    }
  }
  return issues;
}

/** Every run, in the contract's order: for each instant, each template, each entity. */
export function planRuns(scenario: Scenario, templates: readonly Template[], ats: readonly number[]): PlannedRun[] {
  const expanded = templates.map((t) => expandTemplate(scenario, t));
  const runs: PlannedRun[] = [];
  for (const at of ats) for (const faults of expanded) for (const fault of faults) runs.push({ at, fault });
  return runs;
}
