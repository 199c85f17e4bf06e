/**
 * The what-if lab: every single failure swept on every core, checks over the outcomes, A/B compare
 * and the availability estimate, for the scenario open in Simulate. One integration point:
 *   <WhatIfMode onOpenRun={(at, fault) => ...} onBack={() => ...} />
 * (the app opens a run in Simulate through the store's loadScenario with the fault as a user action).
 */
import { useState } from 'react';
import type { Action } from '../engine';
import { useAppStore, useAppStoreApi } from '../store/context';
import { AvailabilityPanel } from './AvailabilityPanel';
import { ChecksPanel } from './ChecksPanel';
import { ComparePanel } from './ComparePanel';
import { FAMILIES } from './model';
import { workerRunner, type Runner } from './pool';
import { SweepPanel, type SweepResults, type SweepSetup } from './SweepPanel';
import './whatif.css';

type Tab = 'sweep' | 'checks' | 'compare' | 'availability';
const TABS: { id: Tab; label: string }[] = [
  { id: 'sweep', label: 'Sweep' },
  { id: 'checks', label: 'Checks' },
  { id: 'compare', label: 'Compare A/B' },
  { id: 'availability', label: 'Availability' },
];

export interface WhatIfModeProps {
  onOpenRun(at: number, fault: Action): void;
  onBack(): void;
  /** Tests pass an in-thread runner; the app uses Web Workers. */
  runner?: Runner;
}

export function WhatIfMode({ onOpenRun, onBack, runner = workerRunner }: WhatIfModeProps) {
  const api = useAppStoreApi();
  const scenario = useAppStore((s) => s.scenario);
  const [tab, setTab] = useState<Tab>('sweep');
  const [setup, setSetup] = useState<SweepSetup>(() => ({
    families: FAMILIES.filter((f) => f.byDefault).map((f) => f.id),
    instants: String(Math.min(60_000, scenario.until) / 1000),
  }));
  const [results, setResults] = useState<SweepResults | null>(null);
  // Saving checks or rates edits the scenario's `ui` block through the store, so they travel with
  // the file, the session and Copy link (the engine ignores `ui`).
  const saveUi = (key: 'checks' | 'availability') => (value: unknown) => {
    const source = api.getState().source as Record<string, unknown>;
    const ui = source.ui && typeof source.ui === 'object' ? (source.ui as Record<string, unknown>) : {};
    api.getState().loadScenario({ ...source, ui: { ...ui, [key]: value } }, { origin: 'What-if' });
  };
  return (
    <div className="whatif">
      <header className="app-header">
        <h1>Failover Lab</h1>
        <span className="scenario-name">{scenario.name}</span>
        <span className="w-mode">What-if lab</span>
        <button type="button" className="mode-switch" onClick={onBack}>
          ◀ Simulate
        </button>
      </header>
      <div role="tablist" aria-label="What-if tools" className="w-tabs">
        {TABS.map((t) => (
          <button key={t.id} role="tab" type="button" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="w-body">
        {/* The sweep panel stays mounted (hidden) so a running sweep keeps going while another tab is open. */}
        <div hidden={tab !== 'sweep'}>
          <SweepPanel
            scenario={scenario}
            setup={setup}
            onSetup={setSetup}
            runner={runner}
            results={results}
            onResults={setResults}
            onOpen={onOpenRun}
          />
        </div>
        {tab === 'checks' && (
          <ChecksPanel
            scenario={scenario}
            results={results?.details ?? null}
            onSave={saveUi('checks')}
            onOpen={onOpenRun}
          />
        )}
        {tab === 'compare' && (
          <ComparePanel
            sourceA={api.getState().source}
            scenario={scenario}
            setup={setup}
            runner={runner}
            onOpen={onOpenRun}
          />
        )}
        {tab === 'availability' && (
          <AvailabilityPanel scenario={scenario} runner={runner} onSave={saveUi('availability')} />
        )}
      </div>
    </div>
  );
}
