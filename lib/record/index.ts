/** The escalation record (issue 15 item 5): pure updates, rows for a period, CSV/JSON exports, delay per level. */
export {
  withLevels,
  withNotifications,
  withAcknowledgement,
  capRecord,
  RECORD_LIMITS,
  type RecordLimits,
  type TicketFacts,
} from './record-updates';
export { recordSize, knowRecordSizeFromJson } from '../storage/escalation-record-size';
export {
  recordRows,
  recordCsv,
  recordJson,
  acknowledgementDelayMs,
  RECORD_CSV_COLUMNS,
  type RecordPeriod,
  type RecordRow,
  type RecordEvent,
} from './record-rows';
export { ackDelayByLevel, nearestRank, type LevelDelay } from './ack-delay';
export {
  ticketFacts,
  reachedLevels,
  roleLevel,
  raisedNotifications,
  acknowledgementEntry,
  noteAcknowledgements,
  type AcknowledgementInput,
} from './record-entries';
export { localDateOf, periodOfDates, lastDaysDates, type PeriodProblem } from './record-period';
