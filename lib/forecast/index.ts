export { forecast } from './forecast';
export type { ForecastEvent, ForecastEventKind } from './forecast';
export { toICS, eventUid, eventSummary, ENGLISH_ICS_LABELS } from './ics';
export type { IcsLabels, IcsOptions } from './ics';
export { handoffFor, handoffHorizon, handoffNoticeAt, coverageAt } from './handoff';
export type { Handoff, HandoffTicket, HandoffDue, Coverage } from './handoff';
export { officeStrip, officesOpenAt, currentOrNextBusinessDay, reopeningAfter } from './office-day';
export type { OfficeStrip, StripDay, DayKind, BusinessDay } from './office-day';
