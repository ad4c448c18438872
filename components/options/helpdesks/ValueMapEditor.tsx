import { t } from '../../../lib/i18n';
import type { DraftEditing } from '../policy/draft-editing';
import { fieldId, issuesAt } from '../policy/field-issues';
import { FieldErrors } from '../policy/FieldErrors';
import { getIn, type DraftPath } from '../policy/policy-draft';

const severities = [1, 2, 3, 4] as const;

interface ValueMapEditorProps {
  label: string;
  /** What a key is: "Priority", "Tag", "Field value". */
  keyLabel: string;
  path: DraftPath;
  editing: DraftEditing<unknown>;
}

/** Helpdesk value → severity (priority names, tags, custom field options), in order, editable both ways. */
export function ValueMapEditor({ label, keyLabel, path, editing }: ValueMapEditorProps) {
  const value = getIn(editing.draft, path);
  const entries = Object.entries(typeof value === 'object' && value !== null ? (value as Record<string, number>) : {});
  const write = (next: Array<[string, number]>) => editing.set(path, Object.fromEntries(next));
  return (
    <fieldset class="ew-field ew-value-map" id={fieldId(path)}>
      <legend>{label}</legend>
      <FieldErrors path={path} issues={issuesAt(editing.issues, path, true)} />
      {entries.map(([key, severity], index) => (
        <div key={index} class="ew-string-row">
          <input
            type="text"
            value={key}
            aria-label={t('optionsListItem', [keyLabel, index + 1])}
            onInput={(event) => write(entries.map((entry, i) => (i === index ? [event.currentTarget.value, entry[1]] : entry)))}
          />
          <span aria-hidden="true">→</span>
          <select
            aria-label={t('optionsSeverityFor', key || String(index + 1))}
            value={String(severity)}
            onChange={(event) => write(entries.map((entry, i) => (i === index ? [entry[0], Number(event.currentTarget.value)] : entry)))}
          >
            {severities.map((s) => (
              <option key={s} value={String(s)}>
                {t('inpageBadgeSeverity', s)}
              </option>
            ))}
          </select>
          <button type="button" class="ew-button" onClick={() => write(entries.filter((_, i) => i !== index))} aria-label={t('optionsRemoveNamed', key)}>
            {t('optionsRemove')}
          </button>
        </div>
      ))}
      <button type="button" class="ew-button" onClick={() => write([...entries, ['', 3]])}>
        {t('optionsAddItem', keyLabel)}
      </button>
    </fieldset>
  );
}
