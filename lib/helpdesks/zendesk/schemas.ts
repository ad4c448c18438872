import { z } from 'zod';
import { ZENDESK_STATUSES } from './mapping';

/**
 * The parts of Zendesk API bodies this extension reads. Lenient on everything else (loose
 * objects: Zendesk adds fields all the time), strict on what is used, and every message says
 * what was expected so "ticket.created_at: expected an ISO date" reaches the log.
 */

function expected(what: string) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined ? `missing, expected ${what}` : `expected ${what}`),
  };
}

const isoDate = z.iso.datetime({ offset: true, ...expected('an ISO date') }).transform((text) => new Date(text));
const id = z.number(expected('a numeric id')).int().positive();
const zendeskUrl = z.url(expected('a URL'));

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type ZendeskPriority = (typeof PRIORITIES)[number];

const priority = z.enum(PRIORITIES, expected(`one of ${PRIORITIES.join(', ')} or null`)).nullable();
const status = z.enum(ZENDESK_STATUSES, expected(`one of ${ZENDESK_STATUSES.join(', ')}`));
const tags = z.array(z.string(expected('a tag')), expected('a list of tags'));

/** Custom field values are strings (drop-down option tags, text), numbers, booleans, lists or null. */
const customFieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()], {
  error: 'expected a string, number, boolean, list of strings or null',
});

/** Zendesk's own SLA targets, sideloaded with ?include=slas. */
export const slaPolicyMetricSchema = z.looseObject({
  metric: z.string(expected('a metric name')),
  stage: z.string(expected('a stage (active, paused, achieved)')),
  breach_at: isoDate.nullable().optional(),
});

export const ticketSchema = z.looseObject({
  id,
  url: zendeskUrl,
  subject: z.string(expected('a subject')).nullable(),
  created_at: isoDate,
  updated_at: isoDate,
  priority,
  status,
  tags,
  custom_fields: z
    .array(z.looseObject({ id, value: customFieldValue.optional().default(null) }), expected('a list of custom fields'))
    .optional()
    .default([]),
  slas: z.looseObject({ policy_metrics: z.array(slaPolicyMetricSchema) }).optional(),
  /** The customer organisation; its name comes from the `organizations` sideload. */
  organization_id: id.nullable().optional(),
  assignee_id: id.nullable().optional(),
});

/** Sideloaded with ?include=organizations (on a ticket or show_many). */
export const organizationSchema = z.looseObject({
  id,
  name: z.string(expected("the organisation's name")),
});

export const userSchema = z.looseObject({
  id,
  name: z.string().optional(),
  role: z.string(expected('a role (end-user, agent, admin)')),
});

/** `Create`/`Change` set a field: priority/status take a string or null, tags a list, custom fields anything. */
const fieldEventSchema = z.looseObject({
  type: z.enum(['Create', 'Change']),
  field_name: z.string(expected('a field name')),
  value: z.unknown(),
  previous_value: z.unknown().optional(),
});

const commentEventSchema = z.looseObject({
  type: z.literal('Comment'),
  public: z.boolean(expected('true or false')),
  author_id: id,
  body: z.string(expected('the comment text')),
  html_body: z.string().optional(),
});

export type FieldEvent = z.infer<typeof fieldEventSchema>;
export type CommentEvent = z.infer<typeof commentEventSchema>;
export type OtherEvent = { type: 'Other'; zendeskType: string };
export type AuditEvent = FieldEvent | CommentEvent | OtherEvent;

/**
 * Events are parsed by their `type`, so a malformed Comment reports "…events[2].public" rather
 * than a vague union failure; types we do not use (Notification, Cc, SatisfactionRating...) pass.
 */
const auditEventSchema = z.looseObject({ type: z.string(expected('an event type')) }).transform((event, ctx): AuditEvent => {
  const schema = event.type === 'Comment' ? commentEventSchema : event.type === 'Create' || event.type === 'Change' ? fieldEventSchema : null;
  if (schema === null) return { type: 'Other', zendeskType: event.type };
  const result = schema.safeParse(event);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    ctx.issues.push({ code: 'custom', message: issue.message, path: issue.path, input: event });
  }
  return z.NEVER;
});

export const auditSchema = z.looseObject({
  id,
  created_at: isoDate,
  author_id: z.number(expected('a numeric id')).int(),
  events: z.array(auditEventSchema, expected('a list of events')),
});

export type ZendeskTicket = z.infer<typeof ticketSchema>;
export type ZendeskUser = z.infer<typeof userSchema>;
export type ZendeskAudit = z.infer<typeof auditSchema>;
export type ZendeskOrganization = z.infer<typeof organizationSchema>;

const nextPage = zendeskUrl.nullable().optional();

export const ticketBodySchema = z.looseObject({
  ticket: z.looseObject({}, expected('a ticket object')),
  users: z.array(z.unknown()).optional(),
  organizations: z.array(z.unknown()).optional(),
});

/** One page of audits; offset pagination (`next_page`) or cursor pagination (`meta.has_more`, `links.next`). */
export const auditsPageSchema = z.looseObject({
  audits: z.array(z.unknown(), expected('a list of audits')),
  users: z.array(z.unknown()).optional(),
  next_page: nextPage,
  meta: z.looseObject({ has_more: z.boolean() }).optional(),
  links: z.looseObject({ next: nextPage }).optional(),
});

export const showManySchema = z.looseObject({
  tickets: z.array(z.unknown(), expected('a list of tickets')),
});

export const currentUserSchema = z.looseObject({
  user: z.looseObject({
    id: z.number().int(),
    authenticity_token: z.string(expected('a CSRF token')).min(1),
  }),
});

/** GET /api/v2/tickets/{id}/metric_events.json */
export const metricEventsPageSchema = z.looseObject({
  ticket_metric_events: z.array(
    z.looseObject({
      metric: z.string(expected('a metric name')),
      instance_id: z.number().int(),
      type: z.string(expected('an event type')),
      time: isoDate,
      deleted: z.boolean().optional(),
      sla: z
        .looseObject({
          target: z.number().optional(),
          business_hours: z.boolean().optional(),
          policy: z.looseObject({ title: z.string().optional() }).optional(),
        })
        .optional(),
    }),
  ),
  next_page: nextPage,
});

export type MetricEvent = z.infer<typeof metricEventsPageSchema>['ticket_metric_events'][number];
export type SlaPolicyMetric = z.infer<typeof slaPolicyMetricSchema>;
