/**
 * networks.md §4.10 "can run" and §4.11 placement tiers, for the checker (from the contract text):
 * every target choice sorts its pool stably by tier key and takes the first, so whatever the walk,
 * the node chosen has the smallest key among the candidates. Checked where the choice and the
 * owner change are one step: a node-loss failover (no offline step, SF §4.5), in site mode.
 * Candidates: Up nodes (not Paused), not stopping, that can run the group, other than the owner.
 */
import type { Json, NetScenario } from './networkModel';

interface Res {
  name: string;
  allowed: (node: string) => boolean;
  /** OR sets of the dependency expression (an AND provider is an OR set of one). */
  sets: string[][];
}

function orSets(dep: unknown): string[][] {
  if (Array.isArray(dep)) return dep.map((n) => [n as string]);
  if (typeof dep !== 'string' || !dep.trim()) return [];
  const names = (x: string) => [...x.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
  return dep.split(/\)?\s+and\s+\(?/i).map(names);
}

export class Tiers {
  private readonly groups = new Map<string, { res: Res[]; top: string[]; sites: string[] }>();
  private readonly pref: string | null;

  constructor(private readonly s: NetScenario) {
    const props = ((s.json.cluster as Json | undefined)?.properties ?? {}) as Json;
    this.pref = typeof props.PreferredSite === 'string' ? props.PreferredSite : null;
    for (const g of (s.json.groups ?? []) as Json[]) {
      const res = ((g.resources ?? []) as Json[]).map((r): Res => {
        const owners = (r.possibleOwners as string[] | undefined) ?? [];
        const net =
          r.type === 'IP Address' ? ((r.parameters as Json | undefined)?.Network as string | undefined) : undefined;
        return {
          name: r.name as string,
          allowed: (x) =>
            (!owners.length || owners.includes(x)) && (net === undefined || s.byName.get(x)!.interfaces.includes(net)),
          sets: orSets(r.dependsOn),
        };
      });
      const provided = new Set(res.flatMap((r) => r.sets.flat()));
      const props = (g.properties ?? {}) as Json;
      this.groups.set(g.name as string, {
        res,
        top: res.filter((r) => !provided.has(r.name)).map((r) => r.name),
        sites: Array.isArray(props.PreferredSite) ? (props.PreferredSite as string[]) : [],
      });
    }
  }

  /** §4.10 Sat(x) bottom-up; the group can run on x iff every top-level resource is in it. */
  canRun(group: string, x: string): boolean {
    const g = this.groups.get(group)!;
    const memo = new Map<string, boolean>();
    const sat = (name: string, depth = 0): boolean => {
      if (memo.has(name)) return memo.get(name)!;
      const r = g.res.find((y) => y.name === name);
      const ok = !!r && depth < 50 && r.allowed(x) && r.sets.every((set) => set.some((p) => sat(p, depth + 1)));
      memo.set(name, ok);
      return ok;
    };
    return g.top.every((n) => sat(n));
  }

  /** §4.11 key of candidate x for group g whose owner (for the key) is `owner`. */
  key(group: string, x: string, owner: string | null): number {
    const site = this.s.byName.get(x)!.site;
    const k = this.groups.get(group)!.sites.length;
    if (owner !== null && site === this.s.byName.get(owner)?.site) return 0;
    const i = this.groups.get(group)!.sites.indexOf(site ?? '');
    if (i >= 0) return 1 + i;
    if (this.pref !== null && site === this.pref) return 1 + k;
    return 2 + k;
  }

  /** The check at a node-loss failover's group.owner event: the target has the smallest key. */
  check(
    e: Json,
    i: number,
    nodeState: readonly string[],
    stopping: ReadonlySet<number>,
    add: (rule: string, t: number, index: number, expected: string, actual: string) => void,
  ): boolean {
    const from = e.from as string | null;
    const to = e.to as string | null;
    if (!this.s.siteMode || from === null || to === null || !this.groups.has(e.group as string)) return false;
    const g = e.group as string;
    const cands = this.s.nodes
      .filter((n) => n.name !== from && nodeState[n.id - 1] === 'Up' && !stopping.has(n.id - 1))
      .filter((n) => this.canRun(g, n.name));
    if (!cands.some((n) => n.name === to)) {
      add('networks §4.10/§4.11 failover target', e.t as number, i, `a candidate that can run ${g}`, to);
      return true;
    }
    const best = Math.min(...cands.map((n) => this.key(g, n.name, from)));
    const got = this.key(g, to, from);
    if (got !== best)
      add(
        'networks §4.10/§4.11 failover target',
        e.t as number,
        i,
        `a node of tier key ${best} (${cands
          .filter((n) => this.key(g, n.name, from) === best)
          .map((n) => n.name)
          .join(', ')})`,
        `${to} with key ${got}`,
      );
    return true;
  }
}
