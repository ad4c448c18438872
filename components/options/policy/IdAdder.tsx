import { useState } from 'preact/hooks';
import { t } from '../../../lib/i18n';

interface IdAdderProps {
  label: string;
  buttonText: string;
  existing: readonly string[];
  onAdd: (id: string) => void;
  disabled: boolean;
}

/** A new id (role, level, office) and its Add button; ids are fixed once added, as other parts refer to them. */
export function IdAdder({ label, buttonText, existing, onAdd, disabled }: IdAdderProps) {
  const [id, setId] = useState('');
  const trimmed = id.trim();
  const problem = trimmed === '' ? null : existing.includes(trimmed) ? t('optionsIdTaken', trimmed) : /^[a-z0-9][a-z0-9_-]*$/i.test(trimmed) ? null : t('optionsIdInvalid');
  const inputId = `ew-add-${label.replace(/[^a-zA-Z0-9]/g, '-')}`;
  return (
    <form
      class="ew-adder"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed === '' || problem) return;
        onAdd(trimmed);
        setId('');
      }}
    >
      <label for={inputId}>{label}</label>
      <input id={inputId} type="text" value={id} disabled={disabled} onInput={(event) => setId(event.currentTarget.value)} aria-invalid={problem ? true : undefined} />
      <button type="submit" class="ew-button" disabled={disabled || trimmed === '' || problem !== null}>
        {buttonText}
      </button>
      {problem ? <span class="ew-field-errors" role="alert">{problem}</span> : null}
    </form>
  );
}
