/**
 * An event-ordered virtual clock: a binary heap of deadlines, FIFO among equal deadlines
 * (contract §3: "timers in the order they were armed"). `advanceTo(t)` fires each timer at its own
 * instant, including timers armed while firing, so one big step equals many small ones.
 *
 * It has the shape of XState's `Clock` (setTimeout/clearTimeout) so actors can share it.
 */
export type TimerId = number;

interface Entry {
  deadline: number;
  seq: number;
  id: TimerId;
  fn: () => void;
}

export class VirtualClock {
  private heap: Entry[] = [];
  private live = new Map<TimerId, Entry>();
  private seq = 0;
  private time = 0;

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, delay: number): TimerId {
    const id = ++this.seq;
    const entry: Entry = { deadline: this.time + Math.max(0, delay), seq: id, id, fn };
    this.live.set(id, entry);
    this.push(entry);
    return id;
  }

  clearTimeout(id: TimerId | undefined | null): void {
    if (id != null) this.live.delete(id); // lazy deletion: skipped when popped
  }

  /** Deadline of the earliest live timer, or null. */
  nextDeadline(): number | null {
    this.dropCancelled();
    return this.heap.length ? this.heap[0].deadline : null;
  }

  /** Fire the earliest live timer if its deadline is ≤ t. Returns false when none is due. */
  fireNext(t: number): boolean {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.deadline > t) return false;
    this.pop();
    this.live.delete(top.id);
    this.time = top.deadline;
    top.fn();
    return true;
  }

  /** Move the clock forward to t (never backward) without firing anything. */
  setNow(t: number): void {
    if (t > this.time) this.time = t;
  }

  private dropCancelled(): void {
    while (this.heap.length && !this.live.has(this.heap[0].id)) this.pop();
  }

  private less(a: Entry, b: Entry): boolean {
    return a.deadline < b.deadline || (a.deadline === b.deadline && a.seq < b.seq);
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
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
      if (l < h.length && this.less(h[l], h[m])) m = l;
      if (r < h.length && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
