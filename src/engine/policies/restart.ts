/**
 * The restart policy's decisions after a counted failure (contract §4.4), as pure predicates: the
 * resource machine's guards call them (machines/resourceMachine.ts).
 */
import { DWORD_MAX } from '../model/scenario';

/** RestartAction 0: "do not restart" — stay Failed for good, no RetryPeriodOnFailure either. */
export function neverRestarts(restartAction: number): boolean {
  return restartAction === 0;
}

/** Another restart on this node while the window's count is ≤ RestartThreshold. */
export function restartsRemain(count: number, threshold: number): boolean {
  return count <= threshold;
}

/** RestartAction 2: exhausted restarts fail the group over (§4.5). */
export function escalatesToFailover(restartAction: number): boolean {
  return restartAction === 2;
}

/** RetryPeriodOnFailure 4294967295 means never retry. */
export function retriesAfterFailure(retryPeriod: number): boolean {
  return retryPeriod !== DWORD_MAX;
}
