/**
 * Auto layout with elkjs (layered, DOWN: dependents on top, providers below), one graph per group,
 * run in a Web Worker when the browser has one; elkjs is loaded only when the button is pressed.
 * Groups are then placed in a row under the servers. Returns positions by kind and name (setPositions).
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import { defaultServerPosition } from './siteRegions';
import {
  groupsOf,
  nodesOf,
  providersOf,
  resourcesOf,
  type PositionUpdate,
  type RawScenario,
} from '../../design/edit/ops';
import { NODE_H, NODE_W, RES_H, RES_W } from './graph';

const HEAD = 44;
const PAD = 16;

const resId = (name: string) => `r${JSON.stringify(name)}`;

export function elkGraph(raw: RawScenario): ElkNode {
  return {
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered' },
    children: groupsOf(raw).map((g) => {
      const names = new Set(resourcesOf(g).map((r) => r.name));
      return {
        id: `g${JSON.stringify(g.name)}`,
        layoutOptions: {
          'elk.algorithm': 'layered',
          'elk.direction': 'DOWN',
          'elk.padding': `[top=${HEAD},left=${PAD},bottom=${PAD},right=${PAD}]`,
          'elk.spacing.nodeNode': '24',
          'elk.layered.spacing.nodeNodeBetweenLayers': '44',
        },
        // ELK ids are unique in the whole graph: kind-prefixed, so a resource named like its group is fine.
        children: resourcesOf(g).map((r) => ({ id: resId(r.name), width: RES_W, height: RES_H })),
        edges: resourcesOf(g).flatMap((r) =>
          providersOf(r)
            .filter((p) => names.has(p))
            .map((p) => ({ id: JSON.stringify([r.name, p]), sources: [resId(r.name)], targets: [resId(p)] })),
        ),
      };
    }),
  };
}

type Layout = (graph: ElkNode) => Promise<ElkNode>;

async function mainThreadLayout(graph: ElkNode): Promise<ElkNode> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  return new ELK().layout(graph);
}

function workerLayout(graph: ElkNode): Promise<ElkNode> {
  const worker = new Worker(new URL('./elkWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<ElkNode>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ ok: true; graph: ElkNode } | { ok: false; error: string }>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.graph);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage(graph);
  });
}

export async function autoLayout(
  raw: RawScenario,
  layout: Layout = typeof Worker === 'undefined' ? mainThreadLayout : workerLayout,
): Promise<PositionUpdate[]> {
  const out: PositionUpdate[] = [];
  nodesOf(raw).forEach((n, i) => {
    // Servers of one site side by side, so its region (./siteRegions) holds only them.
    out.push({ ref: { kind: 'node', name: n.name }, position: defaultServerPosition(raw, i, NODE_W) });
  });
  const result = await layout(elkGraph(raw));
  let x = 20;
  const top = 20 + NODE_H + 52;
  groupsOf(raw).forEach((g, gi) => {
    const laid = result.children?.[gi];
    for (const c of laid?.children ?? [])
      out.push({
        ref: { kind: 'resource', name: JSON.parse(c.id.slice(1)) as string },
        position: { x: c.x ?? 0, y: c.y ?? 0 },
      });
    out.push({ ref: { kind: 'group', name: g.name }, position: { x, y: top } });
    const w = Math.max(RES_W + 2 * PAD + 60, laid?.width ?? 0);
    x += w + 48;
  });
  return out;
}
