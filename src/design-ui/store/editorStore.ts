/**
 * The Design editor's own store (vanilla zustand): the raw scenario JSON being edited, an undo/redo
 * history of snapshots, the selection and the last message. Every edit goes through `edit(op)`:
 * one successful edit = one history step; a refused edit changes nothing and shows its reason.
 * The engine's validation and the lint run on every change (derived, kept with the raw JSON).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { validateScenario, type ValidationIssue } from '../../engine';
import { lintScenario, type LintWarning } from '../../design/lint';
import {
  emptyScenario,
  findElement,
  findResource,
  providersOf,
  type EditResult,
  type ElementRef,
  type RawScenario,
} from '../../design/edit/ops';

export const HISTORY_LIMIT = 200;

/** The selected element (by kind and name: a group and a resource may share a name) or dependency. */
export type Selection = ElementRef | { kind: 'edge'; dependent: string; provider: string } | null;

export interface EditorMessage {
  text: string;
  tone: 'info' | 'error';
  /** Screen position (client coordinates) to show it at, for refusals at a drop. */
  at?: { x: number; y: number };
  /** Increases with every message so the same text twice still re-shows. */
  seq: number;
}

export interface Derived {
  errors: ValidationIssue[];
  warnings: LintWarning[];
}

export interface EditorState extends Derived {
  raw: RawScenario;
  past: RawScenario[];
  future: RawScenario[];
  /** Increases with every change of `raw` (edits, undo, redo, load): autosave watches it. */
  revision: number;
  selection: Selection;
  message: EditorMessage | null;
  designId: string | null;

  edit(op: (raw: RawScenario) => EditResult, opts?: { at?: { x: number; y: number }; quiet?: boolean }): EditResult;
  undo(): void;
  redo(): void;
  /** Replaces the document (open a design): history starts afresh. */
  load(raw: RawScenario, designId: string | null): void;
  select(sel: Selection): void;
  say(text: string, tone?: 'info' | 'error', at?: { x: number; y: number }): void;
  dismissMessage(): void;
}

export type EditorStore = StoreApi<EditorState>;

export function derive(raw: RawScenario): Derived {
  const v = validateScenario(raw);
  if (!v.ok) return { errors: v.errors, warnings: [] };
  return { errors: [], warnings: lintScenario(v.scenario) };
}

/** Drops a selection that names something no longer in the document (looked up by kind and name). */
function keepSelection(sel: Selection, raw: RawScenario): Selection {
  if (!sel) return null;
  if (sel.kind === 'edge') {
    const found = findResource(raw, sel.dependent);
    return found && providersOf(found.resource).includes(sel.provider) ? sel : null;
  }
  return findElement(raw, sel) ? sel : null;
}

export function createEditorStore(initial: RawScenario = emptyScenario(), designId: string | null = null): EditorStore {
  let seq = 0;
  return createStore<EditorState>()((set, get) => ({
    raw: initial,
    ...derive(initial),
    past: [],
    future: [],
    revision: 0,
    selection: null,
    message: null,
    designId,

    edit(op, opts = {}) {
      const { raw, past, revision } = get();
      const result = op(raw);
      if (!result.ok) {
        set({ message: { text: result.reason, tone: 'error', at: opts.at, seq: ++seq } });
        return result;
      }
      if (result.raw === raw || JSON.stringify(result.raw) === JSON.stringify(raw)) return result;
      set({
        raw: result.raw,
        ...derive(result.raw),
        past: [...past, raw].slice(-HISTORY_LIMIT),
        future: [],
        revision: revision + 1,
        selection: keepSelection(get().selection, result.raw),
        message: result.message && !opts.quiet ? { text: result.message, tone: 'info', seq: ++seq } : get().message,
      });
      return result;
    },
    undo() {
      const { raw, past, future, revision } = get();
      if (!past.length) return;
      const prev = past[past.length - 1]!;
      set({
        raw: prev,
        ...derive(prev),
        past: past.slice(0, -1),
        future: [raw, ...future],
        revision: revision + 1,
        selection: keepSelection(get().selection, prev),
        message: { text: 'Undone', tone: 'info', seq: ++seq },
      });
    },
    redo() {
      const { raw, past, future, revision } = get();
      if (!future.length) return;
      const next = future[0]!;
      set({
        raw: next,
        ...derive(next),
        past: [...past, raw].slice(-HISTORY_LIMIT),
        future: future.slice(1),
        revision: revision + 1,
        selection: keepSelection(get().selection, next),
        message: { text: 'Redone', tone: 'info', seq: ++seq },
      });
    },
    load(raw, id) {
      set({
        raw,
        ...derive(raw),
        past: [],
        future: [],
        revision: get().revision + 1,
        selection: null,
        message: null,
        designId: id,
      });
    },
    select(selection) {
      set({ selection });
    },
    say(text, tone = 'info', at) {
      set({ message: { text, tone, at, seq: ++seq } });
    },
    dismissMessage() {
      set({ message: null });
    },
  }));
}
