import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { OfficeCalendar } from './office-calendar';

/**
 * An instant shown in the office's local time with a date-fns `format` pattern
 * ('EEE HH:mm', 'yyyy-MM-dd HH:mm zzz'). For explanations and UI only: it allocates, so keep
 * it off the evaluation hot path.
 */
export function formatLocal(cal: OfficeCalendar, atMs: number, pattern: string): string {
  return format(new TZDate(atMs, cal.timeZone), pattern);
}
