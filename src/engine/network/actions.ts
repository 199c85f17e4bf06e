/**
 * Shared by the network actions of networks.md §2 (one file each in ../actions): their checks,
 * the physical change they make, and the IP Address failures a cut causes (§4.10).
 */
import type { Engine } from '../cluster/engine';
import type { ActionCheck } from '../model/view';
import type { ResRt } from '../cluster/runtime';
import { afterDown, enterFailed, takeDownDependents } from '../cluster/resources';
import { restartPolicies } from '../cluster/restarts';
import { ipCut } from './ipCut';

const q = (s: string) => `"${s}"`;
export const OK: ActionCheck = { allowed: true };
const no = (reason: string): ActionCheck => ({ allowed: false, reason });

export function netIndex(e: Engine, name: string): number {
  return e.net.topo!.networks.findIndex((n) => n.name === name);
}

/** The network actions need network mode (networks.md §2; validation refuses them without it). */
export function needsNetworks(e: Engine, action: string): ActionCheck | null {
  return e.net.networkMode ? null : no(`script action ${q(action)} needs "networks" to be declared`);
}

/** failNetwork / restoreNetwork: whether the network is failed now. */
export function checkNetworkFailed(e: Engine, action: string, network: string, wantFailed: boolean): ActionCheck {
  const need = needsNetworks(e, action);
  if (need) return need;
  const i = netIndex(e, network);
  if (i < 0) return no(`there is no network ${q(network)}`);
  const failed = e.net.netFailed[i] === true;
  if (wantFailed) return failed ? OK : no(`network ${q(network)} has not failed`);
  return failed ? no(`network ${q(network)} has already failed`) : OK;
}

/** failInterface / restoreInterface: whether that interface failed by its own failure. */
export function checkInterfaceFailed(
  e: Engine,
  action: string,
  node: string,
  network: string,
  wantFailed: boolean,
): ActionCheck {
  const need = needsNetworks(e, action);
  if (need) return need;
  const n = e.nodeByName.get(node);
  const i = netIndex(e, network);
  if (!n || i < 0 || !e.net.topo!.interfaces[n.index]!.includes(i))
    return no(`node ${q(node)} has no interface on network ${q(network)}`);
  const failed = e.net.ifFailed.has(`${n.index}|${i}`);
  const which = `the interface of node ${q(node)} on network ${q(network)}`;
  if (wantFailed) return failed ? OK : no(`${which} has not failed`);
  return failed ? no(`${which} has already failed`) : OK;
}

/**
 * A physical change (partition, heal, a network or an interface failing or restored): routes are
 * declared up at once or armed to be declared down (§4.2), then the IP Address resources on
 * interfaces it cuts fail (§4.10), in that order (§4.13). The after-step checks follow in the
 * coordinator.
 */
export function changeNetwork(e: Engine, change: () => void): void {
  const before = cutSet(e);
  change();
  e.net.refreshRoutes();
  failCutIps(e, before);
}

/** The key of interface (node, network) in `NetRuntime.ifFailed`. */
export function interfaceKey(e: Engine, node: string, network: string): string {
  return `${e.nodeByName.get(node)!.index}|${netIndex(e, network)}`;
}

/** Every interface cut now, as `${node}|${network}`. */
function cutSet(e: Engine): Set<string> {
  const out = new Set<string>();
  e.net.topo!.interfaces.forEach((ifs, x) => ifs.forEach((n) => e.net.cut(x, n) && out.add(`${x}|${n}`)));
  return out;
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
      failed.push(r, ...takeDownDependents(e, r));
    }
    if (!wasMoving) restartPolicies(e, failed);
    for (const r of failed) afterDown(e, r);
  }
}
