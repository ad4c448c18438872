import { t } from '../../../lib/i18n';
import { defaultFieldSeverities, defaultPrioritySeverities, jiraMappingDefaults } from '../../../lib/helpdesks/jira/mapping';
import type { DraftEditing } from '../policy/draft-editing';
import { fieldId } from '../policy/field-issues';
import { TextField } from '../policy/fields';
import { StringListEditor } from '../settings/StringListEditor';
import type { EditableMappings } from './field-mappings';
import { ValueMapEditor } from './ValueMapEditor';

/** How Jira fields become severity, status, workaround and office (SPEC §4). */
export function JiraMappingEditor({ editing }: { editing: DraftEditing<EditableMappings> }) {
  const mapping = editing.draft.jira;
  const source = mapping.severity;
  return (
    <fieldset class="ew-group">
      <legend>{t('optionsJiraMapping')}</legend>
      <div class="ew-field">
        <label for={fieldId(['jira', 'severity', 'source'])}>{t('optionsSeveritySource')}</label>
        <select
          id={fieldId(['jira', 'severity', 'source'])}
          value={source.source}
          onChange={(event) =>
            editing.set(
              ['jira', 'severity'],
              event.currentTarget.value === 'priority'
                ? { source: 'priority', values: { ...defaultPrioritySeverities }, numbered: true }
                : { source: 'field', field: 'Severity', values: { ...defaultFieldSeverities }, numbered: true },
            )
          }
        >
          <option value="priority">{t('optionsSourcePriority')}</option>
          <option value="field">{t('optionsSourceCustomField')}</option>
        </select>
      </div>
      {source.source === 'field' ? <TextField label={t('optionsJiraField')} path={['jira', 'severity', 'field']} editing={editing} /> : null}
      <label class="ew-check">
        <input type="checkbox" checked={source.numbered} onChange={(event) => editing.set(['jira', 'severity', 'numbered'], event.currentTarget.checked)} />
        {t('optionsNumberedSeverities')}
      </label>
      <ValueMapEditor label={t('optionsSeverityValues')} keyLabel={t('optionsValue')} path={['jira', 'severity', 'values']} editing={editing} />
      <StringListEditor label={t('optionsWaitingStatuses')} itemLabel={t('optionsStatusName')} path={['jira', 'waitingStatuses']} editing={editing} />
      <StringListEditor label={t('optionsDoneStatuses')} itemLabel={t('optionsStatusName')} path={['jira', 'doneStatuses']} editing={editing} />
      <TextField label={t('optionsWorkaroundLabel')} path={['jira', 'workaroundLabel']} editing={editing} />
      <TextField label={t('optionsOfficeLabelPrefix')} path={['jira', 'officeLabelPrefix']} editing={editing} />
      <div class="ew-field">
        <label for={fieldId(['jira', 'apiVersion'])}>{t('optionsJiraApiVersion')}</label>
        <select
          id={fieldId(['jira', 'apiVersion'])}
          value={String(mapping.apiVersion)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            editing.set(['jira', 'apiVersion'], value === 'auto' ? 'auto' : Number(value));
          }}
        >
          <option value="auto">{t('optionsJiraApiAuto')}</option>
          <option value="3">3</option>
          <option value="2">2</option>
        </select>
      </div>
      <button type="button" class="ew-button" onClick={() => editing.set(['jira'], structuredClone(jiraMappingDefaults))}>
        {t('optionsMappingDefaults')}
      </button>
    </fieldset>
  );
}
