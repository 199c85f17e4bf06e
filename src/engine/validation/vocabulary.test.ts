/** The shared data: did-you-mean, PROPERTY_RULES / checkPropertyValue, resource types. */
import { describe, expect, it } from 'vitest';
import {
  checkPropertyValue,
  DEFAULT_CLUSTER_PROPERTIES,
  DEFAULT_GROUP_PROPERTIES,
  DEFAULT_RESOURCE_PROPERTIES,
  defaultBehavior,
  describeAllowed,
  getPropertyRule,
  PROPERTY_NAMES,
  PROPERTY_RULES,
  RESOURCE_TYPES,
} from '../model/resourceTypes';

describe('PROPERTY_RULES', () => {
  it("covers exactly the contract's accepted names", () => {
    expect(PROPERTY_NAMES.cluster).toEqual([
      'SameSubnetDelay',
      'SameSubnetThreshold',
      'CrossSubnetDelay',
      'CrossSubnetThreshold',
    ]);
    expect(PROPERTY_NAMES.quorum).toEqual(['witness', 'DynamicQuorum']);
    expect(PROPERTY_NAMES.node).toEqual(['NodeWeight']);
    expect(PROPERTY_NAMES.group).toEqual([
      'FailoverThreshold',
      'FailoverPeriod',
      'AutoFailbackType',
      'FailbackWindowStart',
      'FailbackWindowEnd',
      'Priority',
      'AntiAffinityClassNames',
    ]);
    expect(PROPERTY_NAMES.resource).toEqual([
      'RestartAction',
      'RestartThreshold',
      'RestartPeriod',
      'RestartDelay',
      'RetryPeriodOnFailure',
      'PendingTimeout',
      'DeadlockTimeout',
      'LooksAlivePollInterval',
      'IsAlivePollInterval',
      'SeparateMonitor',
    ]);
  });

  it('agrees with the defaults objects, and every default passes its own rule', () => {
    const scopes = [
      ['cluster', DEFAULT_CLUSTER_PROPERTIES],
      ['group', DEFAULT_GROUP_PROPERTIES],
      ['resource', DEFAULT_RESOURCE_PROPERTIES],
    ] as const;
    for (const [scope, defaults] of scopes) {
      expect(Object.keys(defaults)).toEqual(PROPERTY_NAMES[scope]);
      for (const [name, value] of Object.entries(defaults)) {
        expect(getPropertyRule(scope, name)?.default).toEqual(value);
        expect(checkPropertyValue(scope, name, value)).toBeNull();
      }
    }
    for (const rule of Object.values(PROPERTY_RULES))
      expect(checkPropertyValue(rule.scope, rule.name, rule.default)).toBeNull();
  });

  it('checkPropertyValue gives the reason that follows the property name', () => {
    expect(checkPropertyValue('group', 'FailoverPeriod', '6h')).toBe(
      'must be an integer from 1 to 1193 hours, got "6h"',
    );
    expect(checkPropertyValue('group', 'FailbackWindowStart', -1)).toBeNull();
    expect(checkPropertyValue('group', 'FailbackWindowEnd', 23)).toBeNull();
    expect(checkPropertyValue('resource', 'RetryPeriodOnFailure', 4294967295)).toBeNull();
    expect(checkPropertyValue('resource', 'RestartPeriod', 4294967295)).toContain(
      '4294967295 is not a special value for RestartPeriod',
    );
    expect(checkPropertyValue('resource', 'IsAlivePollInterval', -1)).toContain(
      'negative values are not allowed; use 4294967295 for the default',
    );
    expect(checkPropertyValue('resource', 'RestartAction', Number.NaN)).toContain('got NaN');
    expect(checkPropertyValue('resource', 'Nope', 1)).toBe('is not a resource property');
    expect(checkPropertyValue('resource', 'constructor', 1)).toBe('is not a resource property');
  });

  it('describes allowed values for the editor', () => {
    expect(describeAllowed(PROPERTY_RULES['group.Priority']!)).toBe('an integer from 0 to 4999');
    expect(describeAllowed(PROPERTY_RULES['quorum.witness']!)).toBe('one of "none", "disk", "fileShare" or "cloud"');
    expect(describeAllowed(PROPERTY_RULES['resource.LooksAlivePollInterval']!)).toBe(
      "an integer from 10 to 4294967294 ms, or 4294967295 (use the resource type's value)",
    );
  });
});

describe('resource types', () => {
  it('per-type default behavior, 1000/1000 for anything else', () => {
    const table: [string, number, number][] = [
      ['Physical Disk', 2000, 1000],
      ['IP Address', 500, 200],
      ['Network Name', 1500, 500],
      ['File Server', 1000, 500],
      ['Generic Service', 2000, 1000],
      ['Generic Application', 2000, 1000],
      ['SQL Server', 8000, 3000],
      ['SQL Server Agent', 2000, 1000],
      ['Virtual Machine', 10000, 5000],
      ['Something Else', 1000, 1000],
      ['physical disk', 1000, 1000],
    ];
    for (const [type, onlineMs, offlineMs] of table) expect(defaultBehavior(type)).toEqual({ onlineMs, offlineMs });
    expect(RESOURCE_TYPES.map((t) => t.type)).toEqual(table.slice(0, 9).map((t) => t[0]));
  });

  it('returns a fresh object', () => {
    const a = defaultBehavior('IP Address');
    a.onlineMs = 1;
    expect(defaultBehavior('IP Address').onlineMs).toBe(500);
  });
});
