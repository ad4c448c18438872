export { ForecastView } from './ForecastView';
export { ForecastTab } from './ForecastTab';
export { TicketCalendarLink } from './TicketCalendarLink';
export { CalendarLink } from './CalendarLink';
export { useForecast } from './use-forecast';
export { forecastStyles } from './forecast-styles';
export type { ForecastActions } from './forecast-types';
export { ForecastPage } from './ForecastPage';
export type { ForecastSettingsStore } from './HandoffNoticeSettings';
