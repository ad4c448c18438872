import { t } from '../../lib/i18n';
import type { ForecastActions } from './forecast-types';
import { ForecastView } from './ForecastView';
import { useForecast } from './use-forecast';

interface ForecastTabProps {
  actions: ForecastActions;
  onOpenFullPage: () => void;
}

/** The popup's "Next 24 h" tab: the background's forecast, compact, with the way to the full page. */
export function ForecastTab({ actions, onOpenFullPage }: ForecastTabProps) {
  const [state] = useForecast(actions);
  return (
    <section class="ew-forecast-tab" aria-label={t('popupTabForecast')}>
      {state.error ? (
        <p class="ew-error" role="alert">
          {t('forecastLoadFailed', state.error)}
        </p>
      ) : null}
      {state.answer ? (
        <ForecastView answer={state.answer} actions={actions} variant="popup" />
      ) : state.error ? null : (
        <p class="ew-loading" role="status">
          {t('forecastLoading')}
        </p>
      )}
      <p class="ew-forecast-full">
        <button type="button" class="ew-button" onClick={onOpenFullPage}>
          {t('forecastOpenFullPage')}
        </button>
      </p>
    </section>
  );
}
