/** The app store's shape: a projection of the running simulation plus the commands that drive it. */
import type { AppliedAction, Action, Scenario, ValidationIssue, TraceEvent, ActionCheck, FrameView } from '../engine';
import type { EngineApi } from './engineApi';
import type { EntityRef } from './entityRef';
import type { ViewIndex } from './viewIndex';
import type { Branch, Outcome } from './branches';

export type { AppliedAction };
// Leaf files (they import nothing of the store), so that branches.ts and refs.ts, which this file
// imports, need not import it back; re-exported here for the store's users.
export type { EngineApi } from './engineApi';
export type { EntityKind, EntityRef } from './entityRef';

/** Where the store keeps the session between reloads; injected so tests use memory. */
export interface SessionStorage {
  load(): string | null;
  save(text: string): void;
}

export interface StoreDeps {
  engine: EngineApi;
  /** Frame scheduler for playback (requestAnimationFrame in the browser). */
  raf?: (cb: (ts: number) => void) => number;
  caf?: (id: number) => void;
}

/** A problem loading a scenario: where it came from and the validator's issues. */
export interface LoadError {
  origin: string;
  issues: ValidationIssue[];
}

export interface SimulationSlice {
  /** The scenario as loaded (raw JSON): what persistence and share links carry. */
  source: unknown;
  /** `source` validated: the script and run length as loaded. */
  base: Scenario;
  /** What runs: `base` with the current branch's script and `until` (./branches). */
  scenario: Scenario;
  /** Every timeline of this scenario kept so far (a fork never drops a future). */
  branches: Branch[];
  branchId: string;
  view: FrameView;
  /** Name lookups over `view`. */
  index: ViewIndex;
  /** Trace events up to now. */
  events: readonly TraceEvent[];
  /** The latest decision (policy or owner change) concerning each group, node or resource. */
  decisions: Record<string, TraceEvent>;
  /** The longest trace seen on this timeline: after a rewind, events beyond now are what will happen. */
  horizon: readonly TraceEvent[];
  /** The user's actions on this timeline; the first `appliedCount` are applied, the rest wait for their time. */
  actions: AppliedAction[];
  appliedCount: number;
  loadError: LoadError | null;
  /** Transient message ("forked a new branch"). */
  notice: string | null;
  /** The branch the notice offers to switch back to. */
  noticeBranch: string | null;
  /** Last refused action and why. */
  refusal: { action: Action; reason: string } | null;

  /** Validate and load; on failure keep the current scenario and set loadError. Returns success. */
  loadScenario(source: unknown, opts?: LoadOptions): boolean;
  /** Like loadScenario but from file text (JSON syntax errors reported as issues). */
  /** A file's text or, better, its bytes (then a file that is not UTF-8 is refused, not silently mended). */
  loadScenarioText(file: string | Uint8Array, origin: string): boolean;
  seek(t: number): void;
  stepToNextEvent(): void;
  runToEnd(): void;
  check(action: Action): ActionCheck;
  apply(action: Action): ActionCheck;
  nextEventTime(): number | null;
  dismissLoadError(): void;
  dismissNotice(): void;

  /** Change the current branch's run length in place (actions and script kept). Null or the reason. */
  setUntil(until: number): string | null;
  /** Remove, move or add an upcoming action (scripted or the user's): a fork like any other action. */
  editUpcoming(edit: UpcomingEdit): string | null;
  switchBranch(id: string): void;
  renameBranch(id: string, name: string): void;
  deleteBranch(id: string): void;
  /** Each branch run to its own end (cached). */
  outcome(id: string): Outcome | null;
}

export interface LoadOptions {
  origin?: string;
  actions?: AppliedAction[];
  t?: number;
  branches?: Branch[];
  branchId?: string;
  /** Design → Simulate: keep the current actions whose targets still exist, and the time. */
  carry?: boolean;
}

/** An upcoming entry: the script's entry at `index`, or the user's waiting action at `index`. */
export type UpcomingRef = { source: 'script' | 'user'; index: number };
export type UpcomingEdit =
  | (UpcomingRef & { kind: 'remove' })
  | (UpcomingRef & { kind: 'move'; at: number })
  | { kind: 'add'; at: number; action: Action };

export interface PlaybackSlice {
  playing: boolean;
  speed: number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  /** Advance playback by a real-time delta (ms); the frame loop calls this. Exposed for tests. */
  tick(realDeltaMs: number): void;
}

export interface LogFilter {
  /** `refKey(kind, name)` (./refs), or '' for all. */
  entity: string;
  type: string;
  decisionsOnly: boolean;
}

export interface UiSlice {
  selected: EntityRef | null;
  /** The log row whose decision panel is open: its index in `horizon`. */
  expanded: number | null;
  expand(index: number | null): void;
  logFilter: LogFilter;
  select(ref: EntityRef | null): void;
  setLogFilter(patch: Partial<LogFilter>): void;
  /** Names a lesson step points at: highlighted and brought into view on the canvas. */
  focus: readonly string[];
  setFocus(names: readonly string[]): void;
}

export type AppState = SimulationSlice & PlaybackSlice & UiSlice;
