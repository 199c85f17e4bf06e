/**
 * Inspector inputs. A value is applied on Enter or when the field loses focus; a value the engine
 * would reject is NOT applied: the field keeps the text and shows the engine's message under it.
 */
import { useId, useState } from 'react';
import {
  humanMs,
  DWORD_MAX,
  PROPERTY_RULES,
  defaultBehavior,
  type IntegerPropertyRule,
  type PropertyScope,
} from '../../engine';
import { useEditor, useEditorApi } from '../context';
import { getSetting, setProperty, type EditResult, type RawScenario } from '../../design/edit/ops';

/** "15 min", "6 h", "hour 3", "restart, then fail over" ... for a valid integer value. */
export function describeInt(rule: IntegerPropertyRule, v: number): string {
  const sentinel = rule.sentinels.find((s) => s.value === v);
  if (sentinel) return sentinel.meaning;
  if (rule.labels?.[v]) return rule.labels[v];
  if (rule.unit === 'ms') return humanMs(v);
  if (rule.unit === 'hours') return `${v} h`;
  if (rule.unit === 'hour') return `${String(v).padStart(2, '0')}:00`;
  if (rule.unit === 'flag') return v ? 'yes' : 'no';
  return '';
}

/** Text → JSON value: integers as numbers, lists split on commas, anything else as the text (so the engine names it). */
function parseText(text: string, kind: 'integer' | 'stringList' | 'choice' | 'text' | 'int'): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  if (kind === 'stringList')
    return t
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (kind === 'integer' || kind === 'int') return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  return text;
}

interface CommitFieldProps {
  label: string;
  value: unknown;
  kind: 'integer' | 'stringList' | 'text' | 'int';
  placeholder?: string;
  hint?: string;
  isDefault?: boolean;
  commit: (raw: RawScenario, value: unknown) => EditResult;
  onApplied?: (value: unknown) => void;
  multiline?: boolean;
  /** id of a <datalist> of suggestions. */
  list?: string;
}

const show = (v: unknown) =>
  v === undefined ? '' : Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : JSON.stringify(v);

/** A text input bound to one value of the raw JSON. */
export function CommitField({
  label,
  value,
  kind,
  placeholder,
  hint,
  isDefault,
  commit,
  onApplied,
  multiline,
  list,
}: CommitFieldProps) {
  const api = useEditorApi();
  const id = useId();
  const shown = show(value);
  const [draft, setDraft] = useState<{ base: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft && draft.base === shown ? draft.text : shown;
  const apply = () => {
    if (!draft || draft.text === shown) {
      setError(null);
      return;
    }
    const v = parseText(draft.text, kind);
    const r = api.getState().edit((raw) => commit(raw, v), { quiet: true });
    if (r.ok) {
      setDraft(null);
      setError(null);
      onApplied?.(v);
    } else setError(r.reason);
  };
  const common = {
    id,
    value: text,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-err` : hint ? `${id}-hint` : undefined,
    onChange: (e: { target: { value: string } }) => {
      setDraft({ base: shown, text: e.target.value });
      setError(null);
    },
    onBlur: apply,
  };
  return (
    <div className={`d-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {isDefault && <span className="d-default"> (default)</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={2} />
      ) : (
        <input
          {...common}
          type="text"
          list={list}
          inputMode={kind === 'integer' || kind === 'int' ? 'numeric' : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
            if (e.key === 'Escape') {
              setDraft(null);
              setError(null);
            }
          }}
        />
      )}
      {hint && !error && (
        <span className="d-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="d-error" id={`${id}-err`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** One setting of contract §1 with its unit, its default and the engine's inline validation. */
export function PropertyField({
  scope,
  target,
  name,
  type,
}: {
  scope: PropertyScope;
  target?: string;
  name: string;
  type?: string;
}) {
  const raw = useEditor((s) => s.raw);
  const api = useEditorApi();
  const rule = PROPERTY_RULES[`${scope}.${name}`]!;
  const value = getSetting(raw, scope, target, name);
  const id = useId();
  if (rule.kind === 'choice') {
    const current = typeof value === 'string' ? value : rule.default;
    return (
      <div className="d-field">
        <label htmlFor={id}>
          {name}
          {value === undefined && <span className="d-default"> (default)</span>}
        </label>
        <select
          id={id}
          value={current}
          onChange={(e) =>
            api
              .getState()
              .edit((r) =>
                setProperty(
                  r,
                  scope,
                  target,
                  name,
                  e.target.value === rule.default && value === undefined ? undefined : e.target.value,
                ),
              )
          }
        >
          {rule.choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (rule.kind === 'stringList') {
    return (
      <CommitField
        label={name}
        value={value}
        kind="stringList"
        placeholder="none (comma-separated names)"
        isDefault={value === undefined}
        commit={(r, v) => setProperty(r, scope, target, name, v)}
      />
    );
  }
  const def =
    scope === 'resourceBehavior' && type ? defaultBehavior(type)[name as 'onlineMs' | 'offlineMs'] : rule.default;
  const effective = typeof value === 'number' ? value : def;
  const unitWord = rule.unit === 'ms' ? ' ms' : rule.unit === 'hours' ? ' h' : '';
  const described = Number.isInteger(effective) ? describeInt(rule, effective) : '';
  const hint =
    value === undefined
      ? `default ${def === DWORD_MAX ? '4294967295' : def}${unitWord}${describeInt(rule, def) && describeInt(rule, def) !== `${def}${unitWord}` ? ` = ${describeInt(rule, def)}` : ''}`
      : described
        ? `= ${described}`
        : undefined;
  return (
    <CommitField
      label={`${name}${unitWord ? ` (${unitWord.trim()})` : ''}`}
      value={value}
      kind="integer"
      placeholder={String(def)}
      hint={hint}
      isDefault={value === undefined}
      commit={(r, v) => setProperty(r, scope, target, name, v)}
    />
  );
}
