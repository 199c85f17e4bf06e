/**
 * Test support for src/design: raw scenario JSON → normalized Scenario.
 * TEMPORARY minimal normalizer until src/engine/validation lands; then `toScenario` calls
 * `validateScenario` and throws on errors.
 */
import type { DependencyExpr, GroupSpec, NodeSpec, ResourceSpec, Scenario } from '../engine/model/scenario';
import { SCENARIO_FORMAT } from '../engine/model/scenario';
import { DEFAULT_CLUSTER_PROPERTIES, DEFAULT_GROUP_PROPERTIES, DEFAULT_RESOURCE_PROPERTIES } from './engineDeps';

type Raw = Record<string, unknown>;

function parseDeps(dep: unknown): DependencyExpr {
  if (dep === undefined) return [];
  if (Array.isArray(dep)) return dep.map((n) => [String(n)]);
  const text = String(dep).trim();
  if (text === '') return [];
  const sets: string[][] = [];
  for (const part of text.split(/\s+and\s+/i)) {
    const inner = part.trim().replace(/^\(/, '').replace(/\)$/, '');
    sets.push(inner.split(/\s+or\s+/i).map((t) => t.trim().replace(/^\[/, '').replace(/\]$/, '')));
  }
  return sets;
}

export function toScenario(raw: unknown): Scenario {
  const s = raw as Raw;
  if (s.format !== SCENARIO_FORMAT) throw new Error('bad format');
  const cluster = (s.cluster ?? {}) as Raw;
  const quorum = (cluster.quorum ?? {}) as Raw;
  const cprops = (cluster.properties ?? {}) as Raw;
  const nodes: NodeSpec[] = ((s.nodes ?? []) as Raw[]).map((n, i) => ({
    name: String(n.name),
    id: i + 1,
    state: (n.state as 'Up' | 'Down') ?? 'Up',
    properties: { NodeWeight: ((n.properties as Raw | undefined)?.NodeWeight as 0 | 1) ?? 1 },
    behavior: { joinMs: ((n.behavior as Raw | undefined)?.joinMs as number) ?? 5000 },
    explicit: [...Object.keys((n.properties as Raw) ?? {}), ...Object.keys((n.behavior as Raw) ?? {}).map((k) => `behavior.${k}`)],
  }));
  let index = 0;
  const groups: GroupSpec[] = ((s.groups ?? []) as Raw[]).map((g, gi) => {
    const gp = (g.properties ?? {}) as Raw;
    const resources: ResourceSpec[] = ((g.resources ?? []) as Raw[]).map((r) => {
      const rp = (r.properties ?? {}) as Raw;
      const rb = (r.behavior ?? {}) as Raw;
      return {
        name: String(r.name),
        type: String(r.type),
        group: String(g.name),
        index: index++,
        dependsOn: parseDeps(r.dependsOn),
        possibleOwners: ((r.possibleOwners ?? []) as string[]).slice(),
        properties: { ...DEFAULT_RESOURCE_PROPERTIES, ...rp } as ResourceSpec['properties'],
        behavior: { onlineMs: (rb.onlineMs as number) ?? 1000, offlineMs: (rb.offlineMs as number) ?? 500 },
        explicit: [...Object.keys(rp), ...Object.keys(rb).map((k) => `behavior.${k}`)],
      };
    });
    return {
      name: String(g.name),
      index: gi,
      ownerNode: (g.ownerNode as string) ?? null,
      preferredOwners: ((g.preferredOwners ?? []) as string[]).slice(),
      persistentState: (g.persistentState as 'online' | 'offline') ?? 'online',
      properties: { ...DEFAULT_GROUP_PROPERTIES, ...gp } as GroupSpec['properties'],
      resources,
      explicit: Object.keys(gp),
    };
  });
  return {
    format: SCENARIO_FORMAT,
    name: (s.name as string) ?? '',
    description: (s.description as string) ?? '',
    seed: (s.seed as number) ?? 1,
    until: (s.until as number) ?? 3600000,
    cluster: {
      startTime: (cluster.startTime as string) ?? '00:00',
      startTimeMs: 0,
      properties: { ...DEFAULT_CLUSTER_PROPERTIES, ...cprops } as Scenario['cluster']['properties'],
      quorum: {
        witness: (quorum.witness as Scenario['cluster']['quorum']['witness']) ?? 'none',
        DynamicQuorum: (quorum.DynamicQuorum as 0 | 1) ?? 1,
      },
      explicit: [...Object.keys(cprops), ...Object.keys(quorum).map((k) => `quorum.${k}`)],
    },
    nodes,
    groups,
    script: (s.script ?? []) as Scenario['script'],
    ui: s.ui,
  };
}
