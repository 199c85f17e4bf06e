/**
 * §3 trace shape: time order, known names, script actions traced in file order, group.state last in
 * its instant, and a `final` block that names every element (§4.8: names such as __proto__ are data).
 */
import type { ScriptEntry } from '../../index';
import type { RuleFactory } from './walk';
import { q } from './types';

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Stable text of a script entry or traced action (key order does not matter). */
function actionKey(a: object): string {
  return JSON.stringify(Object.fromEntries(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1))));
}

export const structureRule: RuleFactory = (m, rep, { scenario, trace }) => {
  const R = '§3 trace shape';
  const script: ScriptEntry[] = scenario.script.filter((s) => s.at <= trace.until);
  let nextScript = 0;
  let lastT = 0;
  return {
    startInstant(t, evs) {
      if (evs.length === 0) return;
      if (t < lastT) rep.add(R, t, evs[0]!.i, `events in time order (after t=${lastT})`, `t=${t}`);
      if (t < 0 || t > trace.until) rep.add(R, t, evs[0]!.i, `0 ≤ t ≤ until (${trace.until})`, `t=${t}`);
      lastT = t;
    },
    before(e, i) {
      const names: [string, string | null | undefined, Map<string, unknown>][] = [];
      if ('resource' in e) names.push(['resource', e.resource, m.res]);
      if ('group' in e) names.push(['group', e.group, m.group]);
      if ('node' in e && e.type !== 'resource.state') names.push(['node', e.node, m.node]);
      for (const [kind, name, map] of names) {
        if (typeof name !== 'string' || !map.has(name))
          rep.add(R, e.t, i, `a ${kind} of the scenario`, `${e.type} names ${kind} ${q(name)}`);
      }
      if (e.type === 'resource.state' && m.res.get(e.resource)?.group !== e.group)
        rep.add(R, e.t, i, `group ${q(m.res.get(e.resource)?.group)} of resource ${q(e.resource)}`, q(e.group));
      if (e.type === 'action' || e.type === 'action.rejected') {
        const want = script[nextScript];
        if (want && want.at === e.t && actionKey(want) === actionKey(e.action)) nextScript++;
        else
          rep.add(
            '§2 script order',
            e.t,
            i,
            `script entry ${nextScript} ${want ? actionKey(want) : '(none)'}`,
            actionKey(e.action),
          );
      }
    },
    endInstant(t, evs) {
      let seenGroupState = false;
      for (const { e, i } of evs) {
        if (e.type === 'group.state') seenGroupState = true;
        else if (seenGroupState)
          rep.add(
            '§3 group.state at the end of the instant',
            t,
            i,
            "no event after the instant's group.state events",
            e.type,
          );
      }
    },
    end(until) {
      if (nextScript < script.length)
        rep.add('§2 script order', until, -1, `every script entry traced (${script.length})`, `${nextScript} traced`);
      const f = trace.final;
      if (f.t !== until) rep.add(R, until, -1, `final.t = ${until}`, String(f.t));
      const kinds: [string, Record<string, unknown>, string[]][] = [
        ['nodes', f.nodes, scenario.nodes.map((n) => n.name)],
        ['groups', f.groups, scenario.groups.map((g) => g.name)],
        ['resources', f.resources, scenario.groups.flatMap((g) => g.resources.map((r) => r.name))],
      ];
      for (const [kind, rec, names] of kinds) {
        for (const n of names)
          if (!hasOwn(rec, n)) rep.add('§4.8 names are data', until, -1, `final.${kind} has ${q(n)}`, 'missing');
        const extra = Object.keys(rec).filter((k) => !names.includes(k));
        if (extra.length)
          rep.add(R, until, -1, `final.${kind} names only the scenario's`, `extra ${extra.map(q).join(', ')}`);
      }
    },
  };
};
