/** Design toolbar: history, adding elements (the resource palette), layout, files, designs, Simulate. */
import { useRef, useState } from 'react';
import { RESOURCE_TYPES, readScenarioJson, validateScenario } from '../engine';
import { exportPowerShellWithNotes, type PowerShellExport } from '../design/powershellExport';
import { ExportDialog } from './ExportDialog';
import { useEditor, useEditorApi } from './context';
import { downloadText, fileBase, scenarioFileText } from './download';
import type { DesignSession } from './session';
import {
  addGroup,
  addNode,
  addResource,
  asRawScenario,
  emptyScenario,
  findResource,
  groupsOf,
  setPositions,
} from '../design/edit/ops';
import type { EditorState } from './store/editorStore';
import { encodeShareHash } from '../store/session';

/** The group new resources go to: the selected group, the selected resource's group, else the last group. */
export function targetGroup(s: EditorState): string | null {
  const sel = s.selection;
  if (sel?.kind === 'group') return sel.name;
  if (sel?.kind === 'resource') return findResource(s.raw, sel.name)?.group.name ?? null;
  if (sel?.kind === 'edge') return findResource(s.raw, sel.dependent)?.group.name ?? null;
  const gs = groupsOf(s.raw);
  return gs.length ? gs[gs.length - 1]!.name : null;
}

export function Toolbar({
  session,
  onSimulate,
  onToggleDesigns,
  onImport,
  onImage,
  simulated,
}: {
  session: DesignSession;
  /** The scenario open in Simulate (raw JSON), to edit a copy of it. */
  simulated: unknown;
  onSimulate: () => void;
  onToggleDesigns: () => void;
  onImport: () => void;
  onImage: (kind: 'png' | 'svg') => void;
}) {
  const api = useEditorApi();
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const errors = useEditor((s) => s.errors.length);
  const group = useEditor(targetGroup);
  const fileRef = useRef<HTMLInputElement>(null);
  const [laying, setLaying] = useState(false);

  const add = (type: string) => {
    const g = targetGroup(api.getState());
    const r = api.getState().edit((raw) => addResource(raw, g ?? '', type));
    if (r.ok) {
      const added = groupsOf(r.raw)
        .find((x) => x.name === g)
        ?.resources?.at(-1)?.name;
      if (added) api.getState().select({ kind: 'resource', name: added });
    }
  };
  const layout = async () => {
    setLaying(true);
    try {
      const { autoLayout } = await import('./canvas/autoLayout');
      const positions = await autoLayout(api.getState().raw);
      api.getState().edit((raw) => setPositions(raw, positions), { quiet: true });
      api.getState().say('Laid out with elkjs (layered): providers below their dependents');
    } catch (e) {
      api.getState().say(`Auto layout failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setLaying(false);
    }
  };
  const openFile = async (file: File) => {
    // The engine's reader: a file that is not UTF-8 or repeats a key is refused with the place (contract §1).
    const read = readScenarioJson(new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) {
      api.getState().say(`"${file.name}": ${read.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, 'error');
      return;
    }
    const r = asRawScenario(read.json);
    if (!r.ok) {
      api.getState().say(`"${file.name}": ${r.reason}`, 'error');
      return;
    }
    await session.fresh(r.raw);
    api.getState().say(`Opened "${file.name}" as a new design`);
  };
  // A share link opens the design in Simulate, paused at t = 0, positions included (its `ui` block).
  const [link, setLink] = useState<string | null>(null);
  const copyLink = async () => {
    const url = `${location.origin}${location.pathname}${encodeShareHash(api.getState().raw, [])}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      api.getState().say('Share link copied: it opens this design in Simulate at t = 0');
    } catch {
      api.getState().say('Clipboard blocked: copy the share link from the field');
    }
  };
  const [exported, setExported] = useState<{ result: PowerShellExport; fileName: string } | null>(null);
  const exportPs = () => {
    const v = validateScenario(api.getState().raw);
    if (!v.ok) {
      api.getState().say('Fix the errors first: the PowerShell script is made from a valid design', 'error');
      return;
    }
    setExported({
      result: exportPowerShellWithNotes(v.scenario),
      fileName: `${fileBase(api.getState().raw.name)}.ps1`,
    });
  };

  return (
    <>
      {exported && (
        <ExportDialog result={exported.result} fileName={exported.fileName} onClose={() => setExported(null)} />
      )}
      <div className="d-toolbar" role="toolbar" aria-label="Design tools">
        <div className="d-tool-group">
          <button type="button" onClick={() => api.getState().undo()} disabled={!canUndo} title="Ctrl+Z">
            Undo
          </button>
          <button type="button" onClick={() => api.getState().redo()} disabled={!canRedo} title="Ctrl+Shift+Z">
            Redo
          </button>
        </div>
        <div className="d-tool-group">
          <button
            type="button"
            onClick={() => {
              const r = api.getState().edit((raw) => addNode(raw));
              if (r.ok) api.getState().select({ kind: 'node', name: r.raw.nodes!.at(-1)!.name });
            }}
          >
            Add node
          </button>
          <button
            type="button"
            onClick={() => {
              const r = api.getState().edit((raw) => addGroup(raw));
              if (r.ok) api.getState().select({ kind: 'group', name: r.raw.groups!.at(-1)!.name });
            }}
          >
            Add group
          </button>
        </div>
        <div
          className="d-tool-group d-palette"
          role="group"
          aria-label={group ? `Add a resource to ${group}` : 'Add a resource (add a group first)'}
        >
          <span className="muted">Add to {group ? <span className="d-name">{group}</span> : '(no group)'}:</span>
          {RESOURCE_TYPES.map((t) => (
            <button
              key={t.type}
              type="button"
              className="small"
              disabled={!group}
              aria-label={`Add ${t.type}`}
              onClick={() => add(t.type)}
            >
              {t.type}
            </button>
          ))}
        </div>
        <div className="d-tool-group">
          <button type="button" onClick={() => void layout()} disabled={laying}>
            {laying ? 'Laying out…' : 'Auto layout'}
          </button>
        </div>
        <div className="d-tool-group">
          <button
            type="button"
            onClick={() =>
              downloadText(
                `${fileBase(api.getState().raw.name)}.json`,
                scenarioFileText(api.getState().raw),
                'application/json',
              )
            }
          >
            Download JSON
          </button>
          <button type="button" onClick={() => fileRef.current?.click()}>
            Open JSON…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Open a scenario JSON file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void openFile(f);
            }}
          />
          <button type="button" onClick={exportPs} disabled={errors > 0}>
            Export PowerShell…
          </button>
          <button type="button" onClick={() => onImage('png')}>
            PNG
          </button>
          <button type="button" onClick={() => onImage('svg')}>
            SVG
          </button>
          <button type="button" onClick={onImport}>
            Import from a real cluster…
          </button>
          <button type="button" onClick={() => void copyLink()}>
            Copy link
          </button>
          {link && (
            <input
              className="d-link"
              readOnly
              value={link}
              aria-label="Share link"
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
        </div>
        <div className="d-tool-group">
          <button type="button" onClick={() => void session.fresh(emptyScenario())}>
            New design
          </button>
          {asRawScenario(simulated).ok && (
            <button
              type="button"
              onClick={() => {
                const r = asRawScenario(simulated);
                if (r.ok)
                  void session
                    .fresh(r.raw)
                    .then(() => api.getState().say('Opened a copy of the scenario from Simulate as a new design'));
              }}
            >
              Edit Simulate's scenario
            </button>
          )}
          <button type="button" onClick={onToggleDesigns}>
            Designs…
          </button>
        </div>
        <div className="d-tool-group d-simulate">
          <button
            type="button"
            className="primary"
            onClick={onSimulate}
            aria-disabled={errors > 0 ? true : undefined}
            title={errors > 0 ? 'Fix the errors listed under Problems first' : 'Run this design from t=0'}
          >
            Simulate ▶
          </button>
          {errors > 0 && (
            <span className="d-error">
              {errors} error{errors === 1 ? '' : 's'} block simulation
            </span>
          )}
        </div>
      </div>
    </>
  );
}
