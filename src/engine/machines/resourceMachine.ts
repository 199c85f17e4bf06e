/**
 * A resource's lifecycle (wsfc-semantics §1.1; contract §4.1): Offline → OnlinePending → Online →
 * OfflinePending → Offline, and Failed. The machine owns which transitions are legal; the cluster
 * coordinator (src/engine/cluster) decides when to send them and owns the timers, because the
 * contract orders same-instant timers across all entities by the order they were armed (one clock).
 */
import { setup } from 'xstate';
import type { ResourceState } from '../model/trace';

export type ResourceEvent =
  | { type: 'CALL_ONLINE' }
  | { type: 'ONLINE_DONE' }
  | { type: 'CALL_OFFLINE' }
  | { type: 'OFFLINE_DONE' }
  | { type: 'FAIL' }
  | { type: 'TAKE_DOWN' };

export const resourceMachine = setup({
  types: {
    events: {} as ResourceEvent,
  },
}).createMachine({
  id: 'resource',
  initial: 'Offline',
  states: {
    Offline: {
      on: { CALL_ONLINE: 'OnlinePending', FAIL: 'Failed' },
    },
    OnlinePending: {
      on: { ONLINE_DONE: 'Online', FAIL: 'Failed', TAKE_DOWN: 'Offline' },
    },
    Online: {
      on: { CALL_OFFLINE: 'OfflinePending', FAIL: 'Failed', TAKE_DOWN: 'Offline' },
    },
    OfflinePending: {
      on: { OFFLINE_DONE: 'Offline', FAIL: 'Failed', TAKE_DOWN: 'Offline' },
    },
    Failed: {
      // A restart or retry is an Online call straight from Failed; a node loss or an
      // administrator offline takes it to Offline.
      on: { CALL_ONLINE: 'OnlinePending', TAKE_DOWN: 'Offline' },
    },
  },
});

export type ResourceMachineState = ResourceState;
