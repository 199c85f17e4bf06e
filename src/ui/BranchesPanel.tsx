/**
 * The branch tree (issue 9 item 6): every fork kept; switch, rename, delete, and compare two
 * branches' outcomes (each run to its own end: final state and owner per group, and downtime).
 */
import { useState } from 'react';
import { formatClock, formatDuration } from '../store/format';
import { branchDepths, type Branch, type Outcome } from '../store/branches';
import { useAppStore, useAppStoreApi } from '../store/context';
import type { AppState } from '../store/types';

const selectBranches = (s: AppState) => s.branches;
const selectBranchId = (s: AppState) => s.branchId;

export function BranchesPanel() {
  const branches = useAppStore(selectBranches);
  const current = useAppStore(selectBranchId);
  const depths = branchDepths(branches);
  const [compareWith, setCompareWith] = useState('');
  const other = branches.find((b) => b.id === compareWith && b.id !== current);
  return (
    <section aria-label="Branches" className="branches">
      <h3>Branches ({branches.length})</h3>
      <ul className="branch-list">
        {branches.map((b) => (
          <BranchRow
            key={b.id}
            b={b}
            depth={depths[b.id] ?? 0}
            current={b.id === current}
            only={branches.length === 1}
          />
        ))}
      </ul>
      {branches.length > 1 && (
        <label className="compare-pick">
          Compare the current branch with{' '}
          <select aria-label="Compare with" value={other?.id ?? ''} onChange={(e) => setCompareWith(e.target.value)}>
            <option value="">(choose a branch)</option>
            {branches
              .filter((b) => b.id !== current)
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
          </select>
        </label>
      )}
      {other && <Compare a={branches.find((b) => b.id === current)!} b={other} />}
    </section>
  );
}

function BranchRow({ b, depth, current, only }: { b: Branch; depth: number; current: boolean; only: boolean }) {
  const api = useAppStoreApi();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(b.name);
  const commit = () => {
    api.getState().renameBranch(b.id, name);
    setEditing(false);
  };
  return (
    <li className={`branch${current ? ' current' : ''}`} style={{ paddingLeft: depth * 14 }} aria-current={current}>
      {editing ? (
        <input
          aria-label={`New name for ${b.name}`}
          value={name}
          autoFocus
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setEditing(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="link branch-name"
          disabled={current}
          aria-label={current ? `${b.name} (current)` : `Switch to ${b.name}`}
          onClick={() => api.getState().switchBranch(b.id)}
        >
          {current ? '● ' : '○ '}
          {b.name}
        </button>
      )}
      <span className="muted branch-meta">
        {b.parent ? ` forked at ${formatClock(b.forkedAt)}` : ''} · {b.actions.length} action
        {b.actions.length === 1 ? '' : 's'} · until {formatClock(b.until)}
      </span>
      <span className="branch-buttons">
        <button
          type="button"
          aria-label={`Rename ${b.name}`}
          onClick={() => {
            setName(b.name);
            setEditing(true);
          }}
        >
          Rename
        </button>
        <button
          type="button"
          aria-label={`Delete ${b.name}`}
          disabled={only}
          title={only ? 'The last branch cannot be deleted' : undefined}
          onClick={() => api.getState().deleteBranch(b.id)}
        >
          Delete
        </button>
      </span>
    </li>
  );
}

function Compare({ a, b }: { a: Branch; b: Branch }) {
  const api = useAppStoreApi();
  const oa = api.getState().outcome(a.id);
  const ob = api.getState().outcome(b.id);
  if (!oa || !ob) return <p role="alert">One of the branches cannot run with this scenario.</p>;
  const groups = [...new Set([...Object.keys(oa.groups), ...Object.keys(ob.groups)])];
  const totalA = sum(oa);
  const totalB = sum(ob);
  return (
    <div className="compare">
      <table aria-label="Branch comparison">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">{a.name}</th>
            <th scope="col">{b.name}</th>
            <th scope="col">
              Downtime on "{b.name}" minus "{a.name}"
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const x = oa.groups[g];
            const y = ob.groups[g];
            const diff = (y?.downtime ?? 0) - (x?.downtime ?? 0);
            return (
              <tr key={g}>
                <th scope="row">{g}</th>
                <td>{x ? cell(x) : '—'}</td>
                <td>{y ? cell(y) : '—'}</td>
                <td>{diff === 0 ? 'same' : `${diff > 0 ? '+' : '−'}${formatDuration(Math.abs(diff))}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="compare-verdict">
        Downtime in total: {formatDuration(totalA)} on "{a.name}" (to {formatClock(oa.until)}), {formatDuration(totalB)}{' '}
        on "{b.name}" (to {formatClock(ob.until)}).{' '}
        {oa.quorum !== ob.quorum &&
          `Quorum at the end: ${oa.quorum ? 'yes' : 'lost'} vs ${ob.quorum ? 'yes' : 'lost'}.`}
      </p>
    </div>
  );
}

const cell = (g: { state: string; owner: string | null; downtime: number }) =>
  `${g.state} on ${g.owner ?? '(none)'}, down ${formatDuration(g.downtime)}`;
const sum = (o: Outcome) => Object.values(o.groups).reduce((t, g) => t + g.downtime, 0);
