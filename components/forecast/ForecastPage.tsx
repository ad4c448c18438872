import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ForecastActions } from './forecast-types';
import { ForecastView } from './ForecastView';
import { HandoffNoticeSettings, type ForecastSettingsStore } from './HandoffNoticeSettings';
import { useForecast } from './use-forecast';

/** The full forecast page (reached from the options page and the popup): every office's strip and handoff. */
export function ForecastPage({ actions, settings }: { actions: ForecastActions; settings: ForecastSettingsStore }) {
  const [myOffice, setMyOffice] = useState<string | null | undefined>(undefined);
  const trackingActions: ForecastActions = useState(() => ({
    ...actions,
    setMyOffice: async (office: string | null) => {
      setMyOffice(office);
      await actions.setMyOffice(office);
    },
  }))[0];
  const [state] = useForecast(trackingActions);
  return (
    <main class="ew-forecast-page-main">
      <h1>{t('forecastTitle')}</h1>
      {state.error ? (
        <p class="ew-error" role="alert">
          {t('forecastLoadFailed', state.error)}
        </p>
      ) : null}
      {state.answer ? (
        <>
          <ForecastView answer={state.answer} actions={trackingActions} variant="page" />
          <HandoffNoticeSettings store={settings} myOffice={myOffice === undefined ? state.answer.myOffice : myOffice} />
        </>
      ) : state.error ? null : (
        <p role="status">{t('forecastLoading')}</p>
      )}
    </main>
  );
}
