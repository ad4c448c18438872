import { t } from '../../../lib/i18n';
import type { DraftEditing } from './draft-editing';
import { fieldId, issuesAt } from './field-issues';
import { Disclosure } from './Disclosure';
import { FieldErrors } from './FieldErrors';
import { DurationField, TextField } from './fields';

const severityKeys = ['1', '2', '3', '4'] as const;

/** Per severity: its name, response target, the start of every level after the first, update cadence, warning. */
export function SeveritiesEditor({ editing }: { editing: DraftEditing }) {
  const laterLevels = editing.draft.levels.slice(1);
  return (
    <fieldset class="ew-group">
      <legend>{t('optionsSeverities')}</legend>
      <p class="ew-help">{t('optionsSeveritiesHelp')}</p>
      {severityKeys.map((key) => {
        const base = ['severities', key] as const;
        const escalate = editing.draft.severities[key]?.escalate ?? {};
        // Targets for level ids that are not (or no longer) levels stay editable, so their error has a place.
        const strayIds = Object.keys(escalate).filter((id) => !laterLevels.some((level) => level.id === id));
        return (
          <Disclosure
            key={key}
            id={fieldId([...base])}
            class="ew-severity"
            initiallyOpen={key === '1'}
            forceOpen={issuesAt(editing.issues, [...base], true).length > 0}
            summary={t('optionsSeverityHeading', [key, editing.draft.severities[key]?.name ?? ''])}
          >
            <FieldErrors path={[...base]} issues={issuesAt(editing.issues, [...base])} />
            <TextField label={t('optionsName')} path={[...base, 'name']} editing={editing} />
            <DurationField label={t('optionsResponseTarget')} path={[...base, 'response']} editing={editing} />
            {laterLevels.map((level) => (
              <DurationField
                key={level.id}
                label={t('optionsLevelStartsAfter', [level.name || level.id])}
                path={[...base, 'escalate', level.id]}
                editing={editing}
              />
            ))}
            {strayIds.map((id) => (
              <DurationField key={id} label={t('optionsLevelStartsAfter', [id])} path={[...base, 'escalate', id]} editing={editing} />
            ))}
            <DurationField label={t('optionsUpdateEvery')} path={[...base, 'updates', 'every']} editing={editing} />
            <DurationField label={t('optionsUpdateAfterWorkaround')} path={[...base, 'updates', 'afterWorkaround']} editing={editing} />
            <DurationField label={t('optionsWarnBefore')} path={[...base, 'warnBefore']} editing={editing} />
          </Disclosure>
        );
      })}
    </fieldset>
  );
}
