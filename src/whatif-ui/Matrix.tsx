/** Faults × groups, coloured by downtime; sortable and filterable; a click opens the run in Simulate. */
import { useMemo, useState } from 'react';
import { humanMs, type Action } from '../engine';
import type { RunDetail } from '../sweep/types';
import { describeFault } from '../sweep/words';
import { downColour, textColour, visibleRows, worstCell, type SortKey } from './model';

const ROW_LIMIT = 300;
const GROUP_LIMIT = 60;

export function Matrix({
  runs,
  until,
  onOpen,
}: {
  runs: readonly RunDetail[];
  until: number;
  onOpen(at: number, fault: Action): void;
}) {
  const [filter, setFilter] = useState('');
  const [onlyDown, setOnlyDown] = useState(false);
  const [sort, setSort] = useState<SortKey>('order');
  const rows = useMemo(() => visibleRows(runs, { filter, onlyDown, sort }), [runs, filter, onlyDown, sort]);
  const groups = runs.length ? Object.keys(runs[0]!.groups) : [];
  const shownGroups = groups.slice(0, GROUP_LIMIT);
  const worst = useMemo(() => worstCell(runs), [runs]);
  return (
    <section className="w-matrix" aria-label="Downtime by fault and group">
      <div className="w-matrix-controls">
        <label>
          Filter faults{' '}
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="e.g. crash, SQL"
          />
        </label>
        <label>
          <input type="checkbox" checked={onlyDown} onChange={(e) => setOnlyDown(e.target.checked)} /> only faults that
          cost downtime
        </label>
        <label>
          Sort{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="order">sweep order</option>
            <option value="worst">worst group downtime first</option>
            <option value="total">most total downtime first</option>
            <option value="fault">fault name</option>
          </select>
        </label>
        <span className="w-count">
          {rows.length} of {runs.length} runs
          {rows.length > ROW_LIMIT ? ` (first ${ROW_LIMIT} shown; filter to narrow)` : ''}
          {groups.length > GROUP_LIMIT ? ` · first ${GROUP_LIMIT} of ${groups.length} groups` : ''}
        </span>
      </div>
      <div className="w-matrix-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Fault</th>
              <th scope="col">At</th>
              {shownGroups.map((g) => (
                <th scope="col" key={g}>
                  {g}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, ROW_LIMIT).map((i) => {
              const r = runs[i]!;
              const words = describeFault(r.fault);
              return (
                <tr key={i}>
                  <th scope="row" title={r.applied ? undefined : `refused: ${r.reason}`}>
                    {words}
                    {!r.applied && <span className="w-refused"> (refused)</span>}
                  </th>
                  <td>{humanMs(r.at)}</td>
                  {shownGroups.map((g) => {
                    const o = r.groups[g]!;
                    const isWorst = worst !== null && worst.run === i && worst.group === g;
                    return (
                      <td
                        key={g}
                        style={{ background: downColour(o.downMs, until), color: textColour(o.downMs, until) }}
                      >
                        <button
                          type="button"
                          className={`w-cell${isWorst ? ' is-worst' : ''}`}
                          data-testid={isWorst ? 'worst-cell' : undefined}
                          aria-label={`${words} at ${humanMs(r.at)}: ${g} ${o.downMs ? `down ${humanMs(o.downMs)}` : 'no downtime'}, ends ${o.state}; open in Simulate`}
                          title={`${g}: ${o.state} on ${o.owner ?? 'no node'} at the end, ${o.failoverCount} failover(s)`}
                          onClick={() => onOpen(r.at, r.fault)}
                        >
                          {o.downMs ? humanMs(o.downMs) : '—'}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
