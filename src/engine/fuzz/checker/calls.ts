/**
 * §4.1, §4.3 and §4.8 for calls: each Online/Offline call's traced result and completion time
 * (onlineMs, offlineMs, min(PendingTimeout, DeadlockTimeout) for a stall), a hung call's monitor
 * recycled exactly DeadlockTimeout after it started (unless its node is gone), what a recycle lists,
 * and no state change without its cause (never Online without an Online call on that node).
 */
import type { ResourceState } from '../../index';
import { Obligations, type RuleFactory } from './walk';
import { q, type Ev } from './types';

interface Pending {
  call: 'Online' | 'Offline';
  node: string;
  to: ResourceState;
}

export const callsRule: RuleFactory = (m, rep) => {
  const done = new Obligations<Pending>(rep);
  const recycles = new Obligations<null>(rep);
  /** Causes seen in the current instant. */
  let failedByAction = new Set<string>();
  let failedByCheck = new Set<string>();
  let recycledNow = new Map<string, number>();
  let fteNow = new Set<string>();
  /** Node losses and quorum loss of this instant: every resource there becomes Offline (§4.6, §4.7). */
  let downNow = new Set<string>();
  let quorumLostNow = false;
  const pendingMs = (r: string) => {
    const p = m.res.get(r)!.properties;
    return Math.min(p.PendingTimeout, p.DeadlockTimeout);
  };

  function onCall(e: Extract<Ev, { type: 'call' }>, i: number): void {
    const spec = m.res.get(e.resource)!;
    if (e.call === 'Online' || e.call === 'Offline') {
      const online = e.call === 'Online';
      const ms = online ? spec.behavior.onlineMs : spec.behavior.offlineMs;
      const crashed = m.crashedAt.has(e.node);
      const f = m.faults.get(e.resource)!;
      const b = online ? f.online : f.offline;
      const want = crashed ? 'pending' : b === 'hang' ? 'hang' : b === 'stall' || ms > 0 ? 'pending' : b;
      if (e.result !== want)
        rep.add('§4.1 call result', e.t, i, `${e.call} ${q(e.resource)} → ${want} (fault ${b}, ${ms} ms)`, e.result);
      done.delete(e.resource);
      if (!crashed && b !== 'hang') {
        const ok: ResourceState = online ? 'Online' : 'Offline';
        const due = b === 'stall' ? e.t + pendingMs(e.resource) : e.t + ms;
        const to: ResourceState = b === 'ok' ? ok : 'Failed';
        const why = `${q(e.resource)} ${online ? 'OnlinePending' : 'OfflinePending'} → ${to} on ${q(e.node)} (${e.call} at ${e.t}, ${b}${b === 'stall' ? `, min(PendingTimeout, DeadlockTimeout) ${pendingMs(e.resource)}` : `, ${ms} ms`})`;
        done.add(e.resource, due, { call: e.call, node: e.node, to }, '§4.1 call completion', why);
      }
    }
    if (e.result === 'hang') {
      const monitor = m.separate.has(e.resource) ? `${e.node}|${e.resource}` : `${e.node}|*`;
      const due = e.t + spec.properties.DeadlockTimeout;
      m.hangs.push({ resource: e.resource, node: e.node, start: e.t, due, monitor });
      recycles.add(
        `${monitor}@${due}`,
        due,
        null,
        '§4.3 deadlock recycle',
        `rhs.recycle on ${q(e.node)} (${e.call} ${q(e.resource)} hung at ${e.t} + DeadlockTimeout ${spec.properties.DeadlockTimeout})`,
      );
    }
    if (e.call === 'IsAlive' && e.result === 'fail') failedByCheck.add(e.resource);
  }

  function onRecycle(e: Extract<Ev, { type: 'rhs.recycle' }>, i: number): void {
    const R = '§4.3 deadlock recycle';
    if (m.nodeState.get(e.node) === 'Down') {
      rep.add('§4.8 no recycle on a Down node', e.t, i, `no rhs.recycle on Down node ${q(e.node)}`, 'rhs.recycle');
      return;
    }
    const dueAll = m.hangs.filter((h) => h.node === e.node && h.due === e.t);
    // Several monitors may be due at one instant, one event each: this one recycles the monitors
    // of the hung calls it lists (or all of them when it lists none of the hung resources).
    const listedHung = dueAll.filter((h) => e.resources.includes(h.resource));
    const due = listedHung.length ? dueAll.filter((h) => listedHung.some((x) => x.monitor === h.monitor)) : dueAll;
    if (due.length === 0) {
      rep.add(
        R,
        e.t,
        i,
        `a call hung on ${q(e.node)} exactly DeadlockTimeout earlier`,
        'rhs.recycle with no such call',
      );
      return;
    }
    const monitors = new Set(due.map((h) => h.monitor));
    for (const mon of monitors) recycles.delete(`${mon}@${e.t}`);
    const inMonitor = (r: string) =>
      due.some((h) => h.resource === r) || monitors.has(m.separate.has(r) ? `${e.node}|${r}` : `${e.node}|*`);
    const hosted = [...m.res.keys()].filter((r) => {
      const owner = m.owner.get(m.res.get(r)!.group);
      return (m.resNode.get(r) === e.node || owner === e.node) && inMonitor(r);
    });
    const running = (r: string) => ['Online', 'OnlinePending', 'OfflinePending'].includes(m.state.get(r)!);
    const must = hosted.filter(running);
    const may = new Set([...hosted, ...due.map((h) => h.resource)]);
    const listed = new Set(e.resources);
    for (const r of must)
      if (!listed.has(r))
        rep.add(
          '§3 rhs.recycle lists what the monitor hosts',
          e.t,
          i,
          `${q(r)} listed (${m.state.get(r)} in that monitor)`,
          'missing',
        );
    for (const r of listed)
      if (!may.has(r))
        rep.add(
          '§3 rhs.recycle lists what the monitor hosts',
          e.t,
          i,
          `only resources that monitor hosts on ${q(e.node)}`,
          `${q(r)} listed`,
        );
    for (const r of must) recycledNow.set(r, i);
    for (const h of due) m.separate.add(h.resource);
    m.hangs = m.hangs.filter((h) => !due.includes(h));
  }

  function onState(e: Extract<Ev, { type: 'resource.state' }>, i: number): void {
    const r = e.resource;
    const o = done.get(r);
    const R = '§4.1 call completion';
    const completes = o && o.due === e.t && o.data.node === e.node && o.data.to === e.to;
    if (e.to === 'Online') {
      if (e.from !== 'OnlinePending' && !(completes && e.from === 'Offline'))
        rep.add(
          '§4.8 never Online without an Online call',
          e.t,
          i,
          `${q(r)} Online only from OnlinePending`,
          `${e.from} → Online`,
        );
      else if (!completes)
        rep.add(
          '§4.8 never Online without an Online call',
          e.t,
          i,
          o ? o.why : `an Online call on ${q(e.node)} completing now`,
          'OnlinePending → Online',
        );
    }
    const stopped = quorumLostNow || (e.node !== null && downNow.has(e.node));
    if (e.from === 'OfflinePending' && e.to === 'Offline' && !completes && !stopped)
      rep.add(R, e.t, i, o ? o.why : `an Offline call on ${q(e.node)} completing now`, 'OfflinePending → Offline');
    if (e.to === 'Failed' && !completes) {
      const byAction = failedByAction.has(r);
      const byRecycle = recycledNow.has(r);
      const ok =
        byAction ||
        byRecycle ||
        (e.from === 'Online' && failedByCheck.has(r)) ||
        (e.from === 'Offline' && fteNow.has(m.res.get(r)!.group));
      if (!ok) {
        const what =
          e.from.endsWith('Pending') && o
            ? o.why
            : 'a cause at this instant (IsAlive fail, failResource, a call failing, a recycle)';
        rep.add('§4.1 no failure without a cause', e.t, i, what, `${e.from} → Failed`);
      }
    }
    // Leaving a pending state any other way cancels the call's completion.
    if (e.from === 'OnlinePending' || e.from === 'OfflinePending' || completes) done.delete(r);
    if (e.to === 'Failed') recycledNow.delete(r);
  }

  return {
    startInstant(t) {
      done.settle(t);
      recycles.settle(t);
      failedByAction = new Set();
      failedByCheck = new Set();
      recycledNow = new Map();
      fteNow = new Set();
      downNow = new Set();
      quorumLostNow = false;
    },
    before(e, i) {
      if (e.type === 'call') onCall(e, i);
      if (e.type === 'rhs.recycle') onRecycle(e, i);
      if (e.type === 'resource.state') onState(e, i);
      if (e.type === 'policy' && e.rule === 'FailoverThresholdExceeded') fteNow.add(e.subject);
      if (e.type === 'policy' && e.rule === 'QuorumLost') quorumLostNow = true;
      if (e.type === 'node.state' && e.to === 'Down') downNow.add(e.node);
      if (e.type === 'action' && e.action.action === 'failResource') failedByAction.add(e.action.resource);
    },
    after(e) {
      const gone = (node: string, after: number) => {
        for (const h of m.hangs) if (h.node === node && h.due > after) recycles.delete(`${h.monitor}@${h.due}`);
        m.hangs = m.hangs.filter((h) => !(h.node === node && h.due > after));
      };
      // A crash stops every call into the node: nothing completes, no monitor is recycled (§4.8).
      if (e.type === 'action' && e.action.action === 'crashNode' && m.crashedAt.get(e.action.node) === e.t) {
        for (const [k, o] of done.entries()) if (o.data.node === e.action.node && o.due > e.t) done.delete(k);
        gone(e.action.node, e.t);
      }
      if (e.type === 'node.state' && e.to === 'Down') gone(e.node, e.t - 1);
    },
    endInstant(t, evs) {
      // Each X → OnlinePending / OfflinePending comes with its call on that node, and the reverse
      // (a call completing at once, with 0 ms, may or may not show the pending state).
      const count = new Map<string, { changes: number; slow: number; all: number }>();
      const at = (call: string, r: string, node: string | null) => {
        const k = JSON.stringify([call, r, node]);
        if (!count.has(k)) count.set(k, { changes: 0, slow: 0, all: 0 });
        return count.get(k)!;
      };
      for (const { e } of evs) {
        if (e.type === 'resource.state' && (e.to === 'OnlinePending' || e.to === 'OfflinePending'))
          at(e.to === 'OnlinePending' ? 'Online' : 'Offline', e.resource, e.node).changes++;
        if (e.type === 'call' && (e.call === 'Online' || e.call === 'Offline')) {
          const c = at(e.call, e.resource, e.node);
          c.all++;
          if (e.result === 'pending' || e.result === 'hang') c.slow++;
        }
      }
      for (const [k, c] of count) {
        if (c.changes >= c.slow && c.changes <= c.all) continue;
        const [call, r, node] = JSON.parse(k) as string[];
        rep.add(
          '§3 a state change comes with its call',
          t,
          -1,
          `as many → ${call}Pending changes of ${q(r)} on ${q(node)} as ${call} calls (${c.slow}–${c.all})`,
          `${c.changes}`,
        );
      }
      for (const [r, i] of recycledNow)
        rep.add(
          '§4.3 a recycle fails what the monitor hosts',
          t,
          i,
          `${q(r)} → Failed at the recycle`,
          `still ${m.state.get(r)}`,
        );
    },
  };
};
