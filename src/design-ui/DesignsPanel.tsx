/** The saved designs (IndexedDB): open, duplicate, rename, delete. */
import { useEffect, useState } from 'react';
import { useEditor } from './context';
import type { DesignSession } from './session';
import type { DesignMeta } from './storage/designStorage';

export function DesignsPanel({ session, onClose }: { session: DesignSession; onClose: () => void }) {
  const [list, setList] = useState<DesignMeta[] | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; text: string } | null>(null);
  const current = useEditor((s) => s.designId);
  useEffect(() => {
    let live = true;
    const load = () => {
      void session.storage.list().then((l) => {
        if (live) setList(l);
      });
    };
    load();
    const off = session.onListChange(load);
    return () => {
      live = false;
      off();
    };
  }, [session]);
  return (
    <section className="d-designs" aria-label="Saved designs">
      <div className="d-row">
        <h2>Saved designs</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted">Kept in this browser (IndexedDB); every change is saved within a second.</p>
      {list === null ? (
        <p>Loading…</p>
      ) : (
        <ul>
          {list.map((d) => (
            <li key={d.id} className={d.id === current ? 'is-current' : ''}>
              {renaming?.id === d.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void session.rename(d.id, renaming.text);
                    setRenaming(null);
                  }}
                >
                  <input
                    aria-label={`New name for ${d.name}`}
                    value={renaming.text}
                    autoFocus
                    onChange={(e) => setRenaming({ id: d.id, text: e.target.value })}
                  />
                  <button type="submit">Save name</button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <span className="d-name">{d.name}</span>
                  {d.id === current && <span className="muted"> (open)</span>}
                  <span className="muted d-when">{new Date(d.updatedAt).toLocaleString()}</span>
                  <span className="d-actions">
                    <button
                      type="button"
                      className="small"
                      disabled={d.id === current}
                      aria-label={`Open ${d.name}`}
                      onClick={() => void session.open(d.id)}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      className="small"
                      aria-label={`Duplicate ${d.name}`}
                      onClick={() => void session.duplicate(d.id)}
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      className="small"
                      aria-label={`Rename ${d.name}`}
                      onClick={() => setRenaming({ id: d.id, text: d.name })}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="small danger"
                      aria-label={`Delete ${d.name}`}
                      onClick={() => {
                        if (confirm(`Delete the design "${d.name}"?`)) void session.remove(d.id);
                      }}
                    >
                      Delete
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
