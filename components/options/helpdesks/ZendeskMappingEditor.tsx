import { t } from '../../../lib/i18n';
import { defaultZendeskMapping, ZENDESK_STATUSES } from '../../../lib/helpdesks/zendesk/mapping';
import type { DraftEditing } from '../policy/draft-editing';
import { fieldId, issuesAt } from '../policy/field-issues';
import { FieldErrors, invalidProps } from '../policy/FieldErrors';
import { TextField } from '../policy/fields';
import type { EditableMappings } from './field-mappings';
import { ValueMapEditor } from './ValueMapEditor';

/** How Zendesk fields become severity, status, workaround and office (SPEC §4). */
export function ZendeskMappingEditor({ editing }: { editing: DraftEditing<EditableMappings> }) {
  const mapping = editing.draft.zendesk;
  const source = mapping.severity;
  const fieldIdPath = ['zendesk', 'severity', 'fieldId'];
  const fieldIdIssues = issuesAt(editing.issues, fieldIdPath);
  return (
    <fieldset class="ew-group">
      <legend>{t('optionsZendeskMapping')}</legend>
      <div class="ew-field">
        <label for={fieldId(['zendesk', 'severity', 'source'])}>{t('optionsSeveritySource')}</label>
        <select
          id={fieldId(['zendesk', 'severity', 'source'])}
          value={source.source}
          onChange={(event) => {
            const next = event.currentTarget.value;
            if (next === 'priority') editing.set(['zendesk', 'severity'], { source: 'priority', values: { urgent: 1, high: 2, normal: 3, low: 4 } });
            else if (next === 'tags') editing.set(['zendesk', 'severity'], { source: 'tags', tags: { sev_1: 1, sev_2: 2, sev_3: 3, sev_4: 4 } });
            else editing.set(['zendesk', 'severity'], { source: 'customField', fieldId: Number.NaN, values: {} });
          }}
        >
          <option value="priority">{t('optionsSourcePriority')}</option>
          <option value="customField">{t('optionsSourceCustomField')}</option>
          <option value="tags">{t('optionsSourceTags')}</option>
        </select>
      </div>
      {source.source === 'customField' ? (
        <div class="ew-field">
          <label for={fieldId(fieldIdPath)}>{t('optionsCustomFieldId')}</label>
          <input
            id={fieldId(fieldIdPath)}
            type="number"
            min="1"
            value={Number.isNaN(source.fieldId) ? '' : source.fieldId}
            onInput={(event) => editing.set(fieldIdPath, event.currentTarget.value === '' ? Number.NaN : Number(event.currentTarget.value))}
            {...invalidProps(fieldIdPath, fieldIdIssues)}
          />
          <FieldErrors path={fieldIdPath} issues={fieldIdIssues} />
        </div>
      ) : null}
      {source.source === 'tags' ? (
        <ValueMapEditor label={t('optionsSeverityValues')} keyLabel={t('optionsTag')} path={['zendesk', 'severity', 'tags']} editing={editing} />
      ) : (
        <ValueMapEditor label={t('optionsSeverityValues')} keyLabel={t('optionsValue')} path={['zendesk', 'severity', 'values']} editing={editing} />
      )}
      <fieldset class="ew-field">
        <legend>{t('optionsStatusMapping')}</legend>
        {ZENDESK_STATUSES.map((status) => (
          <div key={status} class="ew-field ew-inline">
            <label for={fieldId(['zendesk', 'status', status])}>{status}</label>
            <select id={fieldId(['zendesk', 'status', status])} value={mapping.status[status]} onChange={(event) => editing.set(['zendesk', 'status', status], event.currentTarget.value)}>
              <option value="active">{t('optionsStatusActive')}</option>
              <option value="waiting">{t('optionsStatusWaiting')}</option>
              <option value="solved">{t('optionsStatusSolved')}</option>
            </select>
          </div>
        ))}
      </fieldset>
      <TextField label={t('optionsWorkaroundTag')} path={['zendesk', 'workaroundTag']} editing={editing} />
      <TextField label={t('optionsOfficeTagPrefix')} path={['zendesk', 'officeTagPrefix']} editing={editing} />
      <button type="button" class="ew-button" onClick={() => editing.set(['zendesk'], structuredClone(defaultZendeskMapping))}>
        {t('optionsMappingDefaults')}
      </button>
    </fieldset>
  );
}
