/**
 * One run of A and B played side by side: two stores, two canvases, one clock. A's time controls
 * drive A; B follows every change of A's time (seek), so both always show the same instant.
 */
import { useEffect, useState } from 'react';
import { createSimulation, humanMs, validateScenario, type Action, type Semantics } from '../engine';
import { createAppStore } from '../store/createAppStore';
import { StoreProvider, useAppStore } from '../store/context';
import type { AppState, EngineApi } from '../store/types';
import { ClusterCanvas } from '../ui/canvas/ClusterCanvas';
import { TimeControls } from '../ui/TimeControls';
import { describeFault } from '../sweep/words';

export interface ABRun {
  sourceA: unknown;
  sourceB: unknown;
  semanticsB?: Partial<Semantics>;
  labelB: string;
  at: number;
  fault: Action;
}

const selectGroups = (s: AppState) => s.view.groups;

function GroupStates({ label }: { label: string }) {
  const groups = useAppStore(selectGroups);
  return (
    <ul className="w-ab-groups" aria-label={`${label} group states`}>
      {groups.map((g) => (
        <li key={g.name}>
          {g.name}: <strong>{g.state}</strong> on {g.owner ?? 'no node'}
        </li>
      ))}
    </ul>
  );
}

export function ABPlayer({ run, onClose }: { run: ABRun; onClose(): void }) {
  const [stores] = useState(() => {
    const engineA: EngineApi = { createSimulation, validateScenario };
    const engineB: EngineApi = run.semanticsB
      ? {
          createSimulation: (s, o) => createSimulation(s, { ...o, semantics: { ...o?.semantics, ...run.semanticsB } }),
          validateScenario,
        }
      : engineA;
    const raf = (cb: (ts: number) => void) => requestAnimationFrame(cb);
    const caf = (id: number) => cancelAnimationFrame(id);
    const actions = [{ at: run.at, action: run.fault }];
    const a = createAppStore({ engine: engineA, raf, caf }, run.sourceA);
    const b = createAppStore({ engine: engineB }, run.sourceB);
    a.getState().loadScenario(run.sourceA, { origin: 'A', actions, t: run.at });
    b.getState().loadScenario(run.sourceB, { origin: 'B', actions, t: run.at });
    return { a, b };
  });
  // One clock: B follows A.
  useEffect(
    () =>
      stores.a.subscribe((s, prev) => {
        if (s.view.t !== prev.view.t) stores.b.getState().seek(s.view.t);
      }),
    [stores],
  );
  useEffect(() => () => stores.a.getState().pause(), [stores]);
  return (
    <section className="w-ab-player" aria-label="A and B side by side">
      <div className="w-row">
        <strong>
          {describeFault(run.fault)} at {humanMs(run.at)}
        </strong>
        <button type="button" onClick={onClose}>
          Close side by side
        </button>
      </div>
      <StoreProvider store={stores.a}>
        <TimeControls />
      </StoreProvider>
      <div className="w-ab-sides">
        <StoreProvider store={stores.a}>
          <div className="w-ab-side" aria-label="A">
            <h3>A: the scenario</h3>
            <GroupStates label="A" />
            <div className="w-ab-canvas">
              <ClusterCanvas />
            </div>
          </div>
        </StoreProvider>
        <StoreProvider store={stores.b}>
          <div className="w-ab-side" aria-label="B">
            <h3>B: {run.labelB}</h3>
            <GroupStates label="B" />
            <div className="w-ab-canvas">
              <ClusterCanvas />
            </div>
          </div>
        </StoreProvider>
      </div>
    </section>
  );
}
