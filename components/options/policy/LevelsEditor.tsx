import { t } from '../../../lib/i18n';
import type { DraftEditing } from './draft-editing';
import { fieldId, issuesAt } from './field-issues';
import { Disclosure } from './Disclosure';
import { FieldErrors } from './FieldErrors';
import { IdChecklist, TextField } from './fields';
import { IdAdder } from './IdAdder';

/** The escalation levels in order: who engages, who is told, who joins on request. */
export function LevelsEditor({ editing }: { editing: DraftEditing }) {
  const { levels, roles } = editing.draft;
  const choices = Object.entries(roles).map(([id, role]) => ({ id, name: role.name || id }));
  const move = (from: number, to: number) => {
    const next = [...levels];
    const [level] = next.splice(from, 1);
    if (!level) return;
    next.splice(to, 0, level);
    editing.set(['levels'], next);
  };
  return (
    <fieldset class="ew-group">
      <legend>{t('optionsLevels')}</legend>
      <FieldErrors path={['levels']} issues={issuesAt(editing.issues, ['levels'])} />
      <ol class="ew-levels">
        {levels.map((level, index) => (
          <li key={level.id}>
            <Disclosure
              id={fieldId(['levels', index])}
              initiallyOpen={index === 0}
              forceOpen={issuesAt(editing.issues, ['levels', index], true).length > 0}
              summary={t('optionsLevelHeading', [index + 1, level.name || level.id])}
            >
              <code class="ew-id">{level.id}</code>
              <FieldErrors path={['levels', index, 'id']} issues={issuesAt(editing.issues, ['levels', index, 'id'])} />
              <TextField label={t('optionsName')} path={['levels', index, 'name']} editing={editing} />
              <IdChecklist label={t('optionsEngage')} path={['levels', index, 'engage']} editing={editing} choices={choices} />
              <IdChecklist label={t('optionsNotify')} path={['levels', index, 'notify']} editing={editing} choices={choices} />
              <IdChecklist label={t('optionsOnRequest')} path={['levels', index, 'onRequest']} editing={editing} choices={choices} />
              <div class="ew-actions">
                <button type="button" class="ew-button" disabled={editing.readOnly || index === 0} onClick={() => move(index, index - 1)}>
                  {t('optionsMoveUp')}
                </button>
                <button type="button" class="ew-button" disabled={editing.readOnly || index === levels.length - 1} onClick={() => move(index, index + 1)}>
                  {t('optionsMoveDown')}
                </button>
                <button type="button" class="ew-button" disabled={editing.readOnly} onClick={() => editing.remove(['levels', index])} aria-label={t('optionsRemoveNamed', level.name || level.id)}>
                  {t('optionsRemove')}
                </button>
              </div>
            </Disclosure>
          </li>
        ))}
      </ol>
      <IdAdder
        label={t('optionsNewLevelId')}
        buttonText={t('optionsAddLevel')}
        existing={levels.map((level) => level.id)}
        disabled={editing.readOnly}
        onAdd={(id) => editing.set(['levels', levels.length], { id, name: id, engage: [], notify: [] })}
      />
    </fieldset>
  );
}
