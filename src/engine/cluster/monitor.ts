/**
 * What a resource monitor does: health checks (contract §4.2) and the recycle of a monitor whose
 * call hung past DeadlockTimeout (§4.3).
 */
import type { Engine } from './engine';
import type { ResRt } from './runtime';
import { humanMs } from '../policies/format';
import { nextPollInstant } from '../policies/polls';
import { ACTIVE, afterDown, deadlockSlot, enterFailed, failResource, hungOn, q, takeDownDependents } from './resources';
import { restartPolicies } from './restarts';

// ---- health checks (contract §4.2) ------------------------------------------------------------

/**
 * Healthy checks are not events: arm one timer for the first check instant that will see an
 * injected fault (engineering guide, "cost grows with what happens").
 */
export function armHealth(e: Engine, r: ResRt): void {
  e.disarm(r, 'health');
  if (e.resState(r) !== 'Online' || r.tOnline === null) return;
  // Nothing runs on a crashed node, and no check runs where a call of this resource hangs (§4.8).
  if (!e.runs(r.group.owner)) {
    e.resSend(r, { type: 'NO_ANSWER' });
    return;
  }
  if (hungOn(r, r.group.owner)) {
    e.resSend(r, { type: 'CHECK_HUNG' });
    return;
  }
  const p = r.spec.properties;
  const now = e.now();
  const due: number[] = [];
  if (r.faults.looksAlive !== 'ok') due.push(nextPollInstant(r.tOnline, p.LooksAlivePollInterval, now));
  if (r.faults.isAlive !== 'ok') due.push(nextPollInstant(r.tOnline, p.IsAlivePollInterval, now));
  if (!due.length) {
    e.resSend(r, { type: 'HEALTH_QUIET' });
    return;
  }
  const at = Math.min(...due);
  e.arm(r, 'health', 'healthCheck', at - now, 'next health check that sees the fault', 'health');
  e.resSend(r, { type: 'HEALTH_WATCH' });
}

export function runHealthCheck(e: Engine, r: ResRt): void {
  const p = r.spec.properties;
  const t = e.now();
  const node = r.group.owner!;
  const origin = r.tOnline!;
  const laInstant = (t - origin) % p.LooksAlivePollInterval === 0;
  const iaInstant = (t - origin) % p.IsAlivePollInterval === 0;
  if (laInstant && r.faults.looksAlive !== 'ok') {
    const ans = r.faults.looksAlive;
    e.emit({
      type: 'call',
      resource: r.spec.name,
      node,
      call: 'LooksAlive',
      result: ans === 'hang' ? 'hang' : 'fail',
      reason: `LooksAlive poll (every ${humanMs(p.LooksAlivePollInterval)})`,
    });
    if (ans === 'hang') {
      hang(e, r, 'LooksAlive');
      return;
    }
    runIsAlive(e, r, 'IsAlive run at once because LooksAlive failed');
  } else if (iaInstant && r.faults.isAlive !== 'ok') {
    runIsAlive(e, r, `IsAlive poll (every ${humanMs(p.IsAlivePollInterval)})`);
  }
  armHealth(e, r);
}

/** Run IsAlive now and act on its answer. */
export function runIsAlive(e: Engine, r: ResRt, why: string): void {
  const ans = r.faults.isAlive;
  e.emit({ type: 'call', resource: r.spec.name, node: r.group.owner!, call: 'IsAlive', result: ans, reason: why });
  if (ans === 'fail') failResource(e, r, 'IsAlive failed', { count: true });
  else if (ans === 'hang') hang(e, r, 'IsAlive');
}

// ---- hung calls and monitor recycle (contract §4.3) -------------------------------------------

export function hang(e: Engine, r: ResRt, call: 'Online' | 'Offline' | 'LooksAlive' | 'IsAlive'): void {
  e.disarm(r, 'health');
  const node = r.group.owner!;
  const own = r.inOwnMonitor;
  const since = e.now();
  r.hung.push({ call, since, node, own });
  // The call in progress hangs (OnlinePending/OfflinePending), or a health check does (Online).
  if (call === 'Online' || call === 'Offline') e.resSend(r, { type: 'HANG' });
  else if (e.resState(r) === 'Online') e.resSend(r, { type: 'CHECK_HUNG' });
  // Every hung call has its own DeadlockTimeout: it stays hung whatever happens meanwhile, even a
  // recycle of its monitor caused by another call (contract §4.8, read as written).
  const d = r.spec.properties.DeadlockTimeout;
  e.arm(r, deadlockSlot(node, own, since), 'deadlock', d, `DeadlockTimeout ${humanMs(d)} (${call} hung)`, 'deadlock', {
    node,
    own,
    since,
  });
}

/**
 * A call did not return within DeadlockTimeout: the monitor (RHS) it hung in is killed and
 * restarted. Every resource that monitor hosts on that node at this instant becomes Failed and
 * follows its own restart policy, decided together (§4.8); the hung one gets a monitor of its own
 * from then on (wsfc-semantics §2.5). The monitor is the one on the node where the call was made,
 * even if the resource has moved on since (it is then not listed).
 */
export function recycleMonitor(e: Engine, hungRes: ResRt, node: string, own: boolean, since: number): void {
  const hungCall = hungRes.hung.find((h) => h.node === node && h.own === own && h.since === since);
  hungRes.hung = hungRes.hung.filter((h) => h !== hungCall);
  if (!e.runs(node)) return; // a crashed or Down node's monitors are gone (§4.8)
  // Other calls hung in this same monitor whose DeadlockTimeout also ends now: one process, one
  // recycle (§4.3), and each of those resources is a resource whose call hung.
  const now = e.now();
  const alsoHung = e.resources.filter((x) => {
    if (own && x !== hungRes) return false; // a monitor of its own hosts only that resource
    const due = x.hung.filter(
      (h) => h.node === node && h.own === own && h.since + x.spec.properties.DeadlockTimeout === now,
    );
    for (const h of due) e.disarm(x, deadlockSlot(node, own, h.since));
    x.hung = x.hung.filter((h) => !due.includes(h));
    return due.length > 0 && x !== hungRes;
  });
  const hungHere = new Set([hungRes, ...alsoHung]);
  // A resource whose call hung here is in this monitor whatever it was given since (§4.8: the
  // monitor fails every resource it hosts then); the others by the monitor they are loaded in.
  const inMonitor = (x: ResRt) => hungHere.has(x) || (!own && !x.inOwnMonitor);
  const hosted = e.resources.filter((x) => x.group.owner === node && ACTIVE.has(e.resState(x)) && inMonitor(x));
  e.emit({
    type: 'rhs.recycle',
    node,
    resources: hosted.map((x) => x.spec.name),
    reason: `${hungCall?.call ?? 'a'} call into ${q(hungRes.spec.name)} did not return within DeadlockTimeout ${humanMs(hungRes.spec.properties.DeadlockTimeout)}: ${own ? 'its own' : 'the shared'} monitor on ${q(node)} is recycled`,
  });
  // "Given a monitor of its own from then on" (§4.3): at once, also where it runs on another node
  // now, so a call that hangs there later hangs in its own monitor, not in that node's shared one.
  for (const x of hungHere) {
    x.separate = true;
    x.inOwnMonitor = true;
  }
  const counted = hosted.map((x) => ({ x, pending: e.resState(x) }));
  for (const { x } of counted) {
    enterFailed(
      e,
      x,
      hungHere.has(x)
        ? 'deadlock: its monitor was recycled'
        : `its monitor was recycled because ${q(hungRes.spec.name)} hung`,
    );
  }
  const hostedSet = new Set(hosted);
  const alsoFailed: ResRt[] = [];
  for (const { x } of counted) {
    if (x.dependents.some((d) => !hostedSet.has(d))) alsoFailed.push(...takeDownDependents(e, x));
  }
  // A failed Offline (move or administrator offline) never counts (contract §4.5); any other
  // failure does, also during a move (§4.4), and the move decides what follows (restartPolicies).
  const decide = counted.filter(({ pending }) => pending !== 'OfflinePending').map(({ x }) => x);
  restartPolicies(e, [...decide, ...alsoFailed]);
  for (const { x } of counted) afterDown(e, x);
  for (const x of alsoFailed) afterDown(e, x);
}
