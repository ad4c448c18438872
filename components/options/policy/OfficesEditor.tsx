import { useMemo } from 'preact/hooks';
import { t, type MessageKey } from '../../../lib/i18n';
import { weekdayKeys, type WeekdayKey } from '../../../lib/policy/schema';
import type { DraftEditing } from './draft-editing';
import { fieldId, issuesAt } from './field-issues';
import { Disclosure } from './Disclosure';
import { FieldErrors, invalidProps } from './FieldErrors';
import { DateListField, TextField } from './fields';
import { IdAdder } from './IdAdder';

const weekdayNames: Record<WeekdayKey, MessageKey> = {
  mon: 'optionsMonday',
  tue: 'optionsTuesday',
  wed: 'optionsWednesday',
  thu: 'optionsThursday',
  fri: 'optionsFriday',
  sat: 'optionsSaturday',
  sun: 'optionsSunday',
};

const TIME_ZONES_LIST = 'ew-time-zones';

function timeZones(): string[] {
  // Not in every engine; without it the field still takes any IANA name (the parser checks it).
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

function HoursRow({ officeId, day, editing }: { officeId: string; day: WeekdayKey; editing: DraftEditing }) {
  const path = ['offices', officeId, 'hours', day];
  const range = editing.draft.offices[officeId]?.hours[day];
  const issues = issuesAt(editing.issues, path, true);
  const dayName = t(weekdayNames[day]);
  return (
    <div class="ew-hours-row" id={fieldId(path)}>
      <label class="ew-check">
        <input
          type="checkbox"
          checked={range !== undefined}
          disabled={editing.readOnly}
          onChange={(event) => (event.currentTarget.checked ? editing.set(path, ['09:00', '18:00']) : editing.remove(path))}
        />
        {dayName}
      </label>
      {range ? (
        <>
          <input
            type="time"
            aria-label={t('optionsOpensAt', dayName)}
            value={range[0]}
            readOnly={editing.readOnly}
            onInput={(event) => editing.set([...path, 0], event.currentTarget.value)}
            {...invalidProps(path, issues)}
          />
          <span aria-hidden="true">–</span>
          <input
            type="time"
            aria-label={t('optionsClosesAt', dayName)}
            value={range[1]}
            readOnly={editing.readOnly}
            onInput={(event) => editing.set([...path, 1], event.currentTarget.value)}
            {...invalidProps(path, issues)}
          />
        </>
      ) : (
        <span class="ew-muted">{t('optionsClosed')}</span>
      )}
      <FieldErrors path={path} issues={issues} />
    </div>
  );
}

/** Offices: time zone, weekly hours, public holidays and make-up workdays. */
export function OfficesEditor({ editing }: { editing: DraftEditing }) {
  // Some 400 zones: built once, and the same vnode each render, so Preact skips diffing it.
  const timeZoneList = useMemo(
    () => (
      <datalist id={TIME_ZONES_LIST}>
        {timeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    ),
    [],
  );
  const offices = Object.entries(editing.draft.offices);
  return (
    <fieldset class="ew-group">
      <legend>{t('optionsOffices')}</legend>
      {timeZoneList}
      {offices.map(([id, office]) => (
        <Disclosure
          key={id}
          id={fieldId(['offices', id])}
          class="ew-office"
          forceOpen={issuesAt(editing.issues, ['offices', id], true).length > 0}
          summary={
            <>
              {office.name || id} <span class="ew-muted">({office.timeZone})</span>
            </>
          }
        >
          <code class="ew-id">{id}</code>
          <FieldErrors path={['offices', id]} issues={issuesAt(editing.issues, ['offices', id])} />
          <TextField label={t('optionsName')} path={['offices', id, 'name']} editing={editing} />
          <TextField label={t('optionsTimeZone')} path={['offices', id, 'timeZone']} editing={editing} list={TIME_ZONES_LIST} />
          <fieldset class="ew-field">
            <legend>{t('optionsBusinessHours')}</legend>
            {weekdayKeys.map((day) => (
              <HoursRow key={day} officeId={id} day={day} editing={editing} />
            ))}
          </fieldset>
          <DateListField label={t('optionsHolidays')} hint={t('optionsDatesHint')} path={['offices', id, 'holidays']} editing={editing} />
          <DateListField label={t('optionsWorkdays')} hint={t('optionsDatesHint')} path={['offices', id, 'workdays']} editing={editing} />
          <button type="button" class="ew-button" disabled={editing.readOnly} onClick={() => editing.remove(['offices', id])} aria-label={t('optionsRemoveNamed', office.name || id)}>
            {t('optionsRemove')}
          </button>
        </Disclosure>
      ))}
      <IdAdder
        label={t('optionsNewOfficeId')}
        buttonText={t('optionsAddOffice')}
        existing={offices.map(([id]) => id)}
        disabled={editing.readOnly}
        onAdd={(id) =>
          editing.set(['offices', id], {
            name: id,
            timeZone: 'UTC',
            hours: Object.fromEntries(weekdayKeys.slice(0, 5).map((day) => [day, ['09:00', '18:00']])),
            holidays: [],
            workdays: [],
          })
        }
      />
    </fieldset>
  );
}
