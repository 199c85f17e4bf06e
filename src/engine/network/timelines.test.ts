/** networks.md §7: every worked timeline, every event (in the spec's notation) and `final`, exactly. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSimulation, restoreSimulation, runScenario, validateScenario } from '../index';
import type { FinalState, Scenario, TraceEvent } from '../index';
import { TIMELINES, type ShortFinal } from './timelines';

const dir = fileURLToPath(new URL('./timelines/', import.meta.url));

export function loadTimeline(file: string): Scenario {
  const v = validateScenario(JSON.parse(readFileSync(`${dir}${file}.json`, 'utf8')));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}

const WITH_NODE = new Set(['crashNode', 'startNode', 'stopNode']);
const WITH_NETWORK = new Set(['failNetwork', 'restoreNetwork']);

/** One event in the notation of networks.md §7 (reasons omitted). */
export function notation(e: TraceEvent): string {
  const t = `${e.t} `;
  switch (e.type) {
    case 'resource.state':
      return `${t}${e.resource}@${e.node} ${e.from}→${e.to}`;
    case 'call':
      return `${t}call ${e.resource}@${e.node} ${e.call} ${e.result}`;
    case 'group.owner':
      return `${t}owner ${e.group} ${e.from}→${e.to} ${e.cause}`;
    case 'group.state':
      return `${t}gstate ${e.group} ${e.from}→${e.to}`;
    case 'node.state':
      return `${t}node ${e.node} ${e.from}→${e.to}`;
    case 'quorum.vote':
      return `${t}vote ${e.voter} ${e.from}→${e.to}`;
    case 'policy':
      return `${t}policy ${e.rule} ${e.subject}`;
    case 'interface.state':
      return `${t}if ${e.node}@${e.network} ${e.from}→${e.to}`;
    case 'network.state':
      return `${t}net ${e.network} ${e.from}→${e.to}`;
    case 'regroup': {
      const lost = e.lost.map(([a, b]) => `[${a},${b}]`).join(' ');
      return `${t}regroup survivors [${e.survivors.join(',')}] removed [${e.removed.join(',')}] lost ${lost} witness "${e.witness}"`;
    }
    case 'action':
    case 'action.rejected': {
      const a = e.action as Record<string, unknown>;
      const arg = WITH_NODE.has(e.action.action)
        ? ` ${a.node as string}`
        : WITH_NETWORK.has(e.action.action)
          ? ` ${a.network as string}`
          : '';
      return `${t}${e.type} ${e.action.action}${arg}`;
    }
    case 'rhs.recycle':
      return `${t}recycle ${e.node}`;
  }
}

function short(f: FinalState): ShortFinal {
  const map = <V, R>(o: Record<string, V>, fn: (v: V) => R) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fn(v)]));
  return {
    quorum: f.quorum,
    nodes: map(f.nodes, (n) => n.state),
    groups: map(f.groups, (g) => [g.state, g.owner, g.failoverCount] as [string, string | null, number]),
    resources: map(f.resources, (r) => [r.state, r.node, r.restartCount] as [string, string | null, number]),
    ...(f.networks
      ? { networks: map(f.networks, (n) => [n.state, n.interfaces] as [string, Record<string, string>]) }
      : {}),
  };
}

describe('networks.md §7 worked timelines', () => {
  for (const tl of TIMELINES) {
    it(`${tl.file}: every event and final`, () => {
      const trace = runScenario(loadTimeline(tl.file));
      expect(trace.events.map(notation)).toEqual(tl.events);
      expect(short(trace.final)).toEqual(tl.final);
      // Key order of final (§3): networks after resources, only in network mode.
      expect(Object.keys(trace.final)).toEqual([
        't',
        'quorum',
        'nodes',
        'groups',
        'resources',
        ...(tl.final.networks ? ['networks'] : []),
      ]);
    });
  }

  it('a snapshot taken mid-run (JSON round trip) continues every timeline identically', () => {
    for (const tl of TIMELINES) {
      const s = loadTimeline(tl.file);
      for (const cut of [30000, 65000, 75000, 92000]) {
        const a = createSimulation(s);
        a.advanceTo(cut);
        const b = restoreSimulation(s, JSON.parse(JSON.stringify(a.snapshot())));
        a.advanceTo(s.until);
        b.advanceTo(s.until);
        expect([tl.file, cut, b.events().map(notation)]).toEqual([tl.file, cut, a.events().map(notation)]);
        expect(b.final()).toEqual(a.final());
      }
    }
  });
});
