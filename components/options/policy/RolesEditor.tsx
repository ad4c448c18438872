import { t } from '../../../lib/i18n';
import type { DraftEditing } from './draft-editing';
import { fieldId, issuesAt } from './field-issues';
import { FieldErrors, invalidProps } from './FieldErrors';
import { TextField } from './fields';
import { IdAdder } from './IdAdder';

/** The roles levels engage and notify: name and kind (an engineer works the ticket; others are told). */
export function RolesEditor({ editing }: { editing: DraftEditing }) {
  const roles = Object.entries(editing.draft.roles);
  return (
    <fieldset class="ew-group">
      <legend>{t('optionsRoles')}</legend>
      {roles.map(([id, role]) => {
        const kindPath = ['roles', id, 'kind'];
        const kindIssues = issuesAt(editing.issues, kindPath);
        return (
          <div key={id} class="ew-row-editor">
            <code class="ew-id">{id}</code>
            <TextField label={t('optionsName')} path={['roles', id, 'name']} editing={editing} />
            <div class="ew-field">
              <label for={fieldId(kindPath)}>{t('optionsRoleKind')}</label>
              <select
                id={fieldId(kindPath)}
                value={role.kind}
                disabled={editing.readOnly}
                onChange={(event) => editing.set(kindPath, event.currentTarget.value)}
                {...invalidProps(kindPath, kindIssues)}
              >
                <option value="engineer">{t('optionsRoleKindEngineer')}</option>
                <option value="notify">{t('optionsRoleKindNotify')}</option>
              </select>
              <FieldErrors path={kindPath} issues={kindIssues} />
            </div>
            <button type="button" class="ew-button" disabled={editing.readOnly} onClick={() => editing.remove(['roles', id])} aria-label={t('optionsRemoveNamed', role.name || id)}>
              {t('optionsRemove')}
            </button>
          </div>
        );
      })}
      <IdAdder
        label={t('optionsNewRoleId')}
        buttonText={t('optionsAddRole')}
        existing={roles.map(([id]) => id)}
        disabled={editing.readOnly}
        onAdd={(id) => editing.set(['roles', id], { name: id, kind: 'notify' })}
      />
    </fieldset>
  );
}
