/** Unknown keys (contract §1: any unknown key is an error; `ui` is allowed at the top level only). */
import type { PropertyScope } from '../model/resourceTypes';
import { didYouMean } from './didYouMean';
import { misplacedSettingHint } from './properties';
import { child, type Issues, q } from './paths';

export const TOP_LEVEL_KEYS = ['format', 'name', 'description', 'seed', 'until', 'cluster', 'nodes', 'groups', 'script', 'ui'] as const;
export const CLUSTER_KEYS = ['startTime', 'properties', 'quorum'] as const;
export const NODE_KEYS = ['name', 'state', 'properties', 'behavior'] as const;
export const GROUP_KEYS = ['name', 'ownerNode', 'preferredOwners', 'persistentState', 'properties', 'resources'] as const;
export const RESOURCE_KEYS = ['name', 'type', 'dependsOn', 'possibleOwners', 'properties', 'behavior'] as const;

/**
 * Report `key` of the object at `path` as unknown. `owner` names the object (`group "SQL"`, `the
 * scenario`); `allowed` are the keys it accepts; `scopes` are the settings scopes whose names get a
 * "belongs inside" hint instead of a did-you-mean.
 */
export function reportUnknownKey(
  issues: Issues,
  path: string,
  owner: string,
  key: string,
  allowed: readonly string[],
  scopes: readonly PropertyScope[] = [],
): void {
  const hint = misplacedSettingHint(key, scopes) || didYouMean(key, allowed);
  issues.add(child(path, key), `${owner} has unknown key ${q(key)}${hint}`);
}
