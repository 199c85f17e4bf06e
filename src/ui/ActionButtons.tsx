/** Inspector action buttons by section; disabled ones carry the engine's reason (title + aria-description). */
import { useShallow } from 'zustand/react/shallow';
import { bySection, type ActionItem } from '../store/actionCatalog';
import { useAppStore, useAppStoreApi } from '../store/context';

export function ActionButtons({ items }: { items: ActionItem[] }) {
  const api = useAppStoreApi();
  const reasons = useAppStore(
    useShallow((s) =>
      items.map((it) => {
        const c = s.check(it.action);
        return c.allowed ? '' : c.reason;
      }),
    ),
  );
  const reasonOf = new Map(items.map((it, i) => [it, reasons[i]]));
  return (
    <div className="action-buttons">
      {bySection(items).map(([section, list]) => (
        <fieldset key={section}>
          <legend>{section}</legend>
          {list.map((it) => {
            const reason = reasonOf.get(it) ?? '';
            return (
              <button
                key={it.label}
                type="button"
                disabled={!!reason}
                title={reason || undefined}
                aria-description={reason || undefined}
                onClick={() => api.getState().apply(it.action)}
              >
                {it.label}
              </button>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
