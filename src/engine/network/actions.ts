/** The network actions of networks.md §2: whether each is allowed now, and what applying it does. */
import type { Engine } from '../cluster/engine';
import type { ActionCheck } from '../model/view';
import type { NetworkAction } from './words';

export function checkNetworkAction(_e: Engine, _a: NetworkAction): ActionCheck {
  return { allowed: false, reason: 'network actions are not simulated yet' };
}

export function applyNetworkAction(_e: Engine, _a: NetworkAction): void {}
