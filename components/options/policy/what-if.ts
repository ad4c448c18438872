import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Severity, Ticket } from '../../../lib/engine/types';

/** A ticket that exists only to ask the policy "what if one opened now?". */
export function whatIfTicket(severity: Severity, office: string, openedAt: Date): Ticket {
  return {
    system: 'zendesk',
    id: 'what-if',
    url: 'https://example.invalid/what-if',
    title: '',
    createdAt: openedAt,
    severity,
    status: 'active',
    office,
    workaround: false,
    history: [],
  };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A datetime-local value ("2026-07-14T10:00") read as wall time in `timeZone`; null when incomplete. */
export function instantFromLocalInput(value: string, timeZone: string): Date | null {
  const match = LOCAL.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const at = new TZDate(y, mo - 1, d, h, mi, timeZone);
  return Number.isNaN(at.getTime()) ? null : new Date(at.getTime());
}

/** The datetime-local value showing `at` in `timeZone`. */
export function localInputValue(at: Date, timeZone: string): string {
  return format(new TZDate(at.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}
