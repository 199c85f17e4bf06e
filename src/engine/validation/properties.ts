/** How settings (`properties`, `quorum`, `behavior`; rules in PROPERTY_RULES) are named in messages. */
import { getPropertyRule, type PropertyScope } from '../model/resourceTypes';
import { q } from './paths';

/** What a setting is called in messages: `group "SQL" property "FailoverPeriod" ...`. */
export const NOUN: Record<PropertyScope, string> = {
  cluster: 'property',
  quorum: 'quorum setting',
  node: 'property',
  nodeBehavior: 'behavior',
  group: 'property',
  resource: 'property',
  resourceBehavior: 'behavior',
};

/** The container key that holds a scope's settings, for "belongs inside" hints. */
export const CONTAINER: Record<PropertyScope, string> = {
  cluster: 'properties',
  quorum: 'quorum',
  node: 'properties',
  nodeBehavior: 'behavior',
  group: 'properties',
  resource: 'properties',
  resourceBehavior: 'behavior',
};

/**
 * The hint for an unknown key that is really a setting written at the wrong level:
 * `; "RestartAction" belongs inside "properties"`, or "".
 */
export function misplacedSettingHint(key: string, scopes: readonly PropertyScope[]): string {
  for (const scope of scopes) {
    if (getPropertyRule(scope, key)) return `; ${q(key)} belongs inside ${q(CONTAINER[scope])}`;
  }
  return '';
}
