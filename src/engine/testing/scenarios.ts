/**
 * Scenario bodies more than one test plays (the engine's machine tests and the UI's statechart
 * view read the same run). Only tests import this file. Each call returns a fresh object.
 */

/**
 * Two nodes, one resource "App": Online calls hang from 1 s, it fails at 2 s, its restart after the
 * 500 ms RestartDelay hangs, it is healed at 7 s, DeadlockTimeout (5 s) recycles the monitor at
 * 7.5 s, and it is Online again by 9 s. A scenario's body: the caller adds format, name and until.
 */
export function hangThenRestart() {
  return {
    nodes: [{ name: 'N1' }, { name: 'N2' }],
    groups: [
      {
        name: 'G',
        preferredOwners: ['N1', 'N2'],
        resources: [
          {
            name: 'App',
            properties: { RestartDelay: 500, DeadlockTimeout: 5000, RestartThreshold: 3 },
            behavior: { onlineMs: 100 },
          },
        ],
      },
    ],
    script: [
      { at: 1000, action: 'setOnline', resource: 'App', result: 'hang' },
      { at: 2000, action: 'failResource', resource: 'App' },
      { at: 7000, action: 'heal', resource: 'App' },
    ],
  };
}
