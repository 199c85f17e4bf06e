/**
 * Split the cluster (networks.md §2 `partition`): put each node on side A, B, C…, tick the sides
 * that still reach the witness, apply. Keyboard: radios per node (arrow keys), Tab to the
 * witness boxes and the buttons, Escape closes. A side left empty is said before anything is applied.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../../store/context';
import { useNetUi } from './dialogState';
import { SIDE_LETTERS } from './netModel';

/** The dialog's starting assignment: the selected node alone on side B, else the last node. */
export function initialSides(nodes: string[], selected: string | null): number[] {
  const alone = selected && nodes.includes(selected) ? selected : nodes[nodes.length - 1];
  return nodes.map((n) => (n === alone ? 1 : 0));
}

/** The `partition` action of an assignment, or why it cannot be applied. */
export function partitionOf(
  nodes: string[],
  assign: number[],
  count: number,
  witness: boolean[] | null,
): { action: { action: 'partition'; sides: string[][]; witness?: number[] } } | { error: string } {
  const sides: string[][] = Array.from({ length: count }, () => []);
  nodes.forEach((n, i) => {
    const side = assign[i];
    if (side !== undefined) sides[side]?.push(n);
  });
  const empty = sides.findIndex((s) => s.length === 0);
  if (empty >= 0) return { error: `Side ${SIDE_LETTERS[empty]} has no node: put a node on it or remove the side.` };
  const action: { action: 'partition'; sides: string[][]; witness?: number[] } = { action: 'partition', sides };
  if (witness) action.witness = witness.flatMap((w, i) => (w && i < count ? [i] : []));
  return { action };
}

/** Keep Tab inside the dialog (aria-modal): from the last control back to the first, and the reverse. */
function trapTab(e: React.KeyboardEvent, root: HTMLElement | null) {
  const all = [...(root?.querySelectorAll<HTMLElement>('input:checked, input[type="checkbox"], button:enabled') ?? [])];
  const first = all[0];
  const last = all[all.length - 1];
  if (e.shiftKey && document.activeElement === first) last?.focus();
  else if (!e.shiftKey && document.activeElement === last) first?.focus();
  else return;
  e.preventDefault();
}

export function PartitionDialog() {
  const api = useAppStoreApi();
  const close = useNetUi((s) => s.closeSplit);
  const nodes = useAppStore((s) => s.scenario.nodes).map((n) => n.name);
  const hasWitness = useAppStore((s) => s.view.quorum.witness.kind !== 'none');
  const [assign, setAssign] = useState(() => {
    const sel = api.getState().selected;
    return initialSides(nodes, sel?.kind === 'node' ? sel.name : null);
  });
  const [count, setCount] = useState(2);
  const [witness, setWitness] = useState<boolean[]>(() => nodes.map(() => true));
  const [error, setError] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const title = useId();

  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);

  const apply = () => {
    const r = partitionOf(nodes, assign, count, hasWitness ? witness : null);
    if ('error' in r) return setError(r.error);
    const res = api.getState().apply(r.action);
    if (!res.allowed) return setError(res.reason);
    close();
  };

  const removeSide = () => {
    setAssign((a) => a.map((s) => Math.min(s, count - 2)));
    setCount((c) => c - 1);
  };

  return (
    <div className="modal-backdrop net-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={title}
        className="net-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          } else if (e.key === 'Tab') trapTab(e, ref.current);
        }}
      >
        <h2 id={title}>Split the cluster</h2>
        <p className="muted">Nodes on different sides exchange no traffic on any network.</p>
        <table className="net-assign">
          <thead>
            <tr>
              <th scope="col">Node</th>
              {Array.from({ length: count }, (_, k) => (
                <th scope="col" key={k}>
                  Side {SIDE_LETTERS[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {nodes.map((n, i) => (
              <tr key={n} role="radiogroup" aria-label={`Side of ${n}`}>
                <th scope="row">{n}</th>
                {Array.from({ length: count }, (_, k) => (
                  <td key={k}>
                    <input
                      type="radio"
                      name={`side-${i}`}
                      aria-label={`${n} on side ${SIDE_LETTERS[k]}`}
                      checked={assign[i] === k}
                      onChange={() => {
                        setAssign((a) => a.map((s, j) => (j === i ? k : s)));
                        setError('');
                      }}
                    />
                  </td>
                ))}
              </tr>
            ))}
            {hasWitness && (
              <tr>
                <th scope="row">Reaches the witness</th>
                {Array.from({ length: count }, (_, k) => (
                  <td key={k}>
                    <input
                      type="checkbox"
                      aria-label={`Side ${SIDE_LETTERS[k]} reaches the witness`}
                      checked={witness[k] ?? true}
                      onChange={(e) => setWitness((w) => w.map((x, j) => (j === k ? e.target.checked : x)))}
                    />
                  </td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
        <div className="net-dialog-sides">
          <button type="button" disabled={count >= nodes.length} onClick={() => setCount((c) => c + 1)}>
            Add a side
          </button>
          <button type="button" disabled={count <= 2} onClick={removeSide}>
            Remove side {SIDE_LETTERS[count - 1]}
          </button>
        </div>
        {error && (
          <p role="alert" className="net-error">
            {error}
          </p>
        )}
        <div className="net-dialog-buttons">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={apply}>
            Split
          </button>
        </div>
      </div>
    </div>
  );
}
