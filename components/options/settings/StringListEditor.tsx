import { t } from '../../../lib/i18n';
import type { DraftEditing } from '../policy/draft-editing';
import { fieldId, issuesAt } from '../policy/field-issues';
import { FieldErrors, invalidProps } from '../policy/FieldErrors';
import { getIn, type DraftPath } from '../policy/policy-draft';

interface StringListEditorProps {
  label: string;
  /** What one entry is, e.g. "Zendesk subdomain". */
  itemLabel: string;
  path: DraftPath;
  editing: DraftEditing<unknown>;
  placeholder?: string;
}

/** A list of short texts (subdomains, status names) with add and remove. */
export function StringListEditor({ label, itemLabel, path, editing, placeholder }: StringListEditorProps) {
  const value = getIn(editing.draft, path);
  const items = Array.isArray(value) ? value.map(String) : [];
  return (
    <fieldset class="ew-field ew-string-list" id={fieldId(path)}>
      <legend>{label}</legend>
      <FieldErrors path={path} issues={issuesAt(editing.issues, path)} />
      {items.map((item, index) => {
        const itemPath = [...path, index];
        const issues = issuesAt(editing.issues, itemPath);
        return (
          <div key={index} class="ew-string-row">
            <input
              id={fieldId(itemPath)}
              type="text"
              value={item}
              placeholder={placeholder}
              aria-label={t('optionsListItem', [itemLabel, index + 1])}
              readOnly={editing.readOnly}
              onInput={(event) => editing.set(itemPath, event.currentTarget.value)}
              {...invalidProps(itemPath, issues)}
            />
            <button type="button" class="ew-button" disabled={editing.readOnly} onClick={() => editing.remove(itemPath)} aria-label={t('optionsRemoveNamed', item || t('optionsListItem', [itemLabel, index + 1]))}>
              {t('optionsRemove')}
            </button>
            <FieldErrors path={itemPath} issues={issues} />
          </div>
        );
      })}
      <button type="button" class="ew-button" disabled={editing.readOnly} onClick={() => editing.set([...path, items.length], '')}>
        {t('optionsAddItem', itemLabel)}
      </button>
    </fieldset>
  );
}
