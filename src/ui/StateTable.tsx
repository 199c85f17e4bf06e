/** Every node, group and resource with its state and owner: the accessible twin of the canvas. */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectScenario } from '../store/selectors';
import type { AppState, EntityKind } from '../store/types';

const pick = (kind: EntityKind, name: string) => (s: AppState): [string, string] => {
  if (kind === 'node') return [s.index.nodes[name]?.state ?? '', ''];
  if (kind === 'group') {
    const g = s.index.groups[name];
    return [g?.state ?? '', g?.owner ?? ''];
  }
  const r = s.index.resources[name];
  // A resource's owner is its group's owner node (the contract's `node` field).
  return [r?.state ?? '', r?.node ?? ''];
};

const Row = memo(function Row({ kind, name }: { kind: EntityKind; name: string }) {
  const [state, owner] = useAppStore(useShallow(pick(kind, name)));
  const selected = useAppStore((s) => s.selected?.kind === kind && s.selected.name === name);
  const api = useAppStoreApi();
  return (
    <tr className={selected ? 'is-selected' : undefined} data-state={state}>
      <td>
        <button type="button" className="link" onClick={() => api.getState().select({ kind, name })}>{name}</button>
      </td>
      <td>{kind}</td>
      <td className={`state-text state-${state}`}>{state}</td>
      <td>{owner}</td>
    </tr>
  );
});

export function StateTable() {
  const scenario = useAppStore(selectScenario);
  return (
    <div className="table-wrap">
      <table aria-label="Cluster state" className="state-table">
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col">Owner</th></tr>
        </thead>
        <tbody>
          {scenario.nodes.map((n) => <Row key={`n:${n.name}`} kind="node" name={n.name} />)}
          {scenario.groups.map((g) => <Row key={`g:${g.name}`} kind="group" name={g.name} />)}
          {scenario.groups.flatMap((g) => g.resources).map((r) => <Row key={`r:${r.name}`} kind="resource" name={r.name} />)}
        </tbody>
      </table>
    </div>
  );
}
