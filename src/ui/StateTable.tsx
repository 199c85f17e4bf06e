/** Every node, group and resource with its state and owner: the accessible twin of the canvas. */
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../store/context';
import { liveOwner, selectScenario } from '../store/selectors';
import type { AppState, EntityKind } from '../store/types';
import { rowWindow, useScrollBox } from './rowWindow';

/** Fixed row height (px, see .state-table in app.css) and rows rendered beyond the scroll box. */
export const TABLE_ROW_H = 22;
const OVERSCAN = 20;

/** State, owner as `final` has it, and the remembered owner when that is not live (else ''). */
const pick =
  (kind: EntityKind, name: string) =>
  (s: AppState): [string, string, string, string] => {
    if (kind === 'node') {
      const n = s.index.nodes[name];
      // The cluster's view (Up) stays; the table also says the machine is already gone.
      return [n?.state ?? '', '', '', n?.crashedUndetected ? 'crashed, undetected' : ''];
    }
    // A resource's owner is its group's owner node (the contract's `node` field).
    const v = kind === 'group' ? s.index.groups[name] : s.index.resource(name);
    const remembered = v ? ('owner' in v ? v.owner : v.node) : null;
    const live = liveOwner(s, remembered);
    return [v?.state ?? '', live ?? '', live === null && remembered ? remembered : '', ''];
  };

const Row = memo(function Row({ kind, name, index }: { kind: EntityKind; name: string; index: number }) {
  const [state, owner, last, note] = useAppStore(useShallow(pick(kind, name)));
  const selected = useAppStore((s) => s.selected?.kind === kind && s.selected.name === name);
  const api = useAppStoreApi();
  return (
    <tr aria-rowindex={index} className={selected ? 'is-selected' : undefined} data-state={state}>
      <td>
        <button type="button" className="link" onClick={() => api.getState().select({ kind, name })}>
          {name}
        </button>
      </td>
      <td>{kind}</td>
      {/* The cell's text is the state the cluster shows (the trace's); a note such as "crashed,
          undetected" is drawn after it by CSS, so the text still equals the CLI's and a lesson's. */}
      <td className={`state-text state-${state}`} data-note={note || undefined}>
        {state}
      </td>
      {/* The cell's text is `final`'s owner; a remembered one is drawn after it by CSS ("last owner N2"),
          so what the table says and what reads it (tests, copy) agree with the CLI. */}
      <td data-last-owner={last || undefined}>{owner}</td>
    </tr>
  );
});

/**
 * Windowed: only the rows near the scroll box are rendered (spacer rows, hidden from assistive
 * technology, keep the scroll height), so a 1,232-row table does not subscribe 2,464 selectors
 * that all run on every frame. Every row is reachable by scrolling.
 */
export function StateTable() {
  const scenario = useAppStore(selectScenario);
  const rows = useMemo(
    () => [
      ...scenario.nodes.map((n) => ({ key: `n:${n.name}`, kind: 'node' as const, name: n.name })),
      ...scenario.groups.map((g) => ({ key: `g:${g.name}`, kind: 'group' as const, name: g.name })),
      ...scenario.groups
        .flatMap((g) => g.resources)
        .map((r) => ({ key: `r:${r.name}`, kind: 'resource' as const, name: r.name })),
    ],
    [scenario],
  );
  const { ref, box } = useScrollBox<HTMLDivElement>();
  const { start, end } = rowWindow(box.top, box.height, TABLE_ROW_H, rows.length, OVERSCAN);
  return (
    <div className="table-wrap" ref={ref}>
      <table aria-label="Cluster state" aria-rowcount={rows.length + 1} className="state-table">
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">State</th>
            <th scope="col">Owner</th>
          </tr>
        </thead>
        <tbody>
          {start > 0 && <tr aria-hidden="true" className="spacer" style={{ height: start * TABLE_ROW_H }} />}
          {rows.slice(start, end).map((r, k) => (
            <Row key={r.key} kind={r.kind} name={r.name} index={start + k + 2} />
          ))}
          {end < rows.length && (
            <tr aria-hidden="true" className="spacer" style={{ height: (rows.length - end) * TABLE_ROW_H }} />
          )}
        </tbody>
      </table>
    </div>
  );
}
