/**
 * The network actions of networks.md §2: whether each is allowed now (the reason becomes
 * `action.rejected`), and what applying it does; and the IP Address failures a cut causes (§4.10).
 */
import type { Engine } from '../cluster/engine';
import type { ActionCheck } from '../model/view';
import type { ResRt } from '../cluster/runtime';
import { afterDown, enterFailed, restartPolicies, takeDownDependents } from '../cluster/resources';
import { applyStop, checkStop } from './stop';
import type { NetworkAction } from './words';

const q = (s: string) => `"${s}"`;
const OK: ActionCheck = { allowed: true };
const no = (reason: string): ActionCheck => ({ allowed: false, reason });

function netIndex(e: Engine, name: string): number {
  return e.net.topo!.networks.findIndex((n) => n.name === name);
}

export function checkNetworkAction(e: Engine, a: NetworkAction): ActionCheck {
  if (a.action === 'stopNode') return checkStop(e, a.node);
  if (!e.net.networkMode) return no(`script action ${q(a.action)} needs "networks" to be declared`);
  switch (a.action) {
    case 'partition':
      return OK;
    case 'healPartition':
      return e.net.partition ? OK : no('there is no partition to heal');
    case 'failNetwork':
    case 'restoreNetwork': {
      const i = netIndex(e, a.network);
      if (i < 0) return no(`there is no network ${q(a.network)}`);
      const failed = e.net.netFailed[i] === true;
      if (a.action === 'failNetwork') return failed ? no(`network ${q(a.network)} has already failed`) : OK;
      return failed ? OK : no(`network ${q(a.network)} has not failed`);
    }
    case 'failInterface':
    case 'restoreInterface': {
      const n = e.nodeByName.get(a.node);
      const i = netIndex(e, a.network);
      if (!n || i < 0 || !e.net.topo!.interfaces[n.index]!.includes(i))
        return no(`node ${q(a.node)} has no interface on network ${q(a.network)}`);
      const failed = e.net.ifFailed.has(`${n.index}|${i}`);
      const which = `the interface of node ${q(a.node)} on network ${q(a.network)}`;
      if (a.action === 'failInterface') return failed ? no(`${which} has already failed`) : OK;
      return failed ? OK : no(`${which} has not failed`);
    }
  }
}

export function applyNetworkAction(e: Engine, a: NetworkAction): void {
  if (a.action === 'stopNode') return applyStop(e, e.nodeByName.get(a.node)!);
  const net = e.net;
  const cutBefore = net.networkMode ? cutSet(e) : new Set<string>();
  switch (a.action) {
    case 'partition': {
      const sides = a.sides.map((s) => s.map((name) => e.nodeByName.get(name)!.index));
      net.partition = { sides, witness: a.witness ?? sides.map((_, i) => i) };
      break;
    }
    case 'healPartition':
      net.partition = null;
      break;
    case 'failNetwork':
    case 'restoreNetwork':
      net.netFailed[netIndex(e, a.network)] = a.action === 'failNetwork';
      break;
    case 'failInterface':
    case 'restoreInterface': {
      const k = `${e.nodeByName.get(a.node)!.index}|${netIndex(e, a.network)}`;
      if (a.action === 'failInterface') net.ifFailed.add(k);
      else net.ifFailed.delete(k);
      break;
    }
  }
  net.refreshRoutes();
  failCutIps(e, cutBefore);
}

/** Every interface cut now, as `${node}|${network}`. */
function cutSet(e: Engine): Set<string> {
  const out = new Set<string>();
  e.net.topo!.interfaces.forEach((ifs, x) => ifs.forEach((n) => e.net.cut(x, n) && out.add(`${x}|${n}`)));
  return out;
}

/** Is r an IP Address whose `Network` interface on its owner is cut (§4.10)? */
export function ipCut(e: Engine, r: ResRt): boolean {
  const name = r.spec.parameters?.Network;
  if (!e.net.networkMode || name === undefined || r.spec.type !== 'IP Address' || r.group.owner === null) return false;
  return e.net.cut(e.nodeByName.get(r.group.owner)!.index, netIndex(e, name));
}

/**
 * §4.10: when (x, N) becomes cut and x is running, every IP Address with `Network` N Online on x
 * fails as `failResource` makes it fail; several in one group are decided together (SF §4.8).
 */
function failCutIps(e: Engine, before: ReadonlySet<string>): void {
  const newly = [...cutSet(e)].filter((k) => !before.has(k));
  if (!newly.length) return;
  const hit = e.resources.filter((r) => {
    if (e.resState(r) !== 'Online' || !ipCut(e, r)) return false;
    const x = e.nodeByName.get(r.group.owner!)!;
    return e.net.running[x.index] === true && newly.includes(`${x.index}|${netIndex(e, r.spec.parameters!.Network!)}`);
  });
  for (const g of new Set(hit.map((r) => r.group))) {
    const wasMoving = e.groupMoving(g);
    const failed: ResRt[] = [];
    for (const r of hit.filter((x) => x.group === g)) {
      if (e.resState(r) !== 'Online') continue; // taken down by an earlier one's dependents rule
      enterFailed(e, r, `its interface on network ${q(r.spec.parameters!.Network!)} is cut`);
      r.offlineWanted = false;
      failed.push(r, ...takeDownDependents(e, r));
    }
    if (!wasMoving) restartPolicies(e, failed);
    for (const r of failed) afterDown(e, r);
  }
}
