/**
 * Contract §1: a resource whose Online call takes no time (`behavior.onlineMs` 0) must have
 * RestartDelay ≥ 1 and RetryPeriodOnFailure ≥ 1, else an Online that fails at once could fail and
 * be tried again forever within one instant (fixtures/engine/bug13.json). Checked on the effective
 * values (after defaults and "means the default" sentinels) over the raw input, so it is reported
 * alongside the schema's issues; a value the schema refuses is left to the schema.
 */
import {
  checkPropertyValue,
  DEFAULT_RESOURCE_TYPE,
  defaultBehavior,
  effectiveIntegerValue,
  getPropertyRule,
  type IntegerPropertyRule,
} from '../model/resourceTypes';
import type { LocatedIssue, PathKey } from './issues';
import { isName, isPlainObject, label, type PlainObject, q } from './paths';

const GUARDED = ['RestartDelay', 'RetryPeriodOnFailure'] as const;

const own = (o: PlainObject, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** The effective onlineMs of a raw resource and whether the file set it, or null when unreadable. */
function onlineMsOf(r: PlainObject): { value: number; set: boolean; type: string } | null {
  const rawType = own(r, 'type');
  if (rawType !== undefined && !isName(rawType)) return null;
  const type = rawType ?? DEFAULT_RESOURCE_TYPE;
  const behavior = own(r, 'behavior');
  if (behavior !== undefined && !isPlainObject(behavior)) return null;
  const value = behavior === undefined ? undefined : own(behavior, 'onlineMs');
  if (value === undefined) return { value: defaultBehavior(type).onlineMs, set: false, type };
  if (checkPropertyValue('resourceBehavior', 'onlineMs', value) !== null) return null;
  return { value: value as number, set: true, type };
}

export function checkZeroTimeOnline(root: PlainObject): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  const groups = own(root, 'groups');
  if (!Array.isArray(groups)) return out;
  groups.forEach((g, gi) => {
    const resources = isPlainObject(g) ? own(g, 'resources') : undefined;
    if (!Array.isArray(resources)) return;
    resources.forEach((r, ri) => {
      if (!isPlainObject(r)) return;
      const online = onlineMsOf(r);
      if (online === null || online.value !== 0) return;
      const properties = own(r, 'properties') ?? {};
      if (!isPlainObject(properties)) return;
      const rPath: PathKey[] = ['groups', gi, 'resources', ri];
      const who = label('resource', r.name, `groups[${gi}].resources[${ri}]`);
      const onlineText = online.set
        ? 'its behavior "onlineMs" is 0'
        : `its behavior "onlineMs" is 0 (the default for type ${q(online.type)})`;
      for (const name of GUARDED) {
        const rule = getPropertyRule('resource', name) as IntegerPropertyRule;
        const raw = own(properties, name);
        if (raw !== undefined && checkPropertyValue('resource', name, raw) !== null) continue;
        const value = raw === undefined ? rule.default : effectiveIntegerValue(rule, raw as number);
        if (value >= 1) continue;
        out.push({
          path: raw === undefined ? [...rPath, 'behavior', 'onlineMs'] : [...rPath, 'properties', name],
          message:
            `${who} property ${q(name)} is ${value}${raw === undefined ? ' (the default)' : ''}, but ${onlineText}; ` +
            'with onlineMs 0, RestartDelay and RetryPeriodOnFailure must be at least 1 ' +
            '(else a failing Online call could fail and be tried again forever within one instant)',
        });
      }
    });
  });
  return out;
}
