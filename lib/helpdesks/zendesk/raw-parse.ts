import { z } from 'zod';
import type { FetchedTicket } from '../contract';
import { parseOrMalformed } from '../http';
import { ticketFromZendesk } from './map';
import type { ZendeskMapping } from './mapping';
import { nativeSlaFromMetricEvents, nativeSlaFromPolicyMetrics } from './native-sla';
import { metricEventsPageSchema, ticketSchema } from './schemas';

/**
 * The background half of a Zendesk read: what a page fetched (rest-reads.ts) → ticket, version
 * and Zendesk's own SLA targets. Pure apart from `now`, which decides "breached".
 */

const rawTicketSchema = z.looseObject({
  ticket: z.unknown(),
  audits: z.array(z.unknown(), { error: 'expected a list of audits' }).optional(),
  users: z.array(z.unknown(), { error: 'expected a list of users' }).optional(),
  metricEvents: metricEventsPageSchema.shape.ticket_metric_events.optional(),
});

/** Throws HelpdeskError('malformed') naming the path, under `where` (default 'ticket') for the ticket itself. */
export function fetchedFromZendeskRaw(raw: unknown, mapping: ZendeskMapping, now: Date, where = 'ticket'): FetchedTicket {
  const body = parseOrMalformed(rawTicketSchema, raw);
  const parsed = parseOrMalformed(ticketSchema, body.ticket, where);
  const ticket = ticketFromZendesk(
    { ticket: body.ticket, ...(body.audits ? { audits: body.audits } : {}), ...(body.users ? { users: body.users } : {}) },
    mapping,
  );
  const nativeSla = parsed.slas
    ? nativeSlaFromPolicyMetrics(parsed.slas.policy_metrics, now)
    : body.metricEvents
      ? nativeSlaFromMetricEvents(body.metricEvents, now)
      : [];
  return { ticket, version: parsed.updated_at.toISOString(), nativeSla };
}
