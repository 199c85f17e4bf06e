/** The node menu's "Split the cluster…" (network mode): opens the split dialog with this node alone on side B. */
import { useAppStore } from '../../../store/context';
import { useNetUi } from './dialogState';

export function SplitMenuItem({ onDone }: { onDone: () => void }) {
  const networks = useAppStore((s) => !!s.scenario.networks);
  if (!networks) return null;
  return (
    <div role="group" aria-label="Partition" className="menu-section">
      <div className="menu-heading" aria-hidden="true">
        Partition
      </div>
      <button
        type="button"
        role="menuitem"
        aria-haspopup="dialog"
        onClick={() => {
          onDone();
          useNetUi.getState().openSplit();
        }}
      >
        Split the cluster…
      </button>
    </div>
  );
}
