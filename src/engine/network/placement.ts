/**
 * Where a group can run (networks.md §4.10) and the site tiers of every target choice (§4.11).
 * Both are fixed by the scenario (configured interfaces, possible owners, sites), so they are
 * computed once when the engine is built.
 */
import type { Engine } from '../cluster/engine';
import type { GroupRt, ResRt } from '../cluster/runtime';
import { chooseTarget, walkOrder, type WalkMode } from '../policies/targetWalk';
import { canRun, sortByTier, tierKey } from './rules';

/** §4.10: r is allowed on x: a possible owner, and for an IP Address with `Network` N, x has N. */
export function allowedOn(e: Engine, r: ResRt, node: string): boolean {
  const owners = r.spec.possibleOwners;
  if (owners.length && !owners.includes(node)) return false;
  const net = r.spec.parameters?.Network;
  if (net === undefined || r.spec.type !== 'IP Address' || !e.scenario.networks) return true;
  const n = e.nodeByName.get(node)!;
  const ifs = n.spec.interfaces ?? e.scenario.networks.map((x) => x.name);
  return ifs.includes(net);
}

/** Network mode: each group's set of nodes it can run on (Sat of its top-level resources). */
export function computeRunsOn(e: Engine): void {
  if (!e.scenario.networks) return;
  for (const g of e.groups) {
    const on = new Set<string>();
    for (const n of e.nodes) {
      const sat = g.resources.map((r) => ({
        name: r.spec.name,
        dependsOn: r.spec.dependsOn,
        allowed: allowedOn(e, r, n.spec.name),
      }));
      if (
        canRun(
          sat,
          g.topLevel.map((r) => r.spec.name),
        )
      )
        on.add(n.spec.name);
    }
    g.runsOn = on;
    for (const r of g.resources) {
      const no = e.nodes.filter((n) => !allowedOn(e, r, n.spec.name)).map((n) => n.spec.name);
      if (no.length) r.notAllowedOn = new Set(no);
    }
  }
}

/** §4.11 key of `node` for group g, with `owner` the node whose site ranks first (or null). */
export function groupTierKey(e: Engine, g: GroupRt, node: string, owner: string | null): number {
  const topo = e.net.topo!;
  const site = (name: string | null) => (name === null ? null : topo.sites[e.nodeByName.get(name)!.index]!);
  return tierKey(
    site(node),
    site(owner),
    g.spec.properties.PreferredSite ?? [],
    e.scenario.cluster.properties.PreferredSite ?? null,
  );
}

/**
 * §4.11: the anti-affinity pool, ordered as the walk orders it for this choice, sorted stably by
 * tier key; the seeded draw only among the pool's nodes with the smallest key.
 */
export function chooseTiered(
  order: readonly string[],
  candidates: ReadonlySet<string>,
  conflicting: ReadonlySet<string>,
  mode: WalkMode,
  key: (n: string) => number,
): string | null {
  const usable = [...candidates].filter((c) => !conflicting.has(c));
  const pool = new Set(usable.length ? usable : candidates);
  if (!pool.size) return null;
  if (mode.kind === 'random') {
    const min = Math.min(...[...pool].map(key));
    return chooseTarget(order, new Set([...pool].filter((n) => key(n) === min)), new Set(), mode);
  }
  let walk = [...order];
  if (mode.kind === 'afterCurrent' && mode.current !== null && order.includes(mode.current)) {
    const i = order.indexOf(mode.current);
    walk = [...order.slice(i + 1), ...order.slice(0, i + 1)];
  }
  return (
    sortByTier(
      walk.filter((n) => pool.has(n)),
      key,
    )[0] ?? null
  );
}

/**
 * SF §1's initial owner with "can run" (network mode) and, in site mode, the Up nodes that can
 * run the group ordered by the walk from the top, sorted by tier key (no owner yet).
 */
export function netInitialOwner(e: Engine, g: GroupRt): string | null {
  const up = new Set(e.scenario.nodes.filter((n) => n.state === 'Up').map((n) => n.name));
  if (g.spec.ownerNode && up.has(g.spec.ownerNode)) return g.spec.ownerNode;
  const can = (n: string) =>
    g.runsOn
      ? g.runsOn.has(n)
      : g.spec.resources.every((r) => !r.possibleOwners.length || r.possibleOwners.includes(n));
  const order = walkOrder(e.scenario.nodes, g.spec.preferredOwners).filter((n) => up.has(n) && can(n));
  const sorted = e.net.siteMode ? sortByTier(order, (n) => groupTierKey(e, g, n, null)) : order;
  return sorted[0] ?? null;
}

/**
 * §4.10 "not allowed = not called … It stays Offline: no call, no resource.state, never Failed":
 * a resource still Failed when its group leaves for a node it is not allowed on does not carry
 * that state there. It goes Offline on the node it leaves (no call, not counted; its retry ends),
 * before the owner change, so nothing is traced for it on the new owner.
 */
export function leaveNotAllowed(e: Engine, g: GroupRt, to: string | null): void {
  if (to === null || g.owner === null || to === g.owner) return;
  for (const r of g.resources) {
    if (!r.notAllowedOn?.has(to) || e.resState(r) !== 'Failed') continue;
    const net = r.spec.parameters?.Network;
    const why =
      allowedOnOwners(r, to) && net !== undefined ? `has no interface on network "${net}"` : 'is not a possible owner';
    e.resTransition(r, { type: 'TAKE_DOWN' }, `its group moves to "${to}", which ${why}: it stays Offline there`);
  }
}

function allowedOnOwners(r: ResRt, node: string): boolean {
  const owners = r.spec.possibleOwners;
  return !owners.length || owners.includes(node);
}
