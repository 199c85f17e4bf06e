/** "Import from a real cluster": the dump one-liner to run, then paste or open its JSON. */
import { Modal } from './Modal';
import { useState } from 'react';
import { DUMP_COMMAND } from '../design/dumpCommand';
import { importClusterJson } from '../design/powershellImport';
import { decodeDumpBytes } from '../design/psJson';
import type { RawScenario } from '../design/edit/ops';

export function ImportDialog({
  onImport,
  onClose,
}: {
  onImport: (raw: RawScenario, warnings: string[]) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [copied, setCopied] = useState(false);
  /** After an import with notes, the dialog stays open to list them (each names its place in the dump). */
  const [notes, setNotes] = useState<string[] | null>(null);
  const run = (t: string) => {
    const r = importClusterJson(t);
    if (!r.ok) {
      setErrors(r.errors.map((e) => `${e.path}: ${e.message}`));
      return;
    }
    setErrors([]);
    onImport(r.scenario as RawScenario, r.warnings);
    if (r.warnings.length > 0) setNotes(r.warnings);
    else onClose();
  };
  if (notes)
    return (
      <Modal titleId="d-import-title" title="Imported as a new design" onClose={onClose}>
        <p>
          {notes.length} thing{notes.length === 1 ? ' was' : 's were'} imported differently from the cluster, or left
          out:
        </p>
        <ul className="d-issues" aria-label="Import notes">
          {notes.map((m, i) => (
            <li key={i} className="is-warning">
              {m}
            </li>
          ))}
        </ul>
        <div className="d-row">
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Done
          </button>
        </div>
      </Modal>
    );
  return (
    <Modal titleId="d-import-title" title="Import from a real cluster" onClose={onClose}>
      <p>
        1. On a cluster node, in an elevated Windows PowerShell 5.1 (powershell.exe, not PowerShell 7), run this
        one-liner. It writes the cluster's nodes, groups, resources, dependencies, owners and properties to{' '}
        <code>failoverlab-dump.json</code> in your Documents folder (else %TEMP%) and prints the full path. It stops at
        the first error, so a file it writes is complete.
      </p>
      <textarea className="d-code" readOnly value={DUMP_COMMAND} rows={5} aria-label="Dump command" />
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(DUMP_COMMAND).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? 'Copied' : 'Copy command'}
      </button>
      <p>2. Paste the JSON here, or open the file.</p>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={6}
        aria-label="Cluster dump JSON"
        placeholder='{ "Format": "failoverlab-wsfc-dump@1", "Nodes": [...], "Groups": [...] }'
      />
      <label className="d-file">
        Open dump file
        <input
          type="file"
          accept=".json,application/json"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) run(decodeDumpBytes(new Uint8Array(await f.arrayBuffer())));
          }}
        />
      </label>
      {errors.length > 0 && (
        <ul className="d-issues" aria-label="Import errors">
          {errors.map((m, i) => (
            <li key={i} className="is-error">
              {m}
            </li>
          ))}
        </ul>
      )}
      <div className="d-row">
        <button type="button" disabled={!text.trim()} onClick={() => run(text)}>
          Import as a new design
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
