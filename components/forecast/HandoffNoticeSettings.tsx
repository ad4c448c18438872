import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ForecastSettings } from '../../lib/storage/forecast-settings';

export interface ForecastSettingsStore {
  load(): Promise<ForecastSettings>;
  /** Stores the settings (validated) and tells the background to re-arm the notice. */
  save(settings: ForecastSettings): Promise<void>;
}

/**
 * The handoff notice (off by default): a notification N minutes before the engineer's office
 * closes, naming the tickets that fall due before it opens again.
 */
export function HandoffNoticeSettings({ store, myOffice }: { store: ForecastSettingsStore; myOffice: string | null }) {
  const [settings, setSettings] = useState<ForecastSettings | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    store.load().then(setSettings, (error: unknown) => setStatus(t('forecastSettingsFailed', String(error))));
  }, [store]);
  if (!settings) return null;
  const save = (next: ForecastSettings) => {
    setSettings(next);
    store.save(next).then(
      () => setStatus(t('forecastSettingsSaved')),
      (error: unknown) => setStatus(t('forecastSettingsFailed', error instanceof Error ? error.message : String(error))),
    );
  };
  const office = myOffice;
  return (
    <fieldset class="ew-notice-settings">
      <legend>{t('forecastNoticeHeading')}</legend>
      <label>
        <input
          type="checkbox"
          checked={settings.handoffNotice.enabled}
          disabled={office === null}
          onChange={(event) => save({ ...settings, myOffice: office, handoffNotice: { ...settings.handoffNotice, enabled: event.currentTarget.checked } })}
        />{' '}
        {t('forecastNoticeEnable')}
      </label>
      <label>
        {t('forecastNoticeMinutes')}{' '}
        <input
          type="number"
          min={5}
          max={240}
          step={5}
          value={settings.handoffNotice.minutesBefore}
          onChange={(event) => {
            const minutes = Math.round(Number(event.currentTarget.value));
            if (!Number.isFinite(minutes) || minutes < 5 || minutes > 240) {
              setStatus(t('forecastSettingsFailed', `${t('forecastNoticeMinutes')}: 5–240`));
              return;
            }
            save({ ...settings, myOffice: office, handoffNotice: { ...settings.handoffNotice, minutesBefore: minutes } });
          }}
        />
      </label>
      {office === null ? <p class="ew-hint">{t('forecastNoticeNeedsOffice')}</p> : null}
      <p class="ew-forecast-status" role="status" aria-live="polite">
        {status}
      </p>
    </fieldset>
  );
}
