/** Load errors (place and reason, as the CLI prints them), fork notices and refusals. */
import { describeAction } from '../store/format';
import { useAppStore, useAppStoreApi } from '../store/context';
import { selectLoadError, selectNotice, selectRefusal } from '../store/selectors';
import type { AppState } from '../store/types';

const selectBack = (s: AppState) => s.branches.find((b) => b.id === s.noticeBranch) ?? null;

export function Notices() {
  const api = useAppStoreApi();
  const loadError = useAppStore(selectLoadError);
  const notice = useAppStore(selectNotice);
  const refusal = useAppStore(selectRefusal);
  const back = useAppStore(selectBack);
  return (
    <div className="notices">
      {loadError && (
        <div role="alert" className="notice error" aria-label="Scenario not loaded">
          <strong>Could not load {loadError.origin}; the current scenario is kept.</strong>
          <ul>
            {loadError.issues.map((i, k) => (
              <li key={k}>
                <code>{i.path}</code>: {i.message}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => api.getState().dismissLoadError()}>
            Dismiss
          </button>
        </div>
      )}
      {notice && (
        <div role="status" className="notice warn">
          {notice}{' '}
          {back && (
            <button type="button" onClick={() => api.getState().switchBranch(back.id)}>
              Switch back to "{back.name}"
            </button>
          )}{' '}
          <button type="button" onClick={() => api.getState().dismissNotice()}>
            Dismiss
          </button>
        </div>
      )}
      {refusal && (
        <div role="status" className="notice warn" aria-label="Action refused">
          Refused: {describeAction(refusal.action)} — {refusal.reason}
        </div>
      )}
    </div>
  );
}
