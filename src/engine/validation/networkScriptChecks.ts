/**
 * Script entries of networks.md §2's actions (§1.6, second table): network mode, `sides`,
 * `witness`, `network`, `node`, and which interfaces a node has. `at` is checked with every other
 * entry's (`./schema`); everything else of these entries is checked here, in the contract's words.
 */
import { MAX_SCENARIO_TIME_MS } from '../model/scenario';
import { describeValue } from '../model/resourceTypes';
import { didYouMean } from './didYouMean';
import type { PathKey } from './issues';
import { didYouMeanName, type NetworkContext } from './networkContext';
import type { NameRegistry } from './names';
import { isPlainObject, type PlainObject, q, qList } from './paths';
import { referenceProblem } from './references';

type Report = (path: PathKey[], message: string, trailing?: boolean) => void;

/** Each network action's arguments (besides `at` and `action`), in the order the contract lists them. */
export const NETWORK_ACTION_ARGS: Readonly<Record<string, readonly string[]>> = {
  partition: ['sides', 'witness'],
  healPartition: [],
  failNetwork: ['network'],
  restoreNetwork: ['network'],
  failInterface: ['node', 'network'],
  restoreInterface: ['node', 'network'],
  stopNode: ['node'],
};

const REQUIRED: Readonly<Record<string, string>> = {
  sides: 'a "sides" listing the nodes of each side',
  network: 'a "network" naming the network',
  node: 'a "node" naming the node',
};

/** `script action "partition" at 60000` (without ` at …` when `at` is not a valid time). */
function subjectOf(e: PlainObject): string {
  const at = e.at;
  const valid = typeof at === 'number' && Number.isInteger(at) && at >= 0 && at <= MAX_SCENARIO_TIME_MS;
  return `script action ${q(e.action as string)}${valid ? ` at ${at}` : ''}`;
}

export function checkNetworkScript(root: PlainObject, ctx: NetworkContext, reg: NameRegistry, report: Report): void {
  const script = Object.hasOwn(root, 'script') ? root.script : undefined;
  if (!Array.isArray(script)) return;
  script.forEach((e, i) => {
    if (!isPlainObject(e) || typeof e.action !== 'string' || !Object.hasOwn(NETWORK_ACTION_ARGS, e.action)) return;
    const action = e.action;
    const p: PathKey[] = ['script', i];
    const who = subjectOf(e);
    const args = NETWORK_ACTION_ARGS[action]!;
    if (action !== 'stopNode' && !ctx.declared) report([...p, 'action'], `${who} needs "networks" to be declared`);
    for (const key of Object.keys(e)) {
      if (key === 'at' || key === 'action' || args.includes(key)) continue;
      const takes = args.length ? `takes ${qList(args)}` : 'takes no arguments';
      report([...p, key], `${who} has unknown argument ${q(key)} (${action} ${takes})${didYouMean(key, args)}`);
    }
    for (const key of args) {
      if (key !== 'witness' && !Object.hasOwn(e, key)) report([...p, key], `${who} needs ${REQUIRED[key]}`, true);
    }
    if (action === 'partition') checkSides(e, p, who, ctx, reg, report);
    let node: string | null = null;
    if (args.includes('node') && Object.hasOwn(e, 'node')) {
      if (typeof e.node !== 'string')
        report([...p, 'node'], `${who}: "node" must be the name of a node, got ${describeValue(e.node)}`);
      else {
        const problem = referenceProblem(reg, 'node', e.node, `${who} names`);
        if (problem) report([...p, 'node'], problem);
        else node = e.node;
      }
    }
    if (args.includes('network') && Object.hasOwn(e, 'network'))
      checkNetworkArg(e.network, node, [...p, 'network'], who, ctx, report);
  });
}

function checkNetworkArg(
  network: unknown,
  node: string | null,
  at: PathKey[],
  who: string,
  ctx: NetworkContext,
  report: Report,
): void {
  if (typeof network !== 'string')
    return report(at, `${who}: "network" must be the name of a network, got ${describeValue(network)}`);
  if (!ctx.usable) return;
  if (!ctx.networks.has(network))
    return report(at, `${who} names unknown network ${q(network)}${didYouMeanName(network, ctx.networks.keys())}`);
  if (node === null) return;
  const info = ctx.nodes.find((n) => n.name === node);
  if (info?.interfaces && !info.interfaces.includes(network))
    report(at, `${who} names node ${q(node)}, which has no interface on network ${q(network)}`);
}

function checkSides(
  e: PlainObject,
  p: PathKey[],
  who: string,
  ctx: NetworkContext,
  reg: NameRegistry,
  report: Report,
): void {
  const sides = Object.hasOwn(e, 'sides') ? e.sides : undefined;
  let count: number | null = null;
  if (Object.hasOwn(e, 'sides')) {
    const at: PathKey[] = [...p, 'sides'];
    if (!Array.isArray(sides)) {
      report(at, `${who}: "sides" must be an array of arrays of node names, got ${describeValue(sides)}`);
    } else {
      count = sides.length;
      let shapeOk = true;
      const listed = new Set<string>();
      sides.forEach((side, s) => {
        if (!Array.isArray(side)) {
          shapeOk = false;
          return report(
            [...at, s],
            `${who}: "sides" item ${s} must be an array of node names, got ${describeValue(side)}`,
          );
        }
        if (side.length === 0) report([...at, s], `${who} has an empty side`);
        side.forEach((name, k) => {
          const here: PathKey[] = [...at, s, k];
          if (typeof name !== 'string') {
            shapeOk = false;
            return report(here, `${who}: "sides[${s}]" item ${k} must be a node name, got ${describeValue(name)}`);
          }
          const problem = referenceProblem(reg, 'node', name, `${who} names`);
          if (problem) return report(here, problem);
          if (listed.has(name)) report(here, `${who} lists node ${q(name)} a second time`);
          listed.add(name);
        });
      });
      if (sides.length < 2) report(at, `${who} needs at least 2 sides, got ${sides.length}`);
      const missing = reg.namesOf('node').filter((n) => !listed.has(n));
      if (shapeOk && sides.length >= 2 && missing.length > 0) {
        const what = missing.length === 1 ? `node ${q(missing[0]!)} is missing` : `nodes ${qList(missing)} are missing`;
        report(at, `${who} must list every node exactly once, but ${what}`);
      }
    }
  }
  if (!Object.hasOwn(e, 'witness')) return;
  const at: PathKey[] = [...p, 'witness'];
  const witness = e.witness;
  if (!Array.isArray(witness))
    return report(at, `${who}: "witness" must be an array of side numbers, got ${describeValue(witness)}`);
  if (ctx.witness === 'none')
    report(at, `${who} says which sides reach the witness, but cluster.quorum.witness is "none"`);
  const seen = new Set<number>();
  witness.forEach((side, k) => {
    const here: PathKey[] = [...at, k];
    if (typeof side !== 'number' || !Number.isInteger(side))
      return report(here, `${who}: "witness" item ${k} must be a side number (an integer), got ${describeValue(side)}`);
    if (count !== null && (side < 0 || side >= count))
      return report(here, `${who} names side ${side}, but its sides are numbered 0 to ${count - 1}`);
    if (seen.has(side)) report(here, `${who} lists side ${side} twice`);
    seen.add(side);
  });
}
