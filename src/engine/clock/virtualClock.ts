/**
 * An event-ordered virtual clock: a binary heap of deadlines, FIFO among equal deadlines
 * (contract §3: "timers in the order they were armed"). `advanceTo(t)` fires each timer at its own
 * instant, including timers armed while firing, so one big step equals many small ones.
 *
 * Timers are plain data (no closures): the coordinator dispatches a popped timer through a handler
 * table, so the whole heap can be written to JSON and read back (`Simulation.snapshot()`).
 */
export type TimerId = number;

/** What the clock needs of a timer: an id in arm order and a deadline. */
export interface ClockEntry {
  readonly id: TimerId;
  readonly deadline: number;
}

export class VirtualClock<E extends ClockEntry = ClockEntry> {
  private heap: E[] = [];
  private live = new Set<TimerId>();
  private seq = 0;
  private time = 0;

  now(): number {
    return this.time;
  }

  /** The id the next timer gets (arm order). */
  nextId(): TimerId {
    return ++this.seq;
  }

  schedule(entry: E): void {
    this.live.add(entry.id);
    this.push(entry);
  }

  cancel(id: TimerId | undefined | null): void {
    if (id != null) this.live.delete(id); // lazy deletion: skipped when popped
  }

  /** Deadline of the earliest live timer, or null. */
  nextDeadline(): number | null {
    this.dropCancelled();
    return this.heap.length ? this.heap[0]!.deadline : null;
  }

  /** Remove and return the earliest live timer if its deadline is ≤ t (the clock moves to it). */
  popDue(t: number): E | null {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.deadline > t) return null;
    this.pop();
    this.live.delete(top.id);
    this.time = top.deadline;
    return top;
  }

  /** Move the clock forward to t (never backward) without firing anything. */
  setNow(t: number): void {
    if (t > this.time) this.time = t;
  }

  /** The clock as plain data: its time and arm counter (the live timers are saved by their owners). */
  save(): { time: number; seq: number } {
    return { time: this.time, seq: this.seq };
  }

  /** Back to a saved state; `timers` are the live ones (any order: the heap orders them). */
  load(state: { time: number; seq: number }, timers: readonly E[]): void {
    this.time = state.time;
    this.seq = state.seq;
    this.heap = [];
    this.live.clear();
    for (const e of timers) this.schedule(e);
  }

  private dropCancelled(): void {
    while (this.heap.length && !this.live.has(this.heap[0]!.id)) this.pop();
  }

  private less(a: E, b: E): boolean {
    return a.deadline < b.deadline || (a.deadline === b.deadline && a.id < b.id);
  }

  private push(e: E): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (!h.length) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
