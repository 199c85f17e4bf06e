/** Module-level selectors (stable identities; components pick only what they draw). */
import type { AppState } from './types';

export const selectNow = (s: AppState) => s.view.t;
export const selectUntil = (s: AppState) => s.scenario.until;
export const selectLocalTime = (s: AppState) => s.view.localTime;
export const selectPlaying = (s: AppState) => s.playing;
export const selectSpeed = (s: AppState) => s.speed;
export const selectScenario = (s: AppState) => s.scenario;
export const selectSelected = (s: AppState) => s.selected;
export const selectEvents = (s: AppState) => s.events;
export const selectHorizon = (s: AppState) => s.horizon;
export const selectLogFilter = (s: AppState) => s.logFilter;
export const selectLoadError = (s: AppState) => s.loadError;
export const selectNotice = (s: AppState) => s.notice;
export const selectRefusal = (s: AppState) => s.refusal;
export const selectQuorum = (s: AppState) => s.view.quorum;
/**
 * Owners as one string: the canvas re-lays out only when a group changes node. Computed once per
 * groups list (the engine keeps the list while no group changes; 8,000 groups at WSFC's maximum),
 * and from the previous list when only states changed: the groups that kept their object kept
 * their owner, so only the others are compared.
 */
const ownerKeys = new WeakMap<readonly unknown[], string>();
let lastOwners: { groups: AppState['view']['groups']; key: string } | null = null;
export const selectOwnerKey = (s: AppState) => {
  const groups = s.view.groups;
  let key = ownerKeys.get(groups);
  if (key === undefined) {
    const last = lastOwners;
    const same =
      last !== null &&
      last.groups.length === groups.length &&
      groups.every((g, i) => g === last.groups[i] || g.owner === last.groups[i]!.owner);
    key = same ? last.key : groups.map((g) => g.owner ?? '').join('\u0000');
    ownerKeys.set(groups, key);
  }
  lastOwners = { groups, key };
  return key;
};
export const selectHasNext = (s: AppState) => s.nextEventTime() !== null;

export const selectNode = (name: string) => (s: AppState) => s.index.nodes[name];
export const selectGroup = (name: string) => (s: AppState) => s.index.groups[name];
export const selectResource = (name: string) => (s: AppState) => s.index.resource(name);

/**
 * The owner as the contract's `final` reports it: only a node the cluster sees Up or Paused (a
 * crashed node not yet detected still counts). After QuorumLost every node is Down, so the owner
 * is null and the remembered one is only history ("last owner N2").
 */
export function liveOwner(s: AppState, owner: string | null): string | null {
  if (owner === null) return null;
  const st = s.index.nodes[owner]?.state;
  return st === 'Up' || st === 'Paused' ? owner : null;
}
