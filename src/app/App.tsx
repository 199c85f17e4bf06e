/** The page: header, notices, time controls, canvas + inspector, then the log and the table. */
import type { DragEvent } from 'react';
import { lazy, Suspense, useState } from 'react';
import { useAppStoreApi } from '../store/context';
import { effectiveSource } from '../store/branches';
import type { AppState } from '../store/types';
import { ClusterCanvas } from '../ui/canvas/ClusterCanvas';
import { EventLog } from '../ui/EventLog';
import { Header } from '../ui/Header';
import { Inspector } from '../ui/Inspector';
import { Notices } from '../ui/Notices';
import { StateTable } from '../ui/StateTable';
import { TimeControls } from '../ui/TimeControls';
import { Timeline } from '../ui/Timeline';
import { Splitter } from '../ui/layout/Splitter';
import { useSimulateLayout } from '../ui/layout/useSimulateLayout';

// Design mode (src/design-ui) is loaded on first use, so Simulate's first load does not carry the editor.
const DesignMode = lazy(() => import('../design-ui').then((m) => ({ default: m.DesignMode })));
// Lessons (src/lesson-ui): the list, the player's "Lesson" region, the recorder, #lesson= links.
const LessonHost = lazy(() => import('../lesson-ui'));
// The what-if lab (src/whatif-ui) likewise.
const WhatIfMode = lazy(() => import('../whatif-ui').then((m) => ({ default: m.WhatIfMode })));

export function App() {
  const api = useAppStoreApi();
  const [dragging, setDragging] = useState(false);
  const [mode, setMode] = useState<'simulate' | 'design' | 'whatif'>('simulate');
  const layout = useSimulateLayout(mode === 'simulate');
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) api.getState().loadScenarioText(new Uint8Array(await file.arrayBuffer()), `"${file.name}"`);
  };
  if (mode === 'design') {
    return (
      <Suspense fallback={<p>Loading Design mode…</p>}>
        <DesignMode
          initialScenario={currentSource(api.getState())}
          onSimulate={(raw) => {
            // carry: the applied actions whose targets still exist, and the time (dropped ones are named).
            if (api.getState().loadScenario(raw, { origin: 'Design', carry: true })) setMode('simulate');
          }}
        />
      </Suspense>
    );
  }
  if (mode === 'whatif') {
    return (
      <Suspense fallback={<p>Loading the what-if lab…</p>}>
        <WhatIfMode
          onBack={() => setMode('simulate')}
          onOpenRun={(at, fault) => {
            // The run as Simulate plays it: the fault as a user action at its instant, standing there.
            const s = api.getState();
            if (s.loadScenario(s.source, { origin: 'What-if', actions: [{ at, action: fault }], t: at }))
              setMode('simulate');
          }}
        />
      </Suspense>
    );
  }
  return (
    <div
      className={`app${dragging ? ' is-dragging' : ''} ${layout.className}`}
      style={layout.style}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => void onDrop(e)}
    >
      <Header onDesign={() => setMode('design')} onWhatIf={() => setMode('whatif')} />
      <Notices />
      {/* The lesson bar is lazy: its slot keeps its height meanwhile, so the page never shifts. */}
      <Suspense fallback={<div className="lesson-bar-slot" aria-hidden="true" />}>
        <LessonHost />
      </Suspense>
      <TimeControls />
      <main className="workspace">
        <ClusterCanvas />
        <Splitter id="inspector" />
        <Inspector />
      </main>
      <Splitter id="timeline" />
      <Timeline />
      <Splitter id="bottom" />
      <div className="bottom-band">
        <EventLog />
        <Splitter id="table" before="log" />
        <StateTable />
      </div>
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          Drop a scenario JSON file to open it
        </div>
      )}
    </div>
  );
}

/** Simulate's scenario as it runs now: the loaded one with the current branch's script and run length. */
function currentSource(s: AppState): unknown {
  const b = s.branches.find((x) => x.id === s.branchId);
  return b ? effectiveSource(s.source, b) : s.source;
}
