import { t } from '../../../lib/i18n';
import type { DraftEditing } from './draft-editing';
import { fieldId, issuesAt } from './field-issues';
import { FieldErrors, invalidProps } from './FieldErrors';
import { TextField } from './fields';
import { StringListEditor } from '../settings/StringListEditor';

const pausable = ['waiting', 'active'] as const;

/** The policy's name, default office, which statuses pause the clocks, and the hot accounts (SPEC §1). */
export function GeneralEditor({ editing }: { editing: DraftEditing }) {
  const { draft } = editing;
  const officeIssues = issuesAt(editing.issues, ['defaultOffice']);
  const pauseIssues = issuesAt(editing.issues, ['pauseWhile'], true);
  const pauseWhile: readonly string[] = Array.isArray(draft.pauseWhile) ? draft.pauseWhile : [];
  return (
    <fieldset class="ew-group">
      <legend>{t('optionsPolicyGeneral')}</legend>
      <TextField label={t('optionsPolicyName')} path={['name']} editing={editing} />
      <div class="ew-field">
        <label for={fieldId(['defaultOffice'])}>{t('optionsDefaultOffice')}</label>
        <select
          id={fieldId(['defaultOffice'])}
          value={draft.defaultOffice}
          disabled={editing.readOnly}
          onChange={(event) => editing.set(['defaultOffice'], event.currentTarget.value)}
          {...invalidProps(['defaultOffice'], officeIssues)}
        >
          {Object.entries(draft.offices).map(([id, office]) => (
            <option key={id} value={id}>
              {office.name || id}
            </option>
          ))}
          {draft.defaultOffice in draft.offices ? null : <option value={draft.defaultOffice}>{draft.defaultOffice}</option>}
        </select>
        <FieldErrors path={['defaultOffice']} issues={officeIssues} />
      </div>
      <fieldset class="ew-field ew-checklist" id={fieldId(['pauseWhile'])} {...invalidProps(['pauseWhile'], pauseIssues)}>
        <legend>{t('optionsPauseWhile')}</legend>
        {pausable.map((status) => (
          <label key={status} class="ew-check">
            <input
              type="checkbox"
              checked={pauseWhile.includes(status)}
              disabled={editing.readOnly}
              onChange={(event) =>
                editing.set(
                  ['pauseWhile'],
                  event.currentTarget.checked ? [...pauseWhile, status] : pauseWhile.filter((s) => s !== status),
                )
              }
            />
            {t(status === 'waiting' ? 'optionsStatusWaiting' : 'optionsStatusActive')}
          </label>
        ))}
        <FieldErrors path={['pauseWhile']} issues={pauseIssues} />
      </fieldset>
      <p class="ew-help">{t('optionsHotAccountsHelp')}</p>
      <StringListEditor label={t('optionsHotAccounts')} itemLabel={t('optionsOrganization')} path={['hotAccounts']} editing={editing} />
    </fieldset>
  );
}
