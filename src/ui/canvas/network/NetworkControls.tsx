/**
 * Beside the canvas toolbar in network mode: split the cluster (opens the dialog), heal the
 * partition (refused with the engine's reason when there is none), the Routes toggle, and, while
 * the network rows are collapsed, their toggle and the regroup's "Why?" (so they take no row).
 */
import { useAppStore } from '../../../store/context';
import { HEAL_PARTITION } from '../../../store/networkActions';
import { useNetUi } from './dialogState';
import { ActButton, RowsToggle, WhyButton } from './NetworkStrip';
import { PartitionDialog } from './PartitionDialog';

export function NetworkControls() {
  const hasNetworks = useAppStore((s) => !!s.scenario.networks);
  const { routes, toggleRoutes, openSplit, splitOpen, collapsed } = useNetUi();
  if (!hasNetworks) return null;
  return (
    <span className="net-controls" role="group" aria-label="Network actions">
      <button type="button" onClick={openSplit} aria-haspopup="dialog" title="Choose which nodes can still talk">
        Split cluster…
      </button>
      <ActButton item={HEAL_PARTITION} text="Heal partition" />
      <button type="button" aria-pressed={routes} onClick={toggleRoutes} title="Draw the heartbeat route of each pair">
        Routes
      </button>
      {collapsed && (
        <>
          <RowsToggle />
          <WhyButton />
        </>
      )}
      {splitOpen && <PartitionDialog />}
    </span>
  );
}
