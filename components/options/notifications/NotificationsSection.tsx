import { t, type MessageKey } from '../../../lib/i18n';
import type { Policy } from '../../../lib/policy/schema';
import { formatDuration } from '../../../lib/policy';
import { notificationSettingsSchema, type NotificationSettings, type Weekday } from '../../../lib/storage';
import type { SettingsStore } from '../options-services';
import { SaveBar } from '../settings/SaveBar';
import { useSettingsDraft } from '../settings/settings-draft';
import { editingOf } from '../settings/editing';
import { CheckboxInput, NullableTextInput, NumberInput, TimeInput } from '../settings/inputs';

const weekdays: Array<[Weekday, MessageKey]> = [
  ['mon', 'optionsMonday'],
  ['tue', 'optionsTuesday'],
  ['wed', 'optionsWednesday'],
  ['thu', 'optionsThursday'],
  ['fri', 'optionsFriday'],
  ['sat', 'optionsSaturday'],
  ['sun', 'optionsSunday'],
];

/** Warning lead times, quiet hours (Sev 3–4 only) and sound; synced between the engineer's browsers. */
export function NotificationsSection({ store, policy }: { store: SettingsStore<NotificationSettings>; policy: Policy }) {
  const form = useSettingsDraft(store, notificationSettingsSchema);
  const settings = form.draft.value;
  if (form.loadError.value) return <p class="ew-field-errors" role="alert">{t('optionsLoadFailed', form.loadError.value)}</p>;
  if (!settings) return <p role="status">{t('optionsLoading')}</p>;
  const editing = editingOf(form, settings);
  const quiet = settings.quietHours;
  return (
    <section class="ew-section" aria-labelledby="ew-notifications-title">
      <h2 id="ew-notifications-title">{t('optionsNotifications')}</h2>
      <p class="ew-help">{t('optionsSyncedHelp')}</p>
      <fieldset class="ew-group">
        <legend>{t('optionsWarningLeadTimes')}</legend>
        {(['1', '2', '3', '4'] as const).map((severity) => {
          const policyWarn = policy.severities[severity]?.warnBefore;
          return (
            <NumberInput
              key={severity}
              label={t('optionsWarnMinutesFor', severity)}
              path={['warnBeforeMinutes', severity]}
              editing={editing}
              emptyRemoves
              min={0}
              hint={policyWarn ? t('optionsPolicyDefault', formatDuration(policyWarn)) : t('optionsNoWarning')}
            />
          );
        })}
      </fieldset>
      <fieldset class="ew-group">
        <legend>{t('optionsQuietHours')}</legend>
        <p class="ew-help">{t('optionsQuietHoursHelp')}</p>
        <CheckboxInput label={t('optionsQuietHoursOn')} path={['quietHours', 'enabled']} editing={editing} />
        <TimeInput label={t('optionsQuietFrom')} path={['quietHours', 'start']} editing={editing} />
        <TimeInput label={t('optionsQuietUntil')} path={['quietHours', 'end']} editing={editing} />
        <fieldset class="ew-field ew-checklist">
          <legend>{t('optionsQuietDays')}</legend>
          {weekdays.map(([day, key]) => (
            <label key={day} class="ew-check">
              <input
                type="checkbox"
                checked={quiet.days.includes(day)}
                onChange={(event) => form.set(['quietHours', 'days'], event.currentTarget.checked ? [...quiet.days, day] : quiet.days.filter((d) => d !== day))}
              />
              {t(key)}
            </label>
          ))}
        </fieldset>
        <NullableTextInput label={t('optionsQuietTimeZone')} path={['quietHours', 'timeZone']} editing={editing} placeholder={t('optionsBrowserTimeZone')} />
      </fieldset>
      <fieldset class="ew-group" data-options="ack-timeouts">
        <legend>{t('optionsAckTimeouts')}</legend>
        <p class="ew-help">{t('optionsAckTimeoutsHelp')}</p>
        {(['1', '2', '3', '4'] as const).map((severity) => (
          <NumberInput
            key={severity}
            label={t('optionsAckTimeoutFor', severity)}
            path={['ackTimeoutMinutes', severity]}
            editing={editing}
            min={0}
          />
        ))}
      </fieldset>
      <fieldset class="ew-group">
        <legend>{t('optionsSoundAndReminders')}</legend>
        <CheckboxInput label={t('optionsSound')} path={['sound']} editing={editing} />
        <NumberInput label={t('optionsReminderMinutes')} path={['reminderMinutes']} editing={editing} min={0} />
      </fieldset>
      <SaveBar form={form} />
    </section>
  );
}
