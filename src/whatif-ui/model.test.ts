import type { RunDetail } from '../sweep/types';
import {
  baselineWords,
  compareRuns,
  downColour,
  parseInstants,
  summaryWords,
  timeLeftWords,
  visibleRows,
  worstCell,
} from './model';

const run = (node: string, down: Record<string, number>, applied = true): RunDetail => ({
  at: 60_000,
  fault: { action: 'crashNode', node },
  applied,
  ...(applied ? {} : { reason: 'no' }),
  groups: Object.fromEntries(
    Object.entries(down).map(([g, d]) => [g, { downMs: d, state: 'Online', owner: 'N2', failoverCount: 0 }]),
  ),
  extra: Object.fromEntries(Object.keys(down).map((g) => [g, { recoveredAfterMs: 0, longestOutageMs: 0 }])),
});

describe('what-if model', () => {
  const runs = [
    run('N1', { SQL: 27_500, DTC: 0 }),
    run('N2', { SQL: 0, DTC: 3000 }),
    run('N3', { SQL: 0, DTC: 0 }, false),
  ];

  it('parses instants in seconds, once each, within the run', () => {
    expect(parseInstants('60, 1.5 60', 600_000)).toEqual({ ats: [60_000, 1500], error: null });
    expect(parseInstants('', 600_000).error).toBe('Give at least one instant, in seconds (e.g. 60).');
    expect(parseInstants('abc', 600_000).error).toBe('"abc" is not a number of seconds.');
    expect(parseInstants('601', 600_000).error).toBe('601 s is after the end of the run (10 min).');
  });

  it('finds the worst cell and says it in words', () => {
    expect(worstCell(runs)).toEqual({ run: 0, group: 'SQL', downMs: 27_500 });
    expect(summaryWords(runs)).toBe(
      'Worst single failure: crash of N1 at 1 min, SQL down 27.5 s. 2 of 3 runs cost downtime; 1 fault was refused by the cluster.',
    );
    expect(summaryWords([run('N3', { SQL: 0 })])).toBe(
      'No single failure costs any downtime. 0 of 1 runs cost downtime.',
    );
    const baseline = [
      {
        at: 60_000,
        groups: {
          SQL: { downMs: 27_500, state: 'Online' as const, owner: 'N1', failoverCount: 0 },
          DTC: { downMs: 0, state: 'Online' as const, owner: 'N1', failoverCount: 0 },
        },
      },
    ];
    expect(summaryWords(runs, baseline)).toMatch(
      / 1 of 3 runs cost downtime beyond the scenario without an added fault/,
    );
    expect(baselineWords(baseline)).toBe(
      "Without an added fault (the scenario's own script): SQL down 27.5 s from 1 min.",
    );
  });

  it('filters and sorts rows', () => {
    expect(visibleRows(runs, { filter: '', onlyDown: false, sort: 'order' })).toEqual([0, 1, 2]);
    expect(visibleRows(runs, { filter: 'n2', onlyDown: false, sort: 'order' })).toEqual([1]);
    expect(visibleRows(runs, { filter: '', onlyDown: true, sort: 'order' })).toEqual([0, 1]);
    expect(visibleRows([runs[1]!, runs[0]!], { filter: '', onlyDown: false, sort: 'worst' })).toEqual([1, 0]);
    expect(visibleRows([runs[2]!, runs[1]!, runs[0]!], { filter: '', onlyDown: false, sort: 'fault' })).toEqual([
      2, 1, 0,
    ]);
  });

  it('colours deeper with more downtime', () => {
    expect(downColour(0, 600_000)).toBe('hsl(140 45% 93%)');
    const light = Number(/(\d+)%\)$/.exec(downColour(1000, 600_000))![1]);
    const deep = Number(/(\d+)%\)$/.exec(downColour(600_000, 600_000))![1]);
    expect(deep).toBeLessThan(light);
  });

  it('compares A and B per fault, matched by instant and fault', () => {
    const b = [run('N1', { SQL: 7000, DTC: 0 }), run('N2', { SQL: 0, DTC: 9000 }), run('N9', { SQL: 0, DTC: 0 })];
    const v = compareRuns(runs, b);
    expect(v.text).toBe('B is better for 1 fault, worse for 1 (1 fault of A has no match in B).');
    expect(v.differences).toEqual([
      { run: 0, group: 'SQL', aMs: 27_500, bMs: 7000 },
      { run: 1, group: 'DTC', aMs: 3000, bMs: 9000 },
    ]);
    expect(compareRuns(runs, runs).text).toBe('A and B give the same downtime for all 3 faults.');
  });

  it('estimates the time left from the pace so far', () => {
    expect(timeLeftWords(0, 0, 10)).toBe('estimating time left…');
    expect(timeLeftWords(10_000, 10, 40)).toBe('about 30 s left');
  });
});
