/**
 * The cards' arrangement in network and site mode, from the store: which partition is active (a
 * short key, so the layout is rebuilt only when the sides change) and the order it gives
 * (./overlayGeometry `arrange`).
 */
import type { Scenario } from '../../../engine';
import type { AppState } from '../../../store/types';
import type { Arrangement } from '../layout';
import { arrange, BREAK_GAP } from './overlayGeometry';

/** The sides' names, joined by control characters (names are free text), while partitioned; '' otherwise. */
export const partitionKey = (s: AppState): string =>
  s.view.network?.partition?.sides.map((side) => side.join('\u0000')).join('\u0001') ?? '';

/** Each node's side, read back from a partitionKey. */
export function sidesOfKey(key: string): Map<string, number> {
  const side = new Map<string, number>();
  if (key) key.split('\u0001').forEach((names, i) => names.split('\u0000').forEach((n) => side.set(n, i)));
  return side;
}

export function netArrangement(s: Scenario, key: string): Arrangement {
  const side = sidesOfKey(key);
  const a = arrange(
    s.nodes.map((n) => ({ name: n.name, site: n.site ?? null })),
    side,
  );
  return { order: a.order, breakBefore: a.breakBefore, breakGap: BREAK_GAP };
}
