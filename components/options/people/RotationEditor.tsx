import { formatInstant, t, uiLanguage } from '../../../lib/i18n';
import { onDutyFromRotation, rotationSchema, type Directory } from '../../../lib/people';
import type { DraftEditing } from '../policy/draft-editing';
import { fieldId, issuesAt } from '../policy/field-issues';
import { invalidProps } from '../policy/FieldErrors';
import { LabelledField } from '../policy/LabelledField';
import { TextField } from '../policy/fields';
import { PeopleListEditor } from './PeopleListEditor';

interface RotationEditorProps {
  officeId: string;
  officeName: string;
  editing: DraftEditing<Directory>;
  now: Date;
}

function DateOrTimeField({ label, path, type, editing }: { label: string; path: Array<string | number>; type: 'date' | 'time'; editing: DraftEditing<Directory> }) {
  const issues = issuesAt(editing.issues, path);
  const rotation = editing.draft.directorRotations[String(path[1])];
  const value = type === 'date' ? rotation?.anchorDate : rotation?.handoverTime;
  return (
    <LabelledField label={label} path={path} issues={issues} extraClass="ew-inline">
      <input id={fieldId(path)} type={type} value={value ?? ''} readOnly={editing.readOnly} onInput={(event) => editing.set(path, event.currentTarget.value)} {...invalidProps(path, issues)} />
    </LabelledField>
  );
}

/** One office's weekly on-duty Escalation Director rotation, and who is on duty now and next. */
export function RotationEditor({ officeId, officeName, editing, now }: RotationEditorProps) {
  const base = ['directorRotations', officeId];
  const rotation = editing.draft.directorRotations[officeId];
  if (!rotation) return null;
  const valid = rotationSchema.safeParse(rotation);
  const onDuty = valid.success ? onDutyFromRotation(valid.data, now) : null;
  const locale = uiLanguage();
  const at = (date: Date) => formatInstant(date, rotation.timeZone, locale);
  return (
    <div class="ew-rotation">
      {onDuty ? (
        <p class="ew-on-duty" role="status">
          {t('optionsOnDutyNow', [onDuty.current.person.name, at(onDuty.current.until)])} {t('optionsOnDutyNext', [onDuty.next.person.name, at(onDuty.next.from)])}
        </p>
      ) : (
        <p class="ew-muted">{t('optionsOnDutyUnknown')}</p>
      )}
      <DateOrTimeField label={t('optionsRotationAnchor')} path={[...base, 'anchorDate']} type="date" editing={editing} />
      <DateOrTimeField label={t('optionsRotationHandover')} path={[...base, 'handoverTime']} type="time" editing={editing} />
      <TextField label={t('optionsTimeZone')} path={[...base, 'timeZone']} editing={editing} />
      <PeopleListEditor path={[...base, 'people']} editing={editing} label={t('optionsRotationOf', officeName)} ordered />
      <button type="button" class="ew-button" disabled={editing.readOnly} onClick={() => editing.remove(base)}>
        {t('optionsRemoveRotation', officeName)}
      </button>
    </div>
  );
}
