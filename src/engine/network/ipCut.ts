/** networks.md §4.10: is an IP Address's `Network` interface on its owner cut? (Read by resources.ts.) */
import type { Engine } from '../cluster/engine';
import type { ResRt } from '../cluster/runtime';

export function ipCut(e: Engine, r: ResRt): boolean {
  const name = r.spec.parameters?.Network;
  if (!e.net.networkMode || name === undefined || r.spec.type !== 'IP Address' || r.group.owner === null) return false;
  const net = e.net.topo!.networks.findIndex((n) => n.name === name);
  return e.net.cut(e.nodeByName.get(r.group.owner)!.index, net);
}
