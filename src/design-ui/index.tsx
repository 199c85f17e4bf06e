/**
 * Design mode: the editor for the raw scenario JSON. The one integration point with the app:
 *   <DesignMode initialScenario={...} onSimulate={(raw) => ...} />
 * `initialScenario` seeds the first design when the browser has none saved; afterwards the last
 * design open is restored (IndexedDB). `onSimulate` receives the raw scenario JSON, only when the
 * engine accepts it.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ReactFlowProvider, getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { EditorProvider, useEditor, useEditorApi } from './context';
import { DesignCanvas } from './canvas/DesignCanvas';
import { DesignInspector } from './inspector/DesignInspector';
import { LintPanel } from './LintPanel';
import { Toolbar } from './Toolbar';
import { DesignsPanel } from './DesignsPanel';
import { ImportDialog } from './ImportDialog';
import { downloadBlob, downloadText, fileBase } from './download';
import { pageSession, type DesignSession } from './session';
import type { RawScenario } from '../design/edit/ops';
import { deleteElement, removeDependency } from '../design/edit/ops';
import './design.css';

export interface DesignModeProps {
  initialScenario: unknown;
  onSimulate(rawScenarioJson: unknown): void;
  /** Tests pass their own session (memory storage). */
  session?: DesignSession;
}

export function DesignMode({ initialScenario, onSimulate, session: given }: DesignModeProps) {
  const [session] = useState(() => given ?? pageSession(initialScenario));
  const ready = useReady(session);
  return (
    <EditorProvider store={session.store}>
      <ReactFlowProvider>
        {ready ? (
          <DesignWorkspace session={session} onSimulate={onSimulate} simulated={initialScenario} />
        ) : (
          <p className="d-loading">Loading designs…</p>
        )}
      </ReactFlowProvider>
    </EditorProvider>
  );
}

function useReady(session: DesignSession): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void session.ready.then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [session]);
  return ready;
}

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

function DesignWorkspace({
  session,
  onSimulate,
  simulated,
}: {
  session: DesignSession;
  onSimulate: (raw: unknown) => void;
  simulated: unknown;
}) {
  const api = useEditorApi();
  const [designsOpen, setDesignsOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const title = useEditor((s) => (typeof s.raw.name === 'string' && s.raw.name) || 'Untitled design');
  const { getNodes } = useReactFlow();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) api.getState().redo();
        else api.getState().undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        api.getState().redo();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !mod) {
        const sel = api.getState().selection;
        if (!sel) return;
        e.preventDefault();
        if (sel.kind === 'edge') api.getState().edit((r) => removeDependency(r, sel.dependent, sel.provider));
        else api.getState().edit((r) => deleteElement(r, sel));
      } else if (e.key === 'Escape') api.getState().select(null);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [api]);

  const simulate = () => {
    const { errors, raw } = api.getState();
    if (errors.length) {
      api
        .getState()
        .say(
          `The simulator would reject this design: ${errors.length} error${errors.length === 1 ? '' : 's'}, listed under Problems (first: ${errors[0]!.path}: ${errors[0]!.message})`,
          'error',
        );
      return;
    }
    void session.autosave.flush();
    onSimulate(structuredClone(raw));
  };

  const image = async (kind: 'png' | 'svg') => {
    const viewport = document.querySelector<HTMLElement>('.d-canvas .react-flow__viewport');
    const nodes = getNodes();
    if (!viewport || nodes.length === 0) {
      api.getState().say('Nothing to draw yet', 'error');
      return;
    }
    const bounds = getNodesBounds(nodes);
    const width = Math.ceil(bounds.width + 80);
    const height = Math.ceil(bounds.height + 80);
    const vp = getViewportForBounds(bounds, width, height, 0.2, 2, 40);
    const { toPng, toSvg } = await import('html-to-image');
    const opts = {
      backgroundColor: '#ffffff',
      width,
      height,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})`,
      },
    };
    try {
      const base = fileBase(api.getState().raw.name);
      if (kind === 'png') downloadBlob(`${base}.png`, await (await fetch(await toPng(viewport, opts))).blob());
      else
        downloadText(
          `${base}.svg`,
          decodeURIComponent((await toSvg(viewport, opts)).replace(/^data:image\/svg\+xml;charset=utf-8,/, '')),
          'image/svg+xml',
        );
    } catch (e) {
      api.getState().say(`Could not draw the image: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  };

  return (
    <div className="design-mode">
      <header className="d-header">
        <h1>
          <span className="d-mode-tag">Design</span> <span className="d-name">{title}</span>
        </h1>
        <SaveState session={session} />
      </header>
      <Toolbar
        session={session}
        simulated={simulated}
        onSimulate={simulate}
        onToggleDesigns={() => setDesignsOpen((o) => !o)}
        onImport={() => setImporting(true)}
        onImage={(k) => void image(k)}
      />
      <Toast />
      {designsOpen && <DesignsPanel session={session} onClose={() => setDesignsOpen(false)} />}
      <main className="d-workspace">
        <DesignCanvas />
        <DesignInspector />
      </main>
      <LintPanel />
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onImport={(raw: RawScenario, warnings) => {
            void session
              .fresh(raw)
              .then(() =>
                api
                  .getState()
                  .say(
                    `Imported the cluster as a new design${warnings.length ? ` (${warnings.length} note${warnings.length === 1 ? '' : 's'}, listed in the import dialog)` : ''}`,
                  ),
              );
          }}
        />
      )}
    </div>
  );
}

function SaveState({ session }: { session: DesignSession }) {
  const saved = useSyncExternalStore(
    (f) => session.onListChange(f),
    () => session.savedRevision,
  );
  const revision = useEditor((s) => s.revision);
  return (
    <span className="muted d-saved" aria-live="polite">
      {saved >= revision ? 'Saved in this browser' : 'Saving…'}
    </span>
  );
}

function Toast() {
  const api = useEditorApi();
  const message = useEditor((s) => s.message);
  useEffect(() => {
    if (!message || message.tone === 'error') return;
    const t = setTimeout(() => {
      if (api.getState().message?.seq === message.seq) api.getState().dismissMessage();
    }, 6000);
    return () => clearTimeout(t);
  }, [message, api]);
  if (!message) return <div className="d-toast-slot" />;
  const style = message.at
    ? { position: 'fixed' as const, left: Math.min(message.at.x + 14, innerWidth - 380), top: message.at.y + 14 }
    : undefined;
  return (
    <div className="d-toast-slot">
      <div
        className={`d-toast is-${message.tone}${message.at ? ' at-pointer' : ''}`}
        style={style}
        role={message.tone === 'error' ? 'alert' : 'status'}
      >
        <span>
          {message.tone === 'error' ? 'Refused: ' : ''}
          {message.text}
        </span>
        <button
          type="button"
          className="small"
          aria-label="Dismiss message"
          onClick={() => api.getState().dismissMessage()}
        >
          ✕
        </button>
      </div>
    </div>
  );
}
