/**
 * The derived group state, [MS-CMRP] precedence (wsfc-semantics §7.1): any Failed → Failed; else
 * any pending → Pending; else some but not all top-level Online → PartialOnline; all top-level
 * Online → Online; otherwise Offline (also for an empty group).
 */
import type { GroupState, ResourceState } from '../model/trace';

export function deriveGroupState(all: readonly ResourceState[], topLevel: readonly ResourceState[]): GroupState {
  if (all.includes('Failed')) return 'Failed';
  if (all.includes('OnlinePending') || all.includes('OfflinePending')) return 'Pending';
  const online = topLevel.filter((s) => s === 'Online').length;
  if (topLevel.length > 0 && online === topLevel.length) return 'Online';
  if (online > 0) return 'PartialOnline';
  return 'Offline';
}
