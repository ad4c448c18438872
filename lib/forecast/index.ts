export { forecast } from './forecast';
export type { ForecastEvent, ForecastEventKind } from './forecast';
export { toICS, eventUid, eventSummary, ENGLISH_ICS_LABELS } from './ics';
export type { IcsLabels, IcsOptions } from './ics';
