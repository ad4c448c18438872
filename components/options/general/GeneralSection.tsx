import { t } from '../../../lib/i18n';
import { generalSettingsSchema, type GeneralSettings } from '../../../lib/storage';
import type { SettingsStore } from '../options-services';
import { SaveBar } from '../settings/SaveBar';
import { useSettingsDraft } from '../settings/settings-draft';
import { editingOf } from '../settings/editing';
import { CheckboxInput, NullableTextInput, NumberInput } from '../settings/inputs';

const ackModes = ['off', 'ask', 'always'] as const;

/** Who the engineer is (for "mine"), whether "mark notified" writes a note on the ticket, housekeeping. */
export function GeneralSection({ store }: { store: SettingsStore<GeneralSettings> }) {
  const form = useSettingsDraft(store, generalSettingsSchema);
  const settings = form.draft.value;
  if (form.loadError.value) return <p class="ew-field-errors" role="alert">{t('optionsLoadFailed', form.loadError.value)}</p>;
  if (!settings) return <p role="status">{t('optionsLoading')}</p>;
  const editing = editingOf(form, settings);
  return (
    <section class="ew-section" aria-labelledby="ew-general-title">
      <h2 id="ew-general-title">{t('optionsGeneral')}</h2>
      <fieldset class="ew-group">
        <legend>{t('optionsWhoAmI')}</legend>
        <p class="ew-help">{t('optionsWhoAmIHelp')}</p>
        <CheckboxInput label={t('optionsMineEnabled')} path={['mine', 'enabled']} editing={editing} />
        <NullableTextInput label={t('optionsMineEmail')} path={['mine', 'email']} editing={editing} />
        <NullableTextInput label={t('optionsMineZendesk')} path={['mine', 'zendeskUserId']} editing={editing} />
        <NullableTextInput label={t('optionsMineJira')} path={['mine', 'jiraAccountId']} editing={editing} />
      </fieldset>
      <fieldset class="ew-group">
        <legend>{t('optionsAckNote')}</legend>
        {ackModes.map((mode) => (
          <label key={mode} class="ew-check">
            <input type="radio" name="ew-ack-note" value={mode} checked={settings.ackNoteMode === mode} onChange={() => form.set(['ackNoteMode'], mode)} />
            {t(mode === 'off' ? 'optionsAckNoteOff' : mode === 'ask' ? 'optionsAckNoteAsk' : 'optionsAckNoteAlways')}
          </label>
        ))}
      </fieldset>
      <fieldset class="ew-group">
        <legend>{t('optionsHousekeeping')}</legend>
        <NumberInput label={t('optionsForgetSolvedAfter')} path={['forgetSolvedAfterDays']} editing={editing} min={1} max={365} />
        <CheckboxInput label={t('optionsWatchViewTickets')} path={['watchViewTickets']} editing={editing} />
      </fieldset>
      <SaveBar form={form} />
    </section>
  );
}
