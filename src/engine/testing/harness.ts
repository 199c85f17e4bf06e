/**
 * A fluent harness for engine tests (engineering guide; like tldraw's TestEditor):
 *
 *   cluster(json).crash('N1').advance('10s').expectGroup('G').ownedBy('N2')
 *
 * Only tests import this file.
 */
import { expect } from 'vitest';
import {
  createSimulation,
  validateScenario,
  type Action,
  type Simulation,
  type SimulationOptions,
  type TraceEvent,
} from '../index';
import { line } from './traceLines';

export { line };

export function ms(d: string | number): number {
  if (typeof d === 'number') return d;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|min|h)$/.exec(d.trim());
  if (!m) throw new Error(`bad duration ${d}`);
  const n = Number(m[1]);
  return Math.round(n * { ms: 1, s: 1000, min: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'min' | 'h']);
}

export class TestCluster {
  readonly sim: Simulation;

  constructor(json: unknown, options?: SimulationOptions) {
    const v = validateScenario(json);
    if (!v.ok) throw new Error('invalid test scenario:\n' + v.errors.map((x) => `${x.path}: ${x.message}`).join('\n'));
    this.sim = createSimulation(v.scenario, options);
  }

  /** Advance by a duration. */
  advance(d: string | number): this {
    this.sim.advanceTo(this.sim.now() + ms(d));
    return this;
  }

  /** Advance to an absolute time. */
  to(t: string | number): this {
    this.sim.advanceTo(ms(t));
    return this;
  }

  act(action: Action): this {
    this.sim.apply(action);
    return this;
  }

  crash(node: string): this {
    return this.act({ action: 'crashNode', node });
  }

  start(node: string): this {
    return this.act({ action: 'startNode', node });
  }

  events(filter?: (e: TraceEvent) => boolean): TraceEvent[] {
    return this.sim.events().filter(filter ?? (() => true));
  }

  /** Compact lines of the events, optionally only some types and only from time `from`. */
  lines(types?: TraceEvent['type'][], from = 0): string[] {
    return this.events((e) => e.t >= from && (!types || types.includes(e.type))).map(line);
  }

  policies(rule?: string): TraceEvent[] {
    return this.events((e) => e.type === 'policy' && (!rule || e.rule === rule));
  }

  expectGroup(name: string) {
    const g = this.sim.view().groups.find((x) => x.name === name);
    if (!g) throw new Error(`no group ${name}`);
    const api = {
      ownedBy(node: string | null) {
        expect(g.owner, `owner of ${name}`).toBe(node);
        return api;
      },
      inState(state: string) {
        expect(g.state, `state of ${name}`).toBe(state);
        return api;
      },
      failovers(n: number) {
        expect(g.failovers.count, `failovers of ${name}`).toBe(n);
        return api;
      },
    };
    return api;
  }

  expectResource(name: string) {
    const r = this.sim.view().resources.find((x) => x.name === name);
    if (!r) throw new Error(`no resource ${name}`);
    const api = {
      inState(state: string) {
        expect(r.state, `state of ${name}`).toBe(state);
        return api;
      },
      onNode(node: string | null) {
        expect(r.node, `node of ${name}`).toBe(node);
        return api;
      },
      restarts(n: number) {
        expect(r.restarts.count, `restart count of ${name}`).toBe(n);
        return api;
      },
    };
    return api;
  }

  expectNode(name: string) {
    const n = this.sim.view().nodes.find((x) => x.name === name);
    if (!n) throw new Error(`no node ${name}`);
    const api = {
      inState(state: string) {
        expect(n.state, `state of ${name}`).toBe(state);
        return api;
      },
      vote(v: 0 | 1) {
        expect(n.vote, `vote of ${name}`).toBe(v);
        return api;
      },
    };
    return api;
  }
}

export function cluster(json: unknown, options?: SimulationOptions): TestCluster {
  return new TestCluster(json, options);
}

/** Build a scenario quickly: nodes by name, groups with resources; everything else defaults. */
export function scenario(partial: Record<string, unknown>): Record<string, unknown> {
  return { format: 'failover-scenario@1', name: 'test', ...partial };
}
