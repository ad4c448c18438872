import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../lib/i18n';
import { durationUnits, type DurationUnit } from '../../../lib/policy/duration';
import type { DraftEditing } from './draft-editing';
import { fieldId, issuesAt } from './field-issues';
import { FieldErrors, invalidProps } from './FieldErrors';
import { LabelledField } from './LabelledField';
import { getIn, type DraftPath } from './policy-draft';

interface FieldProps {
  label: string;
  path: DraftPath;
  editing: DraftEditing<unknown>;
}

export function TextField({ label, path, editing, list }: FieldProps & { list?: string }) {
  const issues = issuesAt(editing.issues, path);
  const value = getIn(editing.draft, path);
  return (
    <LabelledField label={label} path={path} issues={issues}>
      <input
        id={fieldId(path)}
        type="text"
        list={list}
        value={typeof value === 'string' ? value : ''}
        readOnly={editing.readOnly}
        onInput={(event) => editing.set(path, event.currentTarget.value)}
        {...invalidProps(path, issues)}
      />
    </LabelledField>
  );
}

const unitLabel = (unit: DurationUnit | 'none'): string => {
  switch (unit) {
    case 'minutes':
      return t('optionsUnitMinutes');
    case 'hours':
      return t('optionsUnitHours');
    case 'businessHours':
      return t('optionsUnitBusinessHours');
    case 'businessDays':
      return t('optionsUnitBusinessDays');
    case 'none':
      return t('optionsUnitNone');
  }
};

function readDuration(value: unknown): { unit: DurationUnit | 'none'; amount: number } {
  if (typeof value !== 'object' || value === null) return { unit: 'none', amount: Number.NaN };
  const unit = durationUnits.find((candidate) => candidate in value);
  if (!unit) return { unit: 'none', amount: Number.NaN };
  const amount = (value as Record<string, unknown>)[unit];
  return { unit, amount: typeof amount === 'number' ? amount : Number.NaN };
}

/** An amount and a unit picker; "none" (when optional) removes the target. */
export function DurationField({ label, path, editing, optional = true }: FieldProps & { optional?: boolean }) {
  const issues = issuesAt(editing.issues, path, true);
  const { unit, amount } = readDuration(getIn(editing.draft, path));
  const units: Array<DurationUnit | 'none'> = optional ? ['none', ...durationUnits] : [...durationUnits];
  return (
    <LabelledField label={label} path={path} issues={issues} extraClass="ew-duration">
      <span class="ew-duration-inputs">
        <input
          id={fieldId(path)}
          type="number"
          min="0"
          step="any"
          value={unit === 'none' || Number.isNaN(amount) ? '' : amount}
          disabled={unit === 'none'}
          readOnly={editing.readOnly}
          onInput={(event) => {
            const text = event.currentTarget.value;
            editing.set(path, { [unit]: text === '' ? Number.NaN : Number(text) });
          }}
          {...invalidProps(path, issues)}
        />
        <select
          aria-label={t('optionsDurationUnitOf', label)}
          value={unit}
          disabled={editing.readOnly}
          onChange={(event) => {
            const next = event.currentTarget.value as DurationUnit | 'none';
            if (next === 'none') editing.remove(path);
            else editing.set(path, { [next]: Number.isNaN(amount) ? 1 : amount });
          }}
        >
          {units.map((candidate) => (
            <option key={candidate} value={candidate}>
              {unitLabel(candidate)}
            </option>
          ))}
        </select>
      </span>
    </LabelledField>
  );
}

/** A set of ids picked with checkboxes (roles a level engages or notifies). */
export function IdChecklist({ label, path, editing, choices }: FieldProps & { choices: ReadonlyArray<{ id: string; name: string }> }) {
  const issues = issuesAt(editing.issues, path, true);
  const value = getIn(editing.draft, path);
  const selected = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  // Ids in the draft that are no longer choices (a removed role) stay visible, so the error makes sense.
  const all = [...choices, ...selected.filter((id) => !choices.some((c) => c.id === id)).map((id) => ({ id, name: id }))];
  return (
    <fieldset class="ew-field ew-checklist" id={fieldId(path)} {...invalidProps(path, issues)}>
      <legend>{label}</legend>
      {all.map((choice) => (
        <label key={choice.id} class="ew-check">
          <input
            type="checkbox"
            checked={selected.includes(choice.id)}
            disabled={editing.readOnly}
            onChange={(event) => {
              const next = event.currentTarget.checked ? [...selected, choice.id] : selected.filter((id) => id !== choice.id);
              editing.set(path, next);
            }}
          />
          {choice.name}
        </label>
      ))}
      <FieldErrors path={path} issues={issues} />
    </fieldset>
  );
}

/**
 * Local dates, one per line (holidays, make-up workdays). The text is kept as typed so blank
 * lines can be added; the draft gets the non-empty lines.
 */
export function DateListField({ label, path, editing, hint }: FieldProps & { hint: string }) {
  const issues = issuesAt(editing.issues, path, true);
  const value = getIn(editing.draft, path);
  const dates = Array.isArray(value) ? value.map(String) : [];
  const [text, setText] = useState(dates.join('\n'));
  const linesOf = (raw: string) => raw.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  useEffect(() => {
    // Follow outside changes (import, reset); not our own edits, which would eat blank lines.
    if (linesOf(text).join('\n') !== dates.join('\n')) setText(dates.join('\n'));
  }, [dates.join('\n')]);
  return (
    <LabelledField label={label} path={path} issues={issues}>
      <textarea
        id={fieldId(path)}
        rows={Math.min(8, Math.max(3, dates.length + 1))}
        value={text}
        readOnly={editing.readOnly}
        placeholder={hint}
        onInput={(event) => {
          const raw = event.currentTarget.value;
          setText(raw);
          editing.set(path, linesOf(raw));
        }}
        {...invalidProps(path, issues)}
      />
    </LabelledField>
  );
}
