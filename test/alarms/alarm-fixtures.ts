import { evaluate } from '../../lib/engine/evaluate';
import { ticketFromJson, type TicketJson } from '../../lib/engine/ticket-schema';
import type { AlarmTicket, DueOptions } from '../../lib/alarms';
import { warningLeadsFrom } from '../../lib/alarms';
import { defaultPolicy } from '../../lib/policy';
import { messageFromCatalog } from '../../lib/i18n';
import { defaultNotificationSettings } from '../../lib/storage';
import catalog from '../../public/_locales/en/messages.json';
import { ticketJson } from '../storage/watched-ticket-builders';

export const at = (iso: string) => new Date(iso);

/** A Sev 1 HQ ticket opened 08:00 UTC: response 08:30, level 2 10:00, 3 12:00, 4 14:00, 5 20:00. */
export const sev1 = (overrides: Partial<TicketJson> = {}) => ticketJson({ id: '35436', severity: 1, createdAt: '2026-07-14T08:00:00.000Z', ...overrides });

export interface TicketState {
  shown?: Record<string, string>;
  snoozedUntil?: string;
  acknowledged?: string[];
  organization?: string;
}

export function alarmTicket(json: TicketJson, now: Date, state: TicketState = {}): AlarmTicket {
  const ticket = ticketFromJson(json);
  return {
    key: `${ticket.system}:${ticket.id}`,
    ticket,
    evaluation: evaluate(ticket, defaultPolicy, now, state.acknowledged ?? []),
    shown: state.shown ?? {},
    ...(state.snoozedUntil ? { snoozedUntil: state.snoozedUntil } : {}),
    ...(state.organization ? { organization: state.organization } : {}),
  };
}

export function dueOptions(overrides: Partial<DueOptions> = {}): DueOptions {
  return {
    leads: warningLeadsFrom(defaultPolicy, { warnBeforeMinutes: {} }),
    reminderMinutes: 0,
    quietHours: defaultNotificationSettings.quietHours,
    timeZone: 'UTC',
    ...overrides,
  };
}

export const tCatalog = (key: string, subs?: string[]) => messageFromCatalog(catalog, key, subs);

/** The Sev 1 ticket's overdue first response, already notified: lets a test look at levels alone. */
export const RESPONSE_SHOWN: Record<string, string> = {
  'zendesk:35436|response|due|2026-07-14T08:30:00.000Z': '2026-07-14T08:30:00.000Z',
};
