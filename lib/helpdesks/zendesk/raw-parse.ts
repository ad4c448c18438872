import { z } from 'zod';
import type { FetchedTicket, NativeSlaTarget } from '../contract';
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
  organizations: z.array(z.unknown(), { error: 'expected a list of organizations' }).optional(),
  // Checked on its own below: a native-SLA body we cannot read is a gap, not a failed ticket.
  metricEvents: z.array(z.unknown(), { error: 'expected a list of metric events' }).optional(),
  sideReadGaps: z.array(z.string()).optional(),
});

const metricEventListSchema = metricEventsPageSchema.shape.ticket_metric_events;

/** Throws HelpdeskError('malformed') naming the path, under `where` (default 'ticket') for the ticket itself. */
export function fetchedFromZendeskRaw(raw: unknown, mapping: ZendeskMapping, now: Date, where = 'ticket'): FetchedTicket {
  const body = parseOrMalformed(rawTicketSchema, raw);
  const parsed = parseOrMalformed(ticketSchema, body.ticket, where);
  const ticket = ticketFromZendesk(
    {
      ticket: body.ticket,
      ...(body.audits ? { audits: body.audits } : {}),
      ...(body.users ? { users: body.users } : {}),
      ...(body.organizations ? { organizations: body.organizations } : {}),
    },
    mapping,
  );
  const gaps = [...(ticket.gaps ?? []), ...(body.sideReadGaps ?? [])];
  let nativeSla: NativeSlaTarget[] = [];
  if (parsed.slas) nativeSla = nativeSlaFromPolicyMetrics(parsed.slas.policy_metrics, now);
  else if (body.metricEvents) {
    const events = metricEventListSchema.safeParse(body.metricEvents);
    if (events.success) nativeSla = nativeSlaFromMetricEvents(events.data, now);
    else gaps.push("Zendesk's own SLA: its metric events could not be read, so no cross-check");
  }
  return { ticket: gaps.length > 0 ? { ...ticket, gaps } : ticket, version: parsed.updated_at.toISOString(), nativeSla };
}
