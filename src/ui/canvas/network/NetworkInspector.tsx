/** The inspector's cluster panel in network mode: split, heal, and cut/restore each network, refused with the engine's reason. */
import { useAppStore } from '../../../store/context';
import { clusterNetworkActions } from '../../../store/networkActions';
import { ActionButtons } from '../../ActionButtons';
import { useNetUi } from './dialogState';

export function NetworkInspector() {
  const scenario = useAppStore((s) => s.scenario);
  if (!scenario.networks) return null;
  return (
    <>
      <h3>Networks</h3>
      <button type="button" aria-haspopup="dialog" onClick={() => useNetUi.getState().openSplit()}>
        Split the cluster…
      </button>
      <ActionButtons items={clusterNetworkActions(scenario)} />
    </>
  );
}
