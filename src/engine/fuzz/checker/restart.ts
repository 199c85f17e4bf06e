/**
 * §4.4 and §4.8 restart windows: every counted failure enters a fixed RestartPeriod window; within
 * RestartThreshold the resource is restarted RestartDelay later (or as soon as its providers are
 * Online), beyond it `RestartThresholdExceeded` at that instant and a retry RetryPeriodOnFailure
 * after giving up. Windows reset only on an owner change or a retry; failures of one instant are
 * decided together. `final.restartCount` equals the window's count while it is open.
 */
import type { RuleFactory } from './walk';
import { q } from './types';

const DWORD = 4294967295;

interface Win {
  start: number | null;
  count: number;
  /** The checker cannot tell whether a failure counted (see `uncertain` below): stop judging until a reset. */
  unknown: boolean;
}

export const restartRule: RuleFactory = (m, rep, { trace }) => {
  const R = '§4.4 restart window';
  const win = new Map<string, Win>([...m.res.keys()].map((r) => [r, { start: null, count: 0, unknown: false }]));
  const restartDue = new Map<string, number>();
  const retryDue = new Map<string, number>();
  const failedAt = new Map<string, number>();
  const lastOwnerChange = new Map<string, number>();
  const adminOnline = new Set<string>();
  /** `moving`: its group was on its way to another node when it failed (§4.8: it keeps its move). */
  let counted: { r: string; i: number; count: number; start: number; moving: boolean }[] = [];
  let cause = new Set<string>();
  let groupDecision = new Set<string>();
  let rte = new Map<string, number>();
  let restartedNow = new Map<string, number>();

  const cancelGroup = (g: string) => {
    for (const r of m.group.get(g)!.resources) restartDue.delete(r.name);
  };
  function lateRestarts(t: number, inclusive: boolean): void {
    for (const [r, due] of restartDue) {
      if (inclusive ? due > t : due >= t) continue;
      const node = m.resNode.get(r) ?? null;
      if (node !== null && m.crashedAt.has(node)) continue;
      if (m.state.get(r) === 'Failed' && m.providersMet(r)) {
        rep.add(
          R,
          Math.max(due, 0),
          -1,
          `${q(r)} restarted (Failed → OnlinePending) at ${due} (RestartDelay after its failure at ${failedAt.get(r)}) or when its providers are Online`,
          `still Failed at ${t}`,
        );
        restartDue.delete(r);
      }
    }
    for (const [r, due] of retryDue) {
      if (inclusive ? due > t : due >= t) continue;
      if (m.state.get(r) === 'Failed')
        rep.add('§4.4 RetryPeriodOnFailure', due, -1, `policy RetryPeriodOnFailure ${q(r)} at ${due}`, 'none');
      retryDue.delete(r);
    }
  }

  return {
    startInstant(t) {
      lateRestarts(t, false);
      counted = [];
      cause = new Set();
      groupDecision = new Set();
      rte = new Map();
      restartedNow = new Map();
    },
    before(e, i) {
      if (e.type === 'resource.state' && e.to === 'Failed') {
        const r = e.resource;
        const persistent = m.persistentOnline(r);
        if ((e.from === 'Online' || e.from === 'OnlinePending') && persistent) {
          // Counted at once, on the node where it failed; decided at the end of the instant (§4.8).
          const w = win.get(r)!;
          const p = m.res.get(r)!.properties;
          if (w.start === null || e.t - w.start > p.RestartPeriod) Object.assign(w, { start: e.t, count: 1 });
          else w.count++;
          const moving = m.moving.has(m.res.get(r)!.group);
          if (!w.unknown) counted.push({ r, i, count: w.count, start: w.start!, moving });
        } else if (e.from === 'OfflinePending' && persistent) win.get(r)!.unknown = true;
        failedAt.set(r, e.t);
      }
      if (e.type === 'resource.state' && e.from === 'Failed' && e.to === 'OnlinePending') {
        const r = e.resource;
        const g = m.res.get(r)!.group;
        const due = restartDue.get(r);
        const movedSince = (lastOwnerChange.get(g) ?? -1) >= (failedAt.get(r) ?? 0);
        if (counted.some((c) => c.r === r) && !movedSince) {
          // Failed and restarted in one instant (RestartDelay 0): judged once the failure is decided.
          restartedNow.set(r, i);
          return;
        }
        const justified =
          (due !== undefined && e.t >= due) ||
          cause.has(`retry:${r}`) ||
          cause.has('any') ||
          adminOnline.has(r) ||
          movedSince;
        if (!justified && !win.get(r)!.unknown)
          rep.add(
            R,
            e.t,
            i,
            due !== undefined
              ? `restart of ${q(r)} at ${due}`
              : `${q(r)} stays Failed (no restart due: threshold exceeded or RestartAction 0)`,
            'Failed → OnlinePending',
          );
      }
      if (e.type === 'resource.state' && e.from === 'Failed') {
        adminOnline.delete(e.resource);
        restartDue.delete(e.resource);
        retryDue.delete(e.resource);
      }
      if (e.type === 'policy') {
        if (e.rule === 'RestartThresholdExceeded') rte.set(e.subject, i);
        if (e.rule === 'RetryPeriodOnFailure') {
          const due = retryDue.get(e.subject);
          if (due !== e.t && !win.get(e.subject)?.unknown)
            rep.add(
              '§4.4 RetryPeriodOnFailure',
              e.t,
              i,
              due === undefined ? `no retry due for ${q(e.subject)}` : `retry at ${due}`,
              `retry at ${e.t}`,
            );
          retryDue.delete(e.subject);
          const w = win.get(e.subject);
          if (w) Object.assign(w, { start: null, count: 0, unknown: false });
          cause.add(`retry:${e.subject}`);
          // The retry's Online call is due now, or as soon as the providers are Online (§4.1).
          if (m.state.get(e.subject) === 'Failed') restartDue.set(e.subject, e.t);
        }
        // Only a failover that starts cancels the restarts decided with it (§4.8); a refused one
        // (threshold, no target) leaves the group where it is and the restarts go ahead.
        if (e.rule === 'FailoverStarted') {
          groupDecision.add(e.subject);
          cancelGroup(e.subject);
        }
        if (e.rule === 'QuorumLost' || e.rule === 'QuorumRegained') cause.add('any');
        if (e.rule === 'QuorumLost') restartDue.clear();
        if (e.rule === 'FailoverThresholdExceeded') {
          // After a node loss the resources are set Failed and their retry timers start (§4.5).
          for (const r of m.group.get(e.subject)!.resources)
            if (
              m.state.get(r.name) === 'Offline' &&
              // §4.4 restarts and retries are for resources whose persistent state is online.
              m.persistentOnline(r.name) &&
              r.properties.RestartAction !== 0 &&
              r.properties.RetryPeriodOnFailure !== DWORD
            )
              retryDue.set(r.name, e.t + r.properties.RetryPeriodOnFailure);
        }
      }
      if (e.type === 'group.owner') {
        lastOwnerChange.set(e.group, e.t);
        cancelGroup(e.group);
        for (const r of m.group.get(e.group)!.resources)
          Object.assign(win.get(r.name)!, { start: null, count: 0, unknown: false });
      }
      if (e.type === 'action' || e.type === 'node.state') {
        // Administrator actions and membership changes may bring a Failed resource online: not judged here.
        cause.add('any');
        if (e.type === 'action') {
          const a = e.action;
          if ('group' in a) cancelGroup(a.group);
          // Faults (setHealth, setOnline, heal ...) do not touch a pending restart; these actions may.
          const steers = ['offlineResource', 'failResource'].includes(a.action);
          // An administrator online brings the resource up providers-first, possibly later (§4.1).
          // Start-ClusterResource brings the providers it needs online with it (model.ts, SF §2 "likewise").
          if (a.action === 'onlineResource') for (const r of m.closure(a.resource, 'providers')) adminOnline.add(r);
          if (a.action === 'onlineGroup') for (const r of m.group.get(a.group)!.resources) adminOnline.add(r.name);
          if ('resource' in a && steers) restartDue.delete(a.resource);
          // A paused node keeps restarting its resources (§4.6); a drain may move them instead. On a crashed
          // node the restart's Online call is still made (traced pending, §4.8): judged leniently below.
          const stops = a.action === 'pauseNode' && a.drain === true;
          if (stops) for (const r of [...restartDue.keys()]) if (m.resNode.get(r) === a.node) restartDue.delete(r);
        }
      }
      if (e.type === 'node.state' && e.to === 'Down')
        for (const r of [...restartDue.keys()]) if (m.resNode.get(r) === e.node) restartDue.delete(r);
    },
    endInstant(t) {
      // Count every failure of the instant first, then decide each (§4.8).
      const expectRte = new Set<string>();
      const judged = new Set<string>();
      const last = new Map<string, { count: number; start: number }>();
      for (const { r, count, start, moving } of counted) {
        judged.add(r);
        last.set(r, { count, start });
        const p = m.res.get(r)!.properties;
        if (p.RestartAction === 0) continue;
        if (count <= p.RestartThreshold) {
          // A failover started with it, or a move under way, brings it online with the group on
          // the new owner instead (§4.8), not here.
          if (!groupDecision.has(m.res.get(r)!.group) && !moving) restartDue.set(r, t + p.RestartDelay);
        } else {
          expectRte.add(r);
          restartDue.delete(r);
          if (p.RetryPeriodOnFailure !== DWORD) retryDue.set(r, t + p.RetryPeriodOnFailure);
        }
      }
      for (const r of judged) {
        const p = m.res.get(r)!.properties;
        if (p.RestartAction === 0) continue;
        const w = last.get(r)!;
        if (expectRte.has(r) && !rte.has(r))
          rep.add(
            R,
            t,
            -1,
            `RestartThresholdExceeded ${q(r)} (failure ${w.count} in the window opened at ${w.start}, RestartThreshold ${p.RestartThreshold})`,
            'none',
          );
        if (!expectRte.has(r) && rte.has(r))
          rep.add(
            R,
            t,
            rte.get(r)!,
            `a restart of ${q(r)} (failure ${w.count} of RestartThreshold ${p.RestartThreshold} in the window opened at ${w.start})`,
            'RestartThresholdExceeded',
          );
      }
      for (const [r, i] of restartedNow) {
        if (restartDue.get(r) === t || cause.has('any') || cause.has(`retry:${r}`)) restartDue.delete(r);
        else if (judged.has(r))
          rep.add(
            R,
            t,
            i,
            `${q(r)} stays Failed now (${restartDue.has(r) ? `restart due at ${restartDue.get(r)}` : 'no restart due'})`,
            'Failed → OnlinePending',
          );
      }
      for (const [r, i] of rte)
        if (!judged.has(r) && !win.get(r)?.unknown && m.res.get(r)?.properties.RestartAction !== 0)
          rep.add(
            R,
            t,
            i,
            `no RestartThresholdExceeded for ${q(r)} (no counted failure now)`,
            'RestartThresholdExceeded',
          );
      lateRestarts(t, true);
    },
    end(until) {
      for (const [r, w] of win) {
        if (w.unknown || !Object.prototype.hasOwnProperty.call(trace.final.resources, r)) continue;
        const p = m.res.get(r)!.properties;
        const want = w.start !== null && until - w.start <= p.RestartPeriod ? w.count : 0;
        const got = trace.final.resources[r]!.restartCount;
        if (got !== want)
          rep.add(
            '§3 final restartCount',
            until,
            -1,
            `${q(r)} restartCount ${want} (window opened at ${w.start})`,
            String(got),
          );
      }
    },
  };
};
