/** The notation of networks.md §7 for trace events, and the timeline fixtures, for the network tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateScenario } from '../index';
import type { Scenario, TraceEvent } from '../index';

export const dir = fileURLToPath(new URL('./timelines/', import.meta.url));

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
