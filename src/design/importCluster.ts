/** Import of the cluster-wide part of a dump: nodes (§2.5 node order), cluster properties and quorum (§2.8). */
import { DEFAULT_CLUSTER_PROPERTIES, DEFAULT_DYNAMIC_QUORUM } from './engineDeps';
import type { Reader } from './importReader';
import { asArray, asName, isObject, prop, readEnum, readInt, type Json, type JsonObject } from './psJson';

export interface NodeOut {
  name: string;
  id: number;
  up: boolean;
  json: Record<string, unknown>;
}

const NODE_STATES: Record<string, number> = { Unknown: -1, Up: 0, Down: 1, Paused: 2, Joining: 3 };

export function readNodes(rd: Reader, root: JsonObject): NodeOut[] {
  const out: NodeOut[] = [];
  asArray(prop(root, 'Nodes')).forEach((raw, i) => {
    const path = `Nodes[${i}]`;
    if (!isObject(raw)) {
      const name = asName(raw);
      if (name) out.push({ name, id: Number.MAX_SAFE_INTEGER, up: true, json: { name } });
      else rd.error(path, 'expected a node object');
      return;
    }
    const name = asName(raw);
    if (!name) return rd.error(`${path}.Name`, 'a node has no name');
    const idRead = readInt(prop(raw, 'Id'));
    const id = idRead.ok === true ? idRead.value : Number.MAX_SAFE_INTEGER;
    const json: Record<string, unknown> = { name };
    let up = true;
    const stateRaw = prop(raw, 'State') ?? prop(raw, 'StateName');
    const state = readEnum(stateRaw, NODE_STATES);
    if (state.ok === false) rd.warn(`${path}.State`, `${state.reason}; imported as Up`);
    else if (state.ok === true) {
      if (state.value === 1) {
        json.state = 'Down';
        up = false;
      } else if (state.value === 2 || state.value === 3) {
        rd.warn(
          `${path}.State`,
          `node "${name}" is ${state.value === 2 ? 'Paused' : 'Joining'}; a scenario starts nodes Up or Down, so it is imported as Up (add a pauseNode action at 0 to start it paused)`,
        );
      } else if (state.value !== 0)
        rd.warn(`${path}.State`, `node "${name}" is in state ${state.value} (Unknown); imported as Up`);
    }
    const weight = rd.int(raw, 'NodeWeight', path);
    if (weight !== undefined && weight !== 1) {
      if (weight === 0) json.properties = { NodeWeight: 0 };
      else rd.error(`${path}.NodeWeight`, `NodeWeight is 0 or 1, found ${weight}`);
    }
    out.push({ name, id, up, json });
  });
  // The scenario's node order is the node-ID order (§2.5). Array.prototype.sort is stable.
  return out.sort((a, b) => a.id - b.id);
}

export function readCluster(rd: Reader, root: JsonObject): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  const c = prop(root, 'Cluster');
  const properties: Record<string, number> = {};
  let dynamic: number | undefined;
  if (isObject(c)) {
    for (const key of Object.keys(DEFAULT_CLUSTER_PROPERTIES) as (keyof typeof DEFAULT_CLUSTER_PROPERTIES)[]) {
      const v = rd.int(c, key, 'Cluster');
      if (v !== undefined && v !== DEFAULT_CLUSTER_PROPERTIES[key]) properties[key] = v;
    }
    dynamic = rd.int(c, 'DynamicQuorum', 'Cluster');
    if (rd.int(c, 'ClusterEnforcedAntiAffinity', 'Cluster') === 1) {
      rd.warn(
        'Cluster.ClusterEnforcedAntiAffinity',
        'hard anti-affinity (1) is not modelled; the simulator treats anti-affinity as soft',
      );
    }
  } else if (c !== undefined) rd.warn('Cluster', 'not an object; cluster properties left at their defaults');
  if (Object.keys(properties).length > 0) out.properties = properties;

  const quorum: Record<string, unknown> = {};
  const witness = readWitness(rd, prop(root, 'Quorum'));
  if (witness !== 'none') quorum.witness = witness;
  if (dynamic !== undefined && dynamic !== DEFAULT_DYNAMIC_QUORUM) quorum.DynamicQuorum = dynamic === 0 ? 0 : 1;
  if (Object.keys(quorum).length > 0) out.quorum = quorum;
  return Object.keys(out).length > 0 ? out : null;
}

type Witness = 'none' | 'disk' | 'fileShare' | 'cloud';
/** What a quorum type says: a witness kind, "read the witness resource" (Majority), or disk only. */
type QuorumKind = Witness | 'fromResource' | 'diskOnly';

/**
 * Quorum type names, lower-cased. Windows Server 2012/2012 R2 name the configuration itself
 * (NodeMajority ...); 2016 and later say Majority and leave the witness to the quorum resource
 * (powershell.md §2.2, DSC_ClusterQuorum).
 */
const QUORUM_TYPE_NAMES: Record<string, QuorumKind> = {
  nodemajority: 'none',
  nodeanddiskmajority: 'disk',
  nodeandfilesharemajority: 'fileShare',
  diskonly: 'diskOnly',
  majority: 'fromResource',
};

/** The numbers of the current module's ClusterQuorumType: Unknown 0, Majority 1, DiskOnly 2 (§2.2). */
const QUORUM_TYPE_NUMBERS: Record<number, QuorumKind> = { 1: 'fromResource', 2: 'diskOnly' };

function witnessOfResourceType(type: string): Witness | null {
  const t = type.toLowerCase();
  if (t === 'physical disk') return 'disk';
  if (t === 'file share witness' || t === 'file share quorum witness') return 'fileShare';
  if (t === 'cloud witness') return 'cloud';
  return null;
}

const WITNESS_WORDS: Record<Witness, string> = {
  none: 'no witness',
  disk: 'a disk witness',
  fileShare: 'a file share witness',
  cloud: 'a cloud witness',
};

/**
 * The witness. QuorumTypeName wins over the QuorumType number: the numbers of the 2012 R2 names are
 * not documented (a 2012 R2 dump can say 2 for NodeAndFileShareMajority), the names are.
 */
function readWitness(rd: Reader, q: Json | undefined): Witness {
  if (q === undefined || q === null) {
    rd.warn('Quorum', 'missing: imported without a witness');
    return 'none';
  }
  if (!isObject(q)) {
    rd.warn('Quorum', 'not an object: imported without a witness');
    return 'none';
  }
  const numberOrName = prop(q, 'QuorumType');
  const nameRaw = prop(q, 'QuorumTypeName') ?? (typeof numberOrName === 'string' ? numberOrName : undefined);
  const typeName = typeof nameRaw === 'string' ? nameRaw.trim() : '';
  const namePath = prop(q, 'QuorumTypeName') !== undefined ? 'Quorum.QuorumTypeName' : 'Quorum.QuorumType';
  let kind: QuorumKind | undefined = QUORUM_TYPE_NAMES[typeName.toLowerCase()];
  if (kind === undefined) {
    const n = readInt(numberOrName);
    const byNumber = n.ok === true ? QUORUM_TYPE_NUMBERS[n.value] : undefined;
    if (typeName !== '')
      rd.warn(namePath, `unknown quorum type "${typeName}": the witness is read from the quorum resource`);
    else if (byNumber === undefined && numberOrName !== undefined && numberOrName !== null)
      rd.warn(
        'Quorum.QuorumType',
        `unknown quorum type ${JSON.stringify(numberOrName)}: the witness is read from the quorum resource`,
      );
    kind = byNumber ?? 'fromResource';
  }

  const resource = prop(q, 'QuorumResource');
  let resourceType = asName(prop(q, 'QuorumResourceType') ?? null);
  if (!resourceType && isObject(resource)) resourceType = asName(prop(resource, 'ResourceType') ?? null);
  const fromResource = resourceType ? witnessOfResourceType(resourceType) : null;

  if (kind === 'diskOnly') {
    rd.warn(namePath, 'disk-only quorum is not modelled; imported as node majority with a disk witness');
    return 'disk';
  }
  if (kind === 'fromResource') {
    if (!resource && !resourceType) return 'none';
    if (fromResource) return fromResource;
    rd.warn('Quorum.QuorumResourceType', `unknown witness type "${resourceType ?? ''}": imported without a witness`);
    return 'none';
  }
  if (resourceType && fromResource !== kind) {
    rd.warn(
      namePath,
      `"${typeName}" means ${WITNESS_WORDS[kind]}, but the quorum resource is of type "${resourceType}": imported as ${typeName} (the type name wins)`,
    );
  }
  return kind;
}
