/** Scenario name, built-in picker, "Open scenario" (file) and "Copy link". */
import { useRef, useState } from 'react';
import { BUILTINS } from '../app/builtins';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectScenario } from '../store/selectors';
import { encodeShareHash } from '../store/session';

export function Header() {
  const api = useAppStoreApi();
  const scenario = useAppStore(selectScenario);
  const fileInput = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const openFile = async (file: File) => {
    api.getState().loadScenarioText(await file.text(), `"${file.name}"`);
  };

  const copyLink = async () => {
    const s = api.getState();
    const url = `${location.origin}${location.pathname}${encodeShareHash(s.source, s.actions)}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied');
    } catch {
      setCopied('Copy failed: the link is in the address bar');
    }
    // The address bar shows the link too, so it can be copied by hand when the clipboard is blocked.
    history.replaceState(null, '', url);
    setTimeout(() => setCopied(null), 2500);
  };

  return (
    <header className="app-header">
      <h1>Failover Lab</h1>
      <span className="scenario-name" title={scenario.description} data-testid="scenario-name">{scenario.name}</span>
      <label>
        <span className="visually-hidden">Built-in scenario</span>
        <select
          aria-label="Built-in scenario"
          value=""
          onChange={(e) => {
            const b = BUILTINS.find((x) => x.id === e.target.value);
            if (b) api.getState().loadScenario(b.source, { origin: b.title });
          }}
        >
          <option value="">Load a built-in scenario…</option>
          {BUILTINS.map((b) => <option key={b.id} value={b.id}>{b.title}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => fileInput.current?.click()}>Open scenario…</button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-label="Scenario file"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void openFile(f);
          e.target.value = '';
        }}
      />
      <button type="button" onClick={() => void copyLink()}>Copy link</button>
      <span role="status" className="copied">{copied}</span>
    </header>
  );
}
