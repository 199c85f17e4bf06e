/** Scenario name, built-in picker, "Open scenario" (file), "Copy link" and the switch to Design mode. */
import { useRef, useState } from 'react';
import { BUILTINS } from '../store/builtins';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectScenario } from '../store/selectors';
import { BRANCHES_LINK_LIMIT, encodeBranchesHash } from '../store/session';

export function Header({ onDesign, onWhatIf }: { onDesign?: () => void; onWhatIf?: () => void } = {}) {
  const api = useAppStoreApi();
  const scenario = useAppStore(selectScenario);
  const fileInput = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);

  const openFile = async (file: File) => {
    api.getState().loadScenarioText(new Uint8Array(await file.arrayBuffer()), `"${file.name}"`);
  };

  const copyLink = async () => {
    const s = api.getState();
    const packed = encodeBranchesHash(s.source, s.actions, s.branches, s.branchId);
    const url = `${location.origin}${location.pathname}${packed.hash}`;
    // Too many branches for one link: the current one travels, and the user is told which did not.
    const left = packed.omitted
      ? ` (only the current branch: all ${s.branches.length} would add ${packed.branchesLength.toLocaleString('en-US')} characters, over ${BRANCHES_LINK_LIMIT.toLocaleString('en-US')}; they stay saved in this browser)`
      : '';
    // The link is also shown in a field, for copying by hand when the clipboard is blocked. It is
    // not put in the address bar: a reload there would reopen the link at t = 0, not the session.
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(`Link copied${left}`);
    } catch {
      setCopied(`Clipboard blocked: copy the link from the field${left}`);
    }
  };

  return (
    <header className="app-header">
      <h1>Failover Lab</h1>
      <span className="scenario-name" title={scenario.description} data-testid="scenario-name">
        {scenario.name}
      </span>
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
          {BUILTINS.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open scenario…
      </button>
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
      <button type="button" onClick={() => void copyLink()}>
        Copy link
      </button>
      {link && (
        <input
          className="share-link"
          readOnly
          aria-label="Share link"
          value={link}
          onFocus={(e) => e.target.select()}
        />
      )}
      <span role="status" className="copied">
        {copied}
      </span>
      {onDesign && (
        <button
          type="button"
          className="mode-switch"
          onClick={onDesign}
          title="Edit this cluster's layout, owners and properties"
        >
          Design ✎
        </button>
      )}
      {onWhatIf && (
        <button
          type="button"
          className="mode-switch mode-switch-whatif"
          onClick={onWhatIf}
          title="Sweep every single failure, check the outcomes, compare designs, estimate availability"
        >
          What-if ⚡
        </button>
      )}
    </header>
  );
}
