/**
 * Problems: the engine's validation errors (they block Simulate; each names its place and selects the
 * element it is about) and the HA lint warnings (never block; one-click fix where one exists).
 */
import { useEditor, useEditorApi } from './context';
import { asRawScenario, groupsOf, nodesOf, resourcesOf, type RawScenario } from '../design/edit/ops';
import type { Selection } from './store/editorStore';

/** `groups[0].resources[2].properties.X` → the element it is about, to select it. */
export function elementAt(raw: RawScenario, path: string): Selection {
  const m = /^(nodes|groups)\[(\d+)\](?:\.resources\[(\d+)\])?/.exec(path);
  if (!m) return null;
  if (m[1] === 'nodes') {
    const n = nodesOf(raw)[Number(m[2])];
    return typeof n?.name === 'string' ? { kind: 'node', name: n.name } : null;
  }
  const g = groupsOf(raw)[Number(m[2])];
  if (!g) return null;
  if (m[3] !== undefined) {
    const r = resourcesOf(g)[Number(m[3])];
    return typeof r?.name === 'string' ? { kind: 'resource', name: r.name } : null;
  }
  return typeof g.name === 'string' ? { kind: 'group', name: g.name } : null;
}

export function LintPanel() {
  const api = useEditorApi();
  const errors = useEditor((s) => s.errors);
  const warnings = useEditor((s) => s.warnings);
  const raw = useEditor((s) => s.raw);
  const show = (path: string) => {
    const sel = elementAt(raw, path);
    api.getState().select(sel);
  };
  return (
    <section className="d-lint" aria-label="Problems">
      <h2>
        Problems{' '}
        <span className="muted">
          {errors.length} error{errors.length === 1 ? '' : 's'}, {warnings.length} warning
          {warnings.length === 1 ? '' : 's'}
        </span>
      </h2>
      {errors.length === 0 && warnings.length === 0 && (
        <p className="muted">No problems: the engine accepts this design and the HA checks pass.</p>
      )}
      {errors.length > 0 && (
        <>
          <p className="d-error">The simulator would reject this design. Fix these to simulate:</p>
          <ul className="d-issues" aria-label="Errors">
            {errors.map((e, i) => (
              <li key={`e${i}`} className="is-error">
                <button type="button" className="link" onClick={() => show(e.path)} aria-label={`Show ${e.path}`}>
                  <code>{e.path}</code>
                </button>
                <span>{e.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <ul className="d-issues" aria-label="Warnings">
          {warnings.map((w, i) => (
            <li key={`w${i}`} className="is-warning">
              <button type="button" className="link" onClick={() => show(w.path)} aria-label={`Show ${w.path}`}>
                <code>{w.path}</code>
              </button>
              <span>{w.message}</span>
              {w.fix && (
                <button
                  type="button"
                  className="small"
                  onClick={() =>
                    api.getState().edit((r) => {
                      const fixed = asRawScenario(w.fix!.apply(r));
                      return fixed.ok
                        ? { ok: true, raw: fixed.raw, message: `Fixed: ${w.fix!.label}` }
                        : { ok: false, reason: fixed.reason };
                    })
                  }
                >
                  {w.fix.label}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
