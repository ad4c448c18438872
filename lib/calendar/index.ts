/**
 * Office business time (SPEC §2): see README.md beside this file for the contract and the
 * decisions on DST gaps, overlaps and extra working days.
 */
export { OfficeCalendar, calendarFor, calendarForOffice } from './office-calendar';
export {
  localDateOf,
  localWallTimeOf,
  isBusinessDay,
  businessIntervalOf,
  businessTimeBetween,
  addBusinessTime,
  endOfNthBusinessDay,
  isOpenAt,
  nextOpeningAt,
} from './business-time';
export { formatLocal } from './format-local';
export { dayNumberFromIso, isoFromDayNumber, weekdayIndexOf } from './civil-date';
