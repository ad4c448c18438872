import { formatInstant, t, uiLanguage } from '../../lib/i18n';
import type { ForecastItem } from '../../lib/messages/forecast-view';
import { forecastTicketLabel, forecastWhat, forecastWhom } from '../../lib/view-model/forecast-view';
import type { ForecastRow } from '../../lib/view-model/forecast-hours';
import { WindowedList } from '../popup/WindowedList';

/** Row heights the CSS keeps (forecast-styles.ts), so the list places rows without measuring. */
export const FORECAST_HOUR_ROW = 26;
export const FORECAST_EVENT_ROW = 62;
const rowHeight = (row: ForecastRow) => (row.kind === 'hour' ? FORECAST_HOUR_ROW : FORECAST_EVENT_ROW);
const rowKey = (row: ForecastRow) => row.key;

interface ForecastListProps {
  rows: readonly ForecastRow[];
  officeNames: ReadonlyMap<string, string>;
  engineerTimeZone: string;
  onOpenTicket: (item: ForecastItem) => void;
}

/**
 * Every coming level, response and update deadline, under its hour: the time, the ticket, what
 * falls due, its office and whom to tell. Windowed: only the rows in view are rendered, so 2,000
 * tickets' events cost what a screenful does.
 */
export function ForecastList({ rows, officeNames, engineerTimeZone, onOpenTicket }: ForecastListProps) {
  const locale = uiLanguage();
  return (
    <WindowedList
      items={rows}
      itemKey={rowKey}
      rowHeight={rowHeight}
      label={t('forecastListLabel')}
      fallbackHeight={360}
      renderRow={(row) => {
        if (row.kind === 'hour') {
          return (
            <h3 class="ew-forecast-hour">{t('forecastHourHeading', [formatInstant(new Date(row.startsAt), engineerTimeZone, locale), row.count])}</h3>
          );
        }
        const { item } = row;
        const whom = forecastWhom(item, { t });
        return (
          <div class={`ew-forecast-event ew-forecast-sev${item.severity ?? 0}`} data-uid={item.uid}>
            <div class="ew-forecast-line">
              <span class="ew-forecast-time">{formatInstant(new Date(item.at), engineerTimeZone, locale, 'time')}</span>
              <button type="button" class="ew-link ew-forecast-ticket" title={item.title} onClick={() => onOpenTicket(item)}>
                {forecastTicketLabel(item)} {item.title}
              </button>
            </div>
            <div class="ew-forecast-line ew-forecast-what">
              <span>{forecastWhat(item, { t })}</span>
              <span class="ew-forecast-office">{officeNames.get(item.officeId) ?? item.officeId}</span>
            </div>
            <div class="ew-forecast-line ew-forecast-whom" title={whom}>
              {whom}
            </div>
          </div>
        );
      }}
    />
  );
}
