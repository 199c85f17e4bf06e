/**
 * Modelling choices where WSFC's documentation leaves room (wsfc-semantics.md §10). The defaults
 * are exactly the contract's (scenario-format.md §4); a "compare assumptions" feature can flip them.
 */
export interface Semantics {
  /** Restart counting: contract §4.4 uses a fixed window opened by the first failure. */
  restartWindow: 'fixed' | 'sliding';
  /** Failover counting: contract §4.5 uses a sliding window of FailoverPeriod hours */
  failoverWindow: 'sliding' | 'fixed';
  /** Contract §4.5: a node going Down counts against FailoverThreshold. */
  nodeDownCountsAsFailover: boolean;
  /** Contract §4.4: dependents of a failed provider go Offline (not Failed, not counted). */
  dependentsOnProviderFailure: 'Offline' | 'Failed';
  /** Contract §4.2: a failure signal runs IsAlive at once; the alternative treats it as a failure. */
  signalFailure: 'runIsAlive' | 'immediateFailure';
}

export const CONTRACT_SEMANTICS: Readonly<Semantics> = Object.freeze({
  restartWindow: 'fixed',
  failoverWindow: 'sliding',
  nodeDownCountsAsFailover: true,
  dependentsOnProviderFailure: 'Offline',
  signalFailure: 'runIsAlive',
});

export function resolveSemantics(overrides: Partial<Semantics> = {}): Semantics {
  return { ...CONTRACT_SEMANTICS, ...overrides };
}
