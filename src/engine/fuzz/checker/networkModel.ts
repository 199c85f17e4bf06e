/**
 * What the network checker knows about a scenario, read from its JSON as networks.md §1 defines it
 * (defaults applied here, from the contract, not from the engine). Self-contained: the checker must
 * not share a bug with the engine by importing its model.
 */

export type Role = 'none' | 'cluster' | 'clusterAndClient';
export interface NetSpec {
  name: string;
  role: Role;
  routed: boolean;
}
export interface NodeSpec {
  name: string;
  id: number;
  up: boolean;
  weight: number;
  interfaces: string[];
  site: string | null;
}

/** A trace event as JSON: the checker reads fields by name. */
export type Json = Record<string, unknown>;

const LEVEL: Record<string, { same: [number, number]; cross: [number, number]; site: [number, number] }> = {
  legacy: { same: [1000, 10], cross: [1000, 20], site: [0, 0] },
  '2012R2': { same: [1000, 5], cross: [1000, 5], site: [0, 0] },
  '2016': { same: [1000, 10], cross: [1000, 20], site: [1000, 20] },
  '2019': { same: [1000, 20], cross: [1000, 20], site: [1000, 20] },
};

export class NetScenario {
  readonly networks: NetSpec[];
  readonly nodes: NodeSpec[];
  readonly byName = new Map<string, NodeSpec>();
  readonly level: string;
  readonly siteMode: boolean;
  readonly witness: string;
  readonly dynamic: boolean;
  /** Effective Delay × Threshold per route kind (§1.1, overridden by cluster.properties). */
  readonly timeout: { sameSubnet: number; crossSubnet: number; crossSite: number };

  constructor(readonly json: Json) {
    const cluster = (json.cluster ?? {}) as Json;
    const props = (cluster.properties ?? {}) as Record<string, number>;
    const quorum = (cluster.quorum ?? {}) as Json;
    this.level = typeof cluster.functionalLevel === 'string' ? cluster.functionalLevel : 'legacy';
    const d = LEVEL[this.level] ?? LEVEL.legacy!;
    const eff = (k: string, def: number) => (typeof props[k] === 'number' ? props[k] : def);
    this.timeout = {
      sameSubnet: eff('SameSubnetDelay', d.same[0]) * eff('SameSubnetThreshold', d.same[1]),
      crossSubnet: eff('CrossSubnetDelay', d.cross[0]) * eff('CrossSubnetThreshold', d.cross[1]),
      crossSite: eff('CrossSiteDelay', d.site[0]) * eff('CrossSiteThreshold', d.site[1]),
    };
    this.witness = typeof quorum.witness === 'string' ? quorum.witness : 'none';
    this.dynamic = quorum.DynamicQuorum !== 0;
    this.networks = ((json.networks ?? []) as Json[]).map((n) => ({
      name: n.name as string,
      role: (n.role as Role | undefined) ?? 'clusterAndClient',
      routed: n.routed === true,
    }));
    this.nodes = ((json.nodes ?? []) as Json[]).map((n, i) => ({
      name: n.name as string,
      id: i + 1,
      up: n.state !== 'Down',
      weight: ((n.properties ?? {}) as Record<string, number>).NodeWeight ?? 1,
      interfaces: (n.interfaces as string[] | undefined) ?? this.networks.map((x) => x.name),
      site: typeof n.site === 'string' ? n.site : null,
    }));
    for (const n of this.nodes) this.byName.set(n.name, n);
    this.siteMode = (this.level === '2016' || this.level === '2019') && this.nodes.some((n) => n.site !== null);
  }

  get networkMode(): boolean {
    return this.networks.length > 0;
  }

  /** §0: no networks, no level, no LowerQuorumPriorityNodeId other than 0, no stopNode. */
  get plain(): boolean {
    const cluster = (this.json.cluster ?? {}) as Json;
    const props = (cluster.properties ?? {}) as Json;
    const script = (this.json.script ?? []) as Json[];
    return (
      !this.networkMode &&
      cluster.functionalLevel === undefined &&
      (props.LowerQuorumPriorityNodeId ?? 0) === 0 &&
      !script.some((a) => a.action === 'stopNode')
    );
  }

  net(name: string): NetSpec {
    return this.networks.find((n) => n.name === name)!;
  }

  /** §4.2 kind and timeout of the pair a–b (every route of a pair has one kind). */
  pairTimeout(a: NodeSpec, b: NodeSpec): number {
    if (this.siteMode && a.site !== b.site) return this.timeout.crossSite;
    const common = a.interfaces.some((n) => b.interfaces.includes(n) && this.net(n).role !== 'none');
    // Without networks there is one implicit network every node is on (§0).
    if (!this.networkMode || common) return this.timeout.sameSubnet;
    return this.timeout.crossSubnet;
  }
}
