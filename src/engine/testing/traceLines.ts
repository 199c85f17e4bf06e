import type { TraceEvent } from '../index';

/** Compact one-line rendering of a trace event, for readable order assertions. */
export function line(e: TraceEvent): string {
  switch (e.type) {
    case 'resource.state':
      return `${e.t} ${e.resource} ${e.from}->${e.to}`;
    case 'group.state':
      return `${e.t} group ${e.group} ${e.from}->${e.to}`;
    case 'group.owner':
      return `${e.t} owner ${e.group} ${e.from}->${e.to} ${e.cause}`;
    case 'node.state':
      return `${e.t} node ${e.node} ${e.from}->${e.to}`;
    case 'call':
      return `${e.t} call ${e.call} ${e.resource} ${e.result}`;
    case 'rhs.recycle':
      return `${e.t} recycle ${e.node} [${e.resources.join(',')}]`;
    case 'policy':
      return `${e.t} policy ${e.rule} ${e.subject}`;
    case 'quorum.vote':
      return `${e.t} vote ${e.voter} ${e.from}->${e.to}`;
    case 'action':
      return `${e.t} action ${e.action.action}`;
    case 'action.rejected':
      return `${e.t} rejected ${e.action.action}`;
    case 'regroup':
      return `${e.t} regroup [${e.survivors.join(',')}] removed [${e.removed.join(',')}] witness ${e.witness}`;
    case 'interface.state':
      return `${e.t} if ${e.node}@${e.network} ${e.from}->${e.to}`;
    case 'network.state':
      return `${e.t} net ${e.network} ${e.from}->${e.to}`;
  }
}
