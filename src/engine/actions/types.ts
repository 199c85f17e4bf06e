/**
 * What one script action (contract §2) is, in one place: its arguments, whether it is allowed now,
 * what it does, and its words for the trace, the app, the what-if view and PowerShell. Each action
 * has a file of its own in this folder exporting one `ActionDef`; registry.ts lists them, and every
 * consumer (validation, the coordinator, the app's menus and words, the sweeps) reads the registry.
 */
import type { Action, ActionName } from '../model/scenario';
import type { ActionCheck } from '../model/view';
import type { Engine } from '../cluster/engine';

/** The action object of one name: `ActionOf<'moveGroup'>` is `{ action: 'moveGroup'; group; node? }`. */
export type ActionOf<N extends ActionName> = Extract<Action, { action: N }>;

/** One argument besides `at` and `action`: a name of an element, a boolean, or one of some words. */
export type ArgSpec =
  | { kind: 'node' | 'group' | 'resource'; required: boolean }
  | { kind: 'boolean'; required: boolean }
  /** networks.md §2: a network name; `sides` (arrays of node names); `witness` (side numbers). */
  | { kind: 'network' | 'sides' | 'sideIndexes'; required: boolean }
  | { kind: 'choice'; choices: readonly string[]; required: boolean };

/** The entity an action is about: the menu it is listed in, the subject a sweep template expands over. */
export type ActionSubject = 'node' | 'group' | 'resource' | 'none';

/** One button or menu entry: `label` is unique within its entity (it is the button's accessible name). */
export interface MenuEntry {
  label: string;
  action: Action;
  /** Heading the entry is listed under. */
  section: string;
}

/** The PowerShell equivalent of an action (powershell.md §1.9), or why there is none. */
export type PowerShellLine = { line: string; why?: undefined } | { line: null; why: string };

export interface ActionDef<N extends ActionName> {
  readonly name: N;
  readonly subject: ActionSubject;
  /** Its arguments besides `at` and `action` (contract §2): the entry schema and the editor read them. */
  readonly args: Readonly<Record<string, ArgSpec>>;
  /**
   * A rule across arguments that their specs cannot say, checked once every argument named in
   * `after` has the right type: the tail of the message ("needs …") when the entry breaks it.
   */
  readonly entryRule?: {
    readonly after: readonly string[];
    broken(entry: Readonly<Record<string, unknown>>): string | null;
  };
  /** Allowed now, or the reason it is not (traced as `action.rejected`). */
  check(e: Engine, a: ActionOf<N>): ActionCheck;
  /** What applying it does (only called after `check` allowed it). */
  apply(e: Engine, a: ActionOf<N>): void;
  /** The trace's words: the `reason` of the `action` event. */
  traceText(a: ActionOf<N>): string;
  /** The app's words for an applied or planned action: "crash node SQL-A". */
  uiText(a: ActionOf<N>): string;
  /** The action as a fault in a what-if summary: "crash of NODE1". */
  faultText(a: ActionOf<N>): string;
  /** Its buttons for the entity `name` of its subject (`nodes`: every node's name, in scenario order). */
  menu(name: string, nodes: readonly string[]): MenuEntry[];
  /** Where its entries stand among the entries of its subject: lower first. */
  readonly menuOrder: number;
  powershell(a: ActionOf<N>): PowerShellLine;
}

/** An action's definition, looked up by a name not known statically. */
export type AnyActionDef = ActionDef<ActionName>;

export const OK: ActionCheck = { allowed: true };
export const no = (reason: string): ActionCheck => ({ allowed: false, reason });
/** A name in the trace's words: `"SQL-A"`. */
export const q = (s: string): string => `"${s}"`;

/** Characters PowerShell's tokenizer treats as a single quote (CharTraits.IsSingleQuote). */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** `don't` → `'don''t'`: a PowerShell verbatim literal, every single-quote character doubled (powershell.md §3.1). */
export function psLiteral(text: string): string {
  return `'${text.replace(SINGLE_QUOTES, (c) => c + c)}'`;
}

export const HEALTH_ANSWERS = ['ok', 'fail', 'hang'] as const;
export const CALL_RESULTS = ['ok', 'fail', 'stall', 'hang'] as const;
export const FAILBACK_CHOICES = ['NoFailback', 'Immediate', 'Policy'] as const;

export const NODE_ARG = { kind: 'node', required: true } as const;
export const GROUP_ARG = { kind: 'group', required: true } as const;
export const RESOURCE_ARG = { kind: 'resource', required: true } as const;

/** powershell.md §1.9: the fault injections model the resource DLL's answers. */
export const DLL_ONLY: PowerShellLine = {
  line: null,
  why: "it models the resource DLL's answers: a real cluster has no administrative equivalent",
};

/** powershell.md §1.9: the witness going away or coming back is not an administrator's command. */
export const WITNESS_NO_CMDLET: PowerShellLine = {
  line: null,
  why: 'no cmdlet makes the witness fail or come back: the closest, Stop-ClusterResource / Start-ClusterResource on the witness resource, is an administrative act, not a failure',
};
