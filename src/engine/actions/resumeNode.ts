/** resumeNode (contract §2): Resume-ClusterNode, failing back NoFailback (default), Immediate or by Policy. */
import { resumeNode as resume } from '../cluster/nodes';
import { psNamed } from './common';
import { FAILBACK_CHOICES, NODE_ARG, OK, no, q, type ActionDef, type MenuEntry } from './types';

const LABELS = { NoFailback: 'no failback', Immediate: 'fail back now', Policy: 'failback policy' } as const;

export const resumeNode: ActionDef<'resumeNode'> = {
  name: 'resumeNode',
  subject: 'node',
  args: { node: NODE_ARG, failback: { kind: 'choice', choices: FAILBACK_CHOICES, required: false } },
  check(e, a) {
    const n = e.nodeByName.get(a.node);
    if (!n) return no(`there is no node ${q(a.node)}`);
    if (e.nodeMachineState(n) === 'Crashed') return no(`node ${q(a.node)} does not respond (it crashed)`);
    if (e.net.isStopping(a.node)) return no(`node ${q(a.node)} is stopping`);
    if (e.nodeState(n) !== 'Paused') return no(`node ${q(a.node)} is ${e.nodeState(n)}, not Paused`);
    return OK;
  },
  apply: (e, a) => resume(e, e.nodeByName.get(a.node)!, a.failback ?? 'NoFailback'),
  traceText: (a) => `node "${a.node}" is resumed (${a.failback ?? 'NoFailback'})`,
  uiText: (a) => `resume node ${a.node} (${a.failback ?? 'NoFailback'})`,
  faultText: (a) => `resume of ${a.node}`,
  menu: (node) =>
    FAILBACK_CHOICES.map((failback): MenuEntry => ({
      section: 'Node',
      label: `Resume (${LABELS[failback]})`,
      action: { action: 'resumeNode', node, failback },
    })),
  menuOrder: 4,
  // The cmdlet's default without -Failback is unsourced (powershell.md §1.9): always say it.
  powershell: (a) => ({
    line: `${psNamed('Resume-ClusterNode', a.node).line} -Failback ${a.failback ?? 'NoFailback'}`,
  }),
};
