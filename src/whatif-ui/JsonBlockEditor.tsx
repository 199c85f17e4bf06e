/** A JSON text area for one block of the scenario's `ui` (checks, availability rates), validated before saving. */
import { useState } from 'react';
import type { ValidationIssue } from '../engine';

export function JsonBlockEditor({
  label,
  initial,
  validate,
  onSave,
}: {
  label: string;
  initial: unknown;
  validate(value: unknown): ValidationIssue[];
  onSave(value: unknown): void;
}) {
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [issues, setIssues] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const save = () => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      setIssues([`not valid JSON: ${(e as Error).message}`]);
      return;
    }
    const found = validate(value);
    setIssues(found.map((i) => `${i.path}: ${i.message}`));
    if (found.length === 0) {
      onSave(value);
      setSaved(true);
    }
  };
  return (
    <div className="w-json">
      <label>
        {label}
        <textarea
          value={text}
          spellCheck={false}
          rows={Math.min(16, Math.max(4, text.split('\n').length))}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(false);
          }}
        />
      </label>
      <button type="button" onClick={save}>
        Save to the scenario
      </button>
      {saved && (
        <span role="status">
          {' '}
          Saved in the scenario&apos;s &quot;ui&quot; block: it travels with the file and with Copy link.
        </span>
      )}
      {issues.length > 0 && (
        <ul role="alert" className="w-error">
          {issues.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
