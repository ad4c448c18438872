import type { DraftEditing } from '../policy/draft-editing';
import { fieldId, issuesAt } from '../policy/field-issues';
import { invalidProps } from '../policy/FieldErrors';
import { LabelledField } from '../policy/LabelledField';
import { getIn, type DraftPath } from '../policy/policy-draft';

interface InputProps {
  label: string;
  path: DraftPath;
  editing: DraftEditing<unknown>;
}

/** A whole number; emptied, it is removed (`emptyRemoves`) or becomes NaN for the schema to flag. */
export function NumberInput({ label, path, editing, emptyRemoves = false, min, max, hint }: InputProps & { emptyRemoves?: boolean; min?: number; max?: number; hint?: string }) {
  const issues = issuesAt(editing.issues, path);
  const value = getIn(editing.draft, path);
  return (
    <LabelledField label={label} path={path} issues={issues}>
      <input
        id={fieldId(path)}
        type="number"
        step="1"
        min={min}
        max={max}
        placeholder={hint}
        value={typeof value === 'number' && !Number.isNaN(value) ? value : ''}
        onInput={(event) => {
          const text = event.currentTarget.value;
          if (text === '' && emptyRemoves) editing.remove(path);
          else editing.set(path, text === '' ? Number.NaN : Number(text));
        }}
        {...invalidProps(path, issues)}
      />
    </LabelledField>
  );
}

export function CheckboxInput({ label, path, editing }: InputProps) {
  return (
    <label class="ew-check" id={fieldId(path)}>
      <input type="checkbox" checked={getIn(editing.draft, path) === true} onChange={(event) => editing.set(path, event.currentTarget.checked)} />
      {label}
    </label>
  );
}

/** Text where empty means "not set" (null), e.g. an identity or a time zone. */
export function NullableTextInput({ label, path, editing, placeholder }: InputProps & { placeholder?: string }) {
  const issues = issuesAt(editing.issues, path);
  const value = getIn(editing.draft, path);
  return (
    <LabelledField label={label} path={path} issues={issues}>
      <input
        id={fieldId(path)}
        type="text"
        placeholder={placeholder}
        value={typeof value === 'string' ? value : ''}
        onInput={(event) => editing.set(path, event.currentTarget.value.trim() === '' ? null : event.currentTarget.value)}
        {...invalidProps(path, issues)}
      />
    </LabelledField>
  );
}

export function TimeInput({ label, path, editing }: InputProps) {
  const issues = issuesAt(editing.issues, path);
  const value = getIn(editing.draft, path);
  return (
    <LabelledField label={label} path={path} issues={issues} extraClass="ew-inline">
      <input id={fieldId(path)} type="time" value={typeof value === 'string' ? value : ''} onInput={(event) => editing.set(path, event.currentTarget.value)} {...invalidProps(path, issues)} />
    </LabelledField>
  );
}
