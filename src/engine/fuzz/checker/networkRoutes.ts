/**
 * The checker's own route model, written from networks.md §4.1–§4.2 and §4.9 (not from the
 * engine): which nodes run, which interfaces are cut, the active partition, every route between
 * two running nodes with its open/declared state, and the interface and network states the
 * declarations imply. The replay (networkReplay.ts) drives it with the script actions and node
 * changes it reads from the trace.
 */
import type { NetScenario, NodeSpec } from './networkModel';

export interface RouteDef {
  a: number;
  b: number;
  na: string;
  nb: string;
  key: string;
}
interface RouteState {
  open: boolean;
  /** §4.2: the instant the route is (or was) declared down; null while declared up. */
  downAt: number | null;
}

/** The implicit network of a scenario without `networks` (§0): every node is on it. */
export const IMPLICIT = '';

export class RouteModel {
  readonly running: boolean[];
  readonly cutNet = new Set<string>();
  readonly cutIf = new Set<string>();
  /** Active partition: the side of each node, and the sides that reach the witness. */
  sides: number[] | null = null;
  witnessSides: Set<number> | null = null;
  /** Routes of each pair `a|b` (node indexes, a < b), from the configuration (§4.2). */
  readonly pairRoutes = new Map<string, RouteDef[]>();
  private readonly live = new Map<string, RouteState>();
  /** §4.9: routes of a crashed member keep the declared state they had at the crash. */
  private readonly frozen = new Map<string, boolean>();

  constructor(readonly s: NetScenario) {
    const n = s.nodes.length;
    this.running = s.nodes.map((x) => x.up);
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) this.pairRoutes.set(`${a}|${b}`, this.routesOf(a, b));
    this.sync(0);
  }

  private role(net: string): string {
    return net === IMPLICIT ? 'cluster' : this.s.net(net).role;
  }

  private ifaces(x: NodeSpec): string[] {
    return this.s.networkMode ? x.interfaces : [IMPLICIT];
  }

  /** §4.2: one route per common network whose role is not none; else one per pair of routed interfaces. */
  private routesOf(a: number, b: number): RouteDef[] {
    const A = this.s.nodes[a]!;
    const B = this.s.nodes[b]!;
    const mk = (na: string, nb: string) => ({ a, b, na, nb, key: `${a}|${b}|${na}|${nb}` });
    const common = this.ifaces(A).filter((n) => this.ifaces(B).includes(n) && this.role(n) !== 'none');
    if (common.length) return common.map((n) => mk(n, n));
    const routed = (n: string) => n !== IMPLICIT && this.s.net(n).routed && this.role(n) !== 'none';
    const out: RouteDef[] = [];
    for (const na of this.ifaces(A).filter(routed))
      for (const nb of this.ifaces(B).filter(routed)) if (na !== nb) out.push(mk(na, nb));
    return out;
  }

  routes(a: number, b: number): RouteDef[] {
    return this.pairRoutes.get(a < b ? `${a}|${b}` : `${b}|${a}`) ?? [];
  }

  /** §4.1 cut: the network failed or the interface failed. */
  cut(x: number, net: string): boolean {
    return this.cutNet.has(net) || this.cutIf.has(`${x}|${net}`);
  }

  sameSide(a: number, b: number): boolean {
    return this.sides === null || this.sides[a] === this.sides[b];
  }

  /** §4.2 open: neither interface cut and both on the same side of the active partition. */
  private isOpen(r: RouteDef): boolean {
    return !this.cut(r.a, r.na) && !this.cut(r.b, r.nb) && this.sameSide(r.a, r.b);
  }

  timeout(a: number, b: number): number {
    return this.s.pairTimeout(this.s.nodes[a]!, this.s.nodes[b]!);
  }

  /**
   * Re-evaluate every route after a change at `now` (§4.2): a route that stops being open is
   * declared down Delay × Threshold later, one that opens is declared up at once; routes of a node
   * that starts running are up if open and declared down at once otherwise; routes of a node that
   * stops running end.
   */
  sync(now: number): void {
    for (const [, defs] of this.pairRoutes)
      for (const r of defs) {
        if (!this.running[r.a] || !this.running[r.b]) {
          this.live.delete(r.key);
          continue;
        }
        const open = this.isOpen(r);
        const st = this.live.get(r.key);
        if (!st) this.live.set(r.key, { open, downAt: open ? null : now });
        else if (st.open && !open) this.live.set(r.key, { open, downAt: now + this.timeout(r.a, r.b) });
        else if (!st.open && open) this.live.set(r.key, { open, downAt: null });
      }
  }

  state(r: RouteDef): RouteState | undefined {
    return this.live.get(r.key);
  }

  declaredDown(r: RouteDef, t: number): boolean {
    const st = this.live.get(r.key);
    return st !== undefined && st.downAt !== null && st.downAt <= t;
  }

  /** §4.2 connected: some route between them is not declared down. */
  connected(a: number, b: number, t: number): boolean {
    return this.routes(a, b).some((r) => this.live.has(r.key) && !this.declaredDown(r, t));
  }

  /** §4.2 linked: some route between them is open. */
  linked(a: number, b: number): boolean {
    return this.routes(a, b).some((r) => this.live.get(r.key)?.open === true);
  }

  /** The next declaration instant in (after, before), if any. */
  nextDeadline(after: number, before: number): number | null {
    let best: number | null = null;
    for (const st of this.live.values())
      if (st.downAt !== null && st.downAt > after && st.downAt < before && (best === null || st.downAt < best))
        best = st.downAt;
    return best;
  }

  /** Is some declaration due exactly at t? */
  dueAt(t: number): boolean {
    for (const st of this.live.values()) if (st.downAt === t && !st.open) return true;
    return false;
  }

  /** §4.3: the detection instant of x crashing at t, from its routes just before the crash. */
  detectionInstant(x: number, t: number, runningMembers: number[]): number {
    const peers = runningMembers.filter((y) => y !== x);
    if (!peers.length) return t + this.s.timeout.sameSubnet;
    const D = peers.map((y) =>
      Math.max(
        ...this.routes(x, y).map((r) => {
          const st = this.live.get(r.key);
          if (!st || st.open) return t + this.timeout(x, y);
          return st.downAt!;
        }),
      ),
    );
    return Math.max(t, Math.min(...D));
  }

  /** x stops running (crash, stop, QuorumLost); a member's routes keep their declared state for §4.9. */
  stop(x: number, now: number, member: boolean): void {
    if (member)
      for (const [, defs] of this.pairRoutes)
        for (const r of defs)
          if ((r.a === x || r.b === x) && this.live.has(r.key)) this.frozen.set(r.key, this.declaredDown(r, now));
    this.running[x] = false;
    this.sync(now);
  }

  /** x is no longer a member: its frozen routes no longer count. */
  forget(x: number): void {
    for (const k of [...this.frozen.keys()]) {
      const [a, b] = k.split('|').map(Number);
      if (a === x || b === x) this.frozen.delete(k);
    }
  }

  /** The declared state of a same-network route between two members, for §4.9 (undefined: no route). */
  private memberRoute(a: number, b: number, net: string, t: number): boolean | undefined {
    const r = this.routes(a, b).find((x) => x.na === net && x.nb === net);
    if (!r) return undefined;
    if (this.live.has(r.key)) return this.declaredDown(r, t);
    return this.frozen.get(r.key);
  }

  /** §4.9: interface states (`node|network`) and network states at t, from the declared routes among members. */
  states(t: number, member: (x: number) => boolean): { iface: Map<string, string>; net: Map<string, string> } {
    const iface = new Map<string, string>();
    const net = new Map<string, string>();
    for (const N of this.s.networks) {
      const on = this.s.nodes.filter((x) => x.interfaces.includes(N.name)).map((x) => x.id - 1);
      const st = new Map<number, string>();
      if (N.role === 'none') for (const x of on) st.set(x, member(x) ? 'Up' : 'Unavailable');
      else {
        const peers = (x: number) => on.filter((y) => y !== x && member(y));
        for (const x of on) {
          if (!member(x)) st.set(x, 'Unavailable');
          else {
            const rs = peers(x)
              .map((y) => this.memberRoute(x, y, N.name, t))
              .filter((d) => d !== undefined);
            st.set(x, rs.length > 0 && rs.every((d) => d) ? 'Failed' : 'Up');
          }
        }
        for (const x of on) {
          if (st.get(x) !== 'Up') continue;
          const down = peers(x).some((y) => st.get(y) !== 'Failed' && this.memberRoute(x, y, N.name, t) === true);
          if (down) st.set(x, 'Unreachable');
        }
      }
      for (const x of on) iface.set(`${this.s.nodes[x]!.name}|${N.name}`, st.get(x)!);
      const vals = [...st.values()];
      const avail = vals.filter((v) => v !== 'Unavailable');
      let ns: string;
      if (!avail.length) ns = 'Unavailable';
      else if (N.role === 'none') ns = 'Up';
      else if (avail.every((v) => v === 'Failed')) ns = 'Down';
      else if (avail.some((v) => v === 'Failed' || v === 'Unreachable')) ns = 'Partitioned';
      else ns = 'Up';
      net.set(N.name, ns);
    }
    return { iface, net };
  }

  /** §4.7: does node x reach the witness (configured and up is the caller's part)? */
  reaches(x: number): boolean {
    const side = this.sides === null || this.witnessSides === null || this.witnessSides.has(this.sides[x]!);
    return side && this.ifaces(this.s.nodes[x]!).some((n) => !this.cut(x, n));
  }
}
