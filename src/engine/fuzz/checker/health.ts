/**
 * §4.2 health checks: while a resource is Online, LooksAlive at tOnline + k·LooksAlivePollInterval
 * and IsAlive at tOnline + k·IsAlivePollInterval. Healthy checks are not traced, so the checker
 * predicts the first poll that sees an injected fault and expects exactly what it must trace there;
 * any other traced check is a violation (on a crashed node, during a hang, at a wrong instant).
 * `signalFailure` runs IsAlive at once unless a call is hung or the node crashed (§4.8).
 */
import type { HealthAnswer } from '../../index';
import { hungOn } from './model';
import type { RuleFactory } from './walk';
import { q } from './types';

interface Plan {
  p: number;
  options: string[][];
  why: string;
}

/** What a poll instant traces when LooksAlive (a) and/or IsAlive (b) are due there. */
function sequences(a: HealthAnswer, b: HealthAnswer, L: boolean, I: boolean): string[][] {
  const lFirst: string[] = [];
  const iFirst: string[] = [];
  const looks = (seq: string[]) => {
    if (a !== 'ok') seq.push(`LooksAlive:${a}`);
    if (a === 'fail') seq.push(`IsAlive:${b}`);
  };
  // LooksAlive first (a fail triggers IsAlive, which also stands for an IsAlive due now).
  if (L) {
    looks(lFirst);
    if (a === 'ok' && I && b !== 'ok') lFirst.push(`IsAlive:${b}`);
  } else if (I && b !== 'ok') lFirst.push(`IsAlive:${b}`);
  // IsAlive first: a failure or hang stops the LooksAlive due at the same instant.
  if (I && b !== 'ok') iFirst.push(`IsAlive:${b}`);
  if (L && !(I && (b === 'fail' || b === 'hang'))) looks(iFirst);
  const out = [lFirst];
  if (iFirst.join() !== lFirst.join()) out.push(iFirst);
  return out;
}

export const healthRule: RuleFactory = (m, rep) => {
  const R = '§4.2 health check timing';
  const tOnline = new Map<string, number>();
  const plans = new Map<string, Plan>();
  /** Health calls traced for a resource in this instant, not yet explained. */
  let seen = new Map<string, { calls: string[]; first: number }>();
  let signals = new Map<string, { want: string; i: number }>();

  function plan(r: string, now: number): void {
    plans.delete(r);
    const node = m.resNode.get(r) ?? null;
    if (m.state.get(r) !== 'Online' || node === null || m.crashedAt.has(node) || hungOn(m, r, node)) return;
    const t0 = tOnline.get(r)!;
    const p = m.res.get(r)!.properties;
    const f = m.faults.get(r)!;
    const next = (iv: number) => t0 + iv * (Math.floor((now - t0) / iv) + 1);
    const nL = next(p.LooksAlivePollInterval);
    const nI = next(p.IsAlivePollInterval);
    const at = Math.min(f.looksAlive !== 'ok' ? nL : Infinity, f.isAlive !== 'ok' ? nI : Infinity);
    if (at === Infinity) return;
    const options = sequences(f.looksAlive, f.isAlive, nL === at, nI === at);
    const why = `${q(r)} Online on ${q(node)} since ${t0} (LooksAlive ${f.looksAlive} every ${p.LooksAlivePollInterval}, IsAlive ${f.isAlive} every ${p.IsAlivePollInterval}): at ${at} ${options.map((o) => `[${o.join(', ')}]`).join(' or ')}`;
    plans.set(r, { p: at, options, why });
  }

  /** Compare the polls traced so far in this instant with the plan due now, then plan the next. */
  function resolve(r: string, t: number, leaving = false): void {
    const pl = plans.get(r);
    const got = seen.get(r);
    if (pl && pl.p === t) {
      const calls = got?.calls ?? [];
      // A resource that left Online before its poll ran is not checked at all: timers of one
      // instant fire in arm order (§3), which the trace does not show, so either order is accepted.
      const leftFirst = calls.length === 0 && (leaving || m.state.get(r) !== 'Online');
      seen.delete(r);
      if (!leftFirst && !pl.options.some((o) => o.join() === calls.join())) {
        rep.add(R, t, got?.first ?? -1, pl.why, calls.length ? `[${calls.join(', ')}]` : 'no check traced');
        plans.delete(r);
      } else plan(r, t);
    } else if (got) {
      rep.add(
        R,
        t,
        got.first,
        `no traced check of ${q(r)} now${pl ? ` (next due ${pl.p})` : ''}`,
        `[${got.calls.join(', ')}]`,
      );
      seen.delete(r);
    }
  }

  return {
    startInstant(t) {
      // A plan missed entirely (no event at its instant) is reported once; the resource is judged
      // again from its next state or fault change.
      for (const [r, pl] of [...plans]) {
        if (pl.p >= t) continue;
        rep.add(R, pl.p, -1, pl.why, 'no check traced');
        plans.delete(r);
      }
      seen = new Map();
      signals = new Map();
    },
    before(e, i) {
      if (e.type === 'call' && (e.call === 'LooksAlive' || e.call === 'IsAlive')) {
        const s = signals.get(e.resource);
        if (s && e.call === 'IsAlive' && !seen.has(e.resource)) {
          signals.delete(e.resource);
          if (`IsAlive:${e.result}` !== s.want)
            rep.add('§4.2 signalFailure runs IsAlive', e.t, i, s.want, `IsAlive:${e.result}`);
          // A signal's IsAlive that hangs stops every later check there until its recycle (§4.8).
          if (e.result === 'hang') plans.delete(e.resource);
          return;
        }
        const cur = seen.get(e.resource) ?? { calls: [], first: i };
        cur.calls.push(`${e.call}:${e.result}`);
        seen.set(e.resource, cur);
      }
      if (e.type === 'resource.state' && e.from === 'Online') resolve(e.resource, e.t, true);
      if (e.type === 'action' && 'resource' in e.action) resolve(e.action.resource, e.t);
      // Polls of this instant ran before the crash action (timers first, then actions: §2).
      if (e.type === 'action' && e.action.action === 'crashNode')
        for (const r of new Set([...seen.keys(), ...[...plans].filter(([, p]) => p.p === e.t).map(([r]) => r)]))
          resolve(r, e.t);
    },
    after(e, i) {
      if (e.type === 'resource.state') {
        if (e.to === 'Online') tOnline.set(e.resource, e.t);
        plan(e.resource, e.t);
      }
      if (e.type === 'action' && (e.action.action === 'setHealth' || e.action.action === 'heal'))
        plan(e.action.resource, e.t);
      if (e.type === 'action' && e.action.action === 'crashNode') for (const r of [...plans.keys()]) plan(r, e.t);
      if (e.type === 'action' && e.action.action === 'signalFailure') {
        const r = e.action.resource;
        const node = m.resNode.get(r) ?? null;
        const runs = m.state.get(r) === 'Online' && node !== null && !m.crashedAt.has(node) && !hungOn(m, r, node);
        if (runs) signals.set(r, { want: `IsAlive:${m.faults.get(r)!.isAlive}`, i });
      }
    },
    endInstant(t) {
      for (const r of new Set([...seen.keys(), ...[...plans].filter(([, p]) => p.p === t).map(([r]) => r)]))
        resolve(r, t);
      for (const [r, s] of signals)
        rep.add('§4.2 signalFailure runs IsAlive', t, s.i, `${s.want} for ${q(r)} at once`, 'no IsAlive traced');
    },
  };
};
