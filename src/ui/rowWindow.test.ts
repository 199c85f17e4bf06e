import { describe, expect, it } from 'vitest';
import { rowWindow } from './rowWindow';
import { createMatcher } from './EventLog';
import type { TraceEvent } from '../engine/model/trace';

describe('rowWindow', () => {
  it('renders the rows in the scroll box plus the overscan, clamped to the list', () => {
    expect(rowWindow(0, 100, 20, 1000, 3)).toEqual({ start: 0, end: 8 });
    expect(rowWindow(2000, 100, 20, 1000, 3)).toEqual({ start: 97, end: 108 });
    expect(rowWindow(19_900, 100, 20, 1000, 3)).toEqual({ start: 992, end: 1000 });
    expect(rowWindow(0, 100, 20, 0, 3)).toEqual({ start: 0, end: 0 });
  });
});

describe("createMatcher (the log's incremental filter)", () => {
  const ev = (t: number, type: 'node.state' | 'call'): TraceEvent => ({ t, type }) as unknown as TraceEvent;
  const all = { entity: '', type: '', decisionsOnly: false };
  it('scans only the new events while the trace grows, and rescans on a new filter or timeline', () => {
    const m = createMatcher();
    const a = [ev(1, 'call'), ev(2, 'node.state')];
    expect(m(a, all)).toEqual([0, 1]);
    const b = a.concat([ev(3, 'call')]);
    expect(m(b, all)).toEqual([0, 1, 2]);
    const onlyCalls = { ...all, type: 'call' };
    expect(m(b, onlyCalls)).toEqual([0, 2]);
    expect(m([ev(1, 'node.state')], onlyCalls)).toEqual([]);
  });
});
