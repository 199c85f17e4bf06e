/**
 * Fault templates (sweep-format.md §1): a script action without `at` and without its subject,
 * expanded over every entity of the subject's kind in file order. A template that names its
 * subject is used as it is.
 */
import type { Action, ActionSubject, Scenario, ValidationIssue } from '../engine';
import { ACTION_NAMES as ENGINE_ACTIONS, actionSubject, validateScenario } from '../engine';
import type { PlannedRun } from './types';

/** The subject of each action of scenario-format.md §2 (`moveGroup`'s is `group`; `node` is an argument). */
const SUBJECT: Readonly<Record<string, ActionSubject>> = Object.fromEntries(
  ENGINE_ACTIONS.map((name) => [name, actionSubject(name)]),
);

/** The script actions this engine knows (scenario-format.md §2). */
export const ACTION_NAMES: readonly string[] = Object.keys(SUBJECT);

/** networks.md §2's actions: they need network mode, which this engine does not have yet. */
const NETWORK_ACTIONS = new Set([
  'stopNode',
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

/** The checks that do not need the scenario: an object, an action, no `at`, not a network action. */
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
  if (NETWORK_ACTIONS.has(t.action)) {
    return {
      ok: false,
      issue: {
        path: `${where}.action`,
        message: `"${t.action}" is a network action (networks.md): it needs a scenario in network mode, and this version of Failover Lab has no network mode yet`,
      },
    };
  }
  return { ok: true, template: t };
}

/** Fill a template in over the scenario's entities (file order), or use it as it is when it names its subject. */
export function expandTemplate(scenario: Scenario, template: Template): Action[] {
  const action = template.action as string;
  if (!Object.hasOwn(SUBJECT, action)) return [template as unknown as Action]; // unknown action: validation names it
  const subject = SUBJECT[action];
  if (subject === 'none') return scenario.cluster.quorum.witness === 'none' ? [] : [template as unknown as Action];
  if (Object.hasOwn(template, subject)) return [template as unknown as Action];
  const names =
    subject === 'node'
      ? scenario.nodes.map((n) => n.name)
      : subject === 'group'
        ? scenario.groups.map((g) => g.name)
        : scenario.groups.flatMap((g) => g.resources.map((r) => r.name));
  const { action: _action, ...rest } = template;
  return names.map((name) => ({ action, [subject]: name, ...rest }) as unknown as Action);
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
  const script = Array.isArray(raw.script) ? raw.script : [];
  for (const { template, where } of templates) {
    const probe = expandTemplate(scenario, template)[0];
    if (probe === undefined) continue; // no entity of that kind (or no witness): no run, nothing to check
    const result = validateScenario({ ...raw, until: scenario.until, script: [...script, { at, ...probe }] });
    if (result.ok) continue;
    const prefix = `script[${script.length}]`;
    for (const issue of result.errors) {
      if (issue.path === prefix || issue.path.startsWith(prefix + '.') || issue.path.startsWith(prefix + '[')) {
        issues.push({ path: where + issue.path.slice(prefix.length), message: issue.message });
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
