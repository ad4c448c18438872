import { t } from '../../../lib/i18n';
import type { Person } from '../../../lib/people';
import type { DraftEditing } from '../policy/draft-editing';
import { fieldId, issuesAt } from '../policy/field-issues';
import { FieldErrors, invalidProps } from '../policy/FieldErrors';
import { getIn, type DraftPath } from '../policy/policy-draft';

const personFields = ['name', 'email', 'phone', 'chat'] as const;
type PersonField = (typeof personFields)[number];

const fieldLabel: Record<PersonField, 'optionsPersonName' | 'optionsPersonEmail' | 'optionsPersonPhone' | 'optionsPersonChat'> = {
  name: 'optionsPersonName',
  email: 'optionsPersonEmail',
  phone: 'optionsPersonPhone',
  chat: 'optionsPersonChat',
};

const inputType: Record<PersonField, string> = { name: 'text', email: 'email', phone: 'tel', chat: 'url' };

/** Name, email, phone and chat link of one person; an emptied optional field is left out, not stored blank. */
export function PersonFields({ path, editing, caption }: { path: DraftPath; editing: DraftEditing<unknown>; caption: string }) {
  const person = (getIn(editing.draft, path) ?? {}) as Partial<Person>;
  return (
    <span class="ew-person-fields" role="group" aria-label={caption}>
      {personFields.map((field) => {
        const fieldPath = [...path, field];
        const issues = issuesAt(editing.issues, fieldPath);
        return (
          <span key={field} class="ew-field ew-inline">
            <label for={fieldId(fieldPath)}>{t(fieldLabel[field])}</label>
            <input
              id={fieldId(fieldPath)}
              type={inputType[field]}
              value={person[field] ?? ''}
              readOnly={editing.readOnly}
              onInput={(event) => {
                const value = event.currentTarget.value;
                if (field !== 'name' && value.trim() === '') editing.remove(fieldPath);
                else editing.set(fieldPath, value);
              }}
              {...invalidProps(fieldPath, issues)}
            />
            <FieldErrors path={fieldPath} issues={issues} />
          </span>
        );
      })}
    </span>
  );
}

interface PeopleListEditorProps {
  path: DraftPath;
  editing: DraftEditing<unknown>;
  /** What the list is, for screen readers ("Sales Rep, Shanghai Office"). */
  label: string;
  /** Rotations: the order is the weekly order, so people can be moved. */
  ordered?: boolean;
}

/** A list of people with add, remove (and for rotations, reorder). */
export function PeopleListEditor({ path, editing, label, ordered = false }: PeopleListEditorProps) {
  const value = getIn(editing.draft, path);
  const people = Array.isArray(value) ? (value as Person[]) : [];
  const listIssues = issuesAt(editing.issues, path);
  const move = (from: number, to: number) => {
    const next = [...people];
    const [person] = next.splice(from, 1);
    if (person) next.splice(to, 0, person);
    editing.set(path, next);
  };
  return (
    <div class="ew-people-list" id={fieldId(path)} {...invalidProps(path, listIssues)}>
      <FieldErrors path={path} issues={listIssues} />
      <ol class="ew-people-rows" aria-label={label}>
        {people.map((person, index) => {
          const caption = ordered ? t('optionsRotationWeek', [index + 1, person.name || '…']) : person.name || t('optionsNewPerson');
          return (
            <li key={index}>
              <PersonFields path={[...path, index]} editing={editing} caption={caption} />
              {ordered ? (
                <>
                  <button type="button" class="ew-button" disabled={editing.readOnly || index === 0} onClick={() => move(index, index - 1)} aria-label={t('optionsMoveUpNamed', caption)}>
                    ↑
                  </button>
                  <button type="button" class="ew-button" disabled={editing.readOnly || index === people.length - 1} onClick={() => move(index, index + 1)} aria-label={t('optionsMoveDownNamed', caption)}>
                    ↓
                  </button>
                </>
              ) : null}
              <button type="button" class="ew-button" disabled={editing.readOnly} onClick={() => editing.remove([...path, index])} aria-label={t('optionsRemoveNamed', caption)}>
                {t('optionsRemove')}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" class="ew-button" disabled={editing.readOnly} onClick={() => editing.set([...path, people.length], { name: '' })} aria-label={t('optionsAddPersonTo', label)}>
        {t('optionsAddPerson')}
      </button>
    </div>
  );
}
