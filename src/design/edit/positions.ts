/**
 * Canvas positions in `ui` (presentation data the engine ignores): nodes and groups absolute,
 * resources relative to their group.
 *
 * Key scheme: `ui.positionsByKind.{node|group|resource}[name]`. One map per kind, so a group and a
 * resource that share a name (contract §1) can never take each other's position, whatever their
 * names are. Files written before names were per kind have `ui.positions[name]`: it is still read for
 * a name that only one kind uses, and the first position written moves every such entry over (an
 * entry whose name two kinds now share, or no element has, is dropped: it cannot be placed).
 * Names are data: `__proto__` is stored as an own key like any other.
 */
import {
  clone,
  isObj,
  kindsNamed,
  ok,
  q,
  refuse,
  findElement,
  type EditResult,
  type ElementKind,
  type ElementRef,
  type Position,
  type RawScenario,
  type RawUi,
} from './raw';

export interface PositionUpdate {
  ref: ElementRef;
  position: Position;
}

const own = (o: unknown, key: string): unknown =>
  isObj(o) && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;

function define(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

const asPosition = (p: unknown): Position | undefined =>
  isObj(p) && typeof p.x === 'number' && typeof p.y === 'number' ? { x: p.x, y: p.y } : undefined;

export function getPosition(raw: RawScenario, ref: ElementRef): Position | undefined {
  const byKind = own(raw.ui?.positionsByKind, ref.kind);
  const p = asPosition(own(byKind, ref.name));
  if (p) return p;
  // A file from before per-kind names: a bare name, unambiguous when only one kind uses it.
  const kinds = kindsNamed(raw, ref.name);
  return kinds.length === 1 && kinds[0] === ref.kind ? asPosition(own(raw.ui?.positions, ref.name)) : undefined;
}

/** The per-kind map of `raw` (mutable), creating it and moving legacy entries into it. */
function positionsOf(raw: RawScenario, kind: ElementKind): Record<string, unknown> {
  const ui: RawUi = isObj(raw.ui) ? raw.ui : (raw.ui = {});
  if (!isObj(ui.positionsByKind)) ui.positionsByKind = {};
  const byKind = ui.positionsByKind as Record<string, unknown>;
  if (isObj(ui.positions)) {
    const legacy = ui.positions;
    delete ui.positions;
    for (const name of Object.keys(legacy)) {
      const kinds = kindsNamed(raw, name);
      if (kinds.length !== 1) continue;
      const map = mapOf(byKind, kinds[0]!);
      if (own(map, name) === undefined) define(map, name, legacy[name]);
    }
  }
  return mapOf(byKind, kind);
}

function mapOf(byKind: Record<string, unknown>, kind: ElementKind): Record<string, unknown> {
  if (!isObj(own(byKind, kind))) define(byKind, kind, {});
  return byKind[kind] as Record<string, unknown>;
}

/** Writes one position into `raw` (mutates: for use on a clone). */
export function putPosition(raw: RawScenario, ref: ElementRef, p: Position): void {
  define(positionsOf(raw, ref.kind), ref.name, { x: Math.round(p.x), y: Math.round(p.y) });
}

/** Removes the positions of `refs` from `raw` (mutates). */
export function dropPositions(raw: RawScenario, refs: Iterable<ElementRef>): void {
  if (!isObj(raw.ui) || (!isObj(raw.ui.positions) && !isObj(raw.ui.positionsByKind))) return;
  for (const ref of refs) delete positionsOf(raw, ref.kind)[ref.name];
}

/** Carries a position over a rename (mutates). Call before the element itself is renamed. */
export function renamePosition(raw: RawScenario, ref: ElementRef, to: string): void {
  const p = getPosition(raw, ref);
  if (!p) return;
  const map = positionsOf(raw, ref.kind);
  delete map[ref.name];
  define(map, to, p);
}

export function setPositions(raw0: RawScenario, updates: readonly PositionUpdate[]): EditResult {
  const raw = clone(raw0);
  for (const { ref, position } of updates) {
    if (!findElement(raw, ref)) return refuse(`there is no ${ref.kind} named ${q(ref.name)}`);
    if (!Number.isFinite(position.x) || !Number.isFinite(position.y)) return refuse('a position needs finite x and y');
    putPosition(raw, ref, position);
  }
  return ok(raw);
}
