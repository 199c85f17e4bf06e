/**
 * What renaming or deleting a node means for the network fields that refer to it (networks.md §1.2,
 * §2): the node names in a `partition`'s sides, and LowerQuorumPriorityNodeId, which is a node ID
 * (a position in `nodes`), so deleting a node shifts it. Called by the element edit operations;
 * mutates the copy they are editing.
 */
import { isObj, type Dict } from './netRaw';

/** Renames `from` to `to` in every partition side. */
export function renameNodeInNetworkRefs(raw: Dict, from: string, to: string): void {
  for (const e of Array.isArray(raw.script) ? raw.script : [])
    if (isObj(e) && Array.isArray(e.sides))
      e.sides = (e.sides as unknown[]).map((side) =>
        Array.isArray(side) ? (side as unknown[]).map((n) => (n === from ? to : n)) : side,
      );
}

/**
 * The node that had ID `id` (1-based) and name `name` is gone: partitions that listed it are
 * dropped (their sides no longer cover every node), and LowerQuorumPriorityNodeId follows the
 * renumbering (removed when it named this node). Returns how many script entries were dropped.
 */
export function dropNodeFromNetworkRefs(raw: Dict, name: string, id: number): number {
  let dropped = 0;
  if (Array.isArray(raw.script)) {
    const before = raw.script.length;
    raw.script = raw.script.filter(
      (e) => !(isObj(e) && Array.isArray(e.sides) && e.sides.some((s) => Array.isArray(s) && s.includes(name))),
    );
    dropped = before - (raw.script as unknown[]).length;
  }
  const props = isObj(raw.cluster) && isObj(raw.cluster.properties) ? raw.cluster.properties : undefined;
  const lower = props?.LowerQuorumPriorityNodeId;
  if (props && typeof lower === 'number' && lower > 0) {
    if (lower === id) {
      delete props.LowerQuorumPriorityNodeId;
      const c = raw.cluster as Dict;
      if (Object.keys(props).length === 0) delete c.properties;
      if (Object.keys(c).length === 0) delete raw.cluster;
    } else if (lower > id) props.LowerQuorumPriorityNodeId = lower - 1;
  }
  return dropped;
}
