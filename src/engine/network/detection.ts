/** Crash detection in network and site mode (networks.md §4.3): the instant, fixed at the crash. */
import type { Engine } from '../cluster/engine';
import type { NodeRt } from '../cluster/runtime';
import { humanMs } from '../policies/format';
import { detectionInstant } from './rules';

const q = (s: string) => `"${s}"`;

/** §4.3: when the cluster learns of x's crash, from its routes just before it. */
export function routedDetection(e: Engine, x: NodeRt): { delay: number; reason: string } {
  const p = e.scenario.cluster.properties;
  const fallback = p.SameSubnetDelay * p.SameSubnetThreshold;
  const peers = e.net.detectionPeers(x.index);
  const at = detectionInstant(e.now(), peers, fallback);
  const delay = at - e.now();
  const reason = peers.length
    ? `every route to ${q(x.spec.name)} from its nearest peer timed out (${humanMs(delay)} after the crash)`
    : `no peer: missed ${p.SameSubnetThreshold} heartbeats ${humanMs(p.SameSubnetDelay)} apart`;
  return { delay, reason };
}
