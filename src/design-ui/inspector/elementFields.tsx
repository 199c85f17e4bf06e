/** Inspector pieces every element panel shares: the name field and the delete button (by kind and name). */
import { useEditorApi } from '../context';
import { deleteElement, setField, type ElementKind } from '../../design/edit/ops';
import { CommitField } from './fields';

export function DeleteButton({ name, kind }: { name: string; kind: ElementKind }) {
  const api = useEditorApi();
  return (
    <button
      type="button"
      className="danger"
      onClick={() => api.getState().edit((r) => deleteElement(r, { kind, name }))}
    >
      Delete {kind}
    </button>
  );
}

export function NameField({ name, kind }: { name: string; kind: ElementKind }) {
  const api = useEditorApi();
  return (
    <CommitField
      label="Name"
      value={name}
      kind="text"
      commit={(r, v) => setField(r, { kind, name }, 'name', v ?? '')}
      onApplied={(v) => api.getState().select({ kind, name: String(v) })}
    />
  );
}
