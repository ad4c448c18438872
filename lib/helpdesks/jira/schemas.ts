import { z } from 'zod';
import { adfNodeSchema } from './adf-text';
import { parseJiraInstant } from './instant';

/**
 * zod schemas for the Jira REST bodies we read (v3 Cloud and v2 Data Center). Only the fields we
 * use are declared; the rest is dropped, except under `fields`, where custom fields live.
 */

export { parseJiraInstant } from './instant';

export const jiraInstantSchema = z.string().transform((value, ctx) => {
  const date = parseJiraInstant(value);
  if (date === null) {
    ctx.addIssue({ code: 'custom', message: `not a Jira date-time: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return date;
});

/** Cloud identifies people by `accountId`; Data Center by `name` (user name) and `key`. */
export const jiraUserSchema = z.object({
  accountId: z.string().optional(),
  accountType: z.string().optional(),
  name: z.string().optional(),
  key: z.string().optional(),
  displayName: z.string().optional(),
});
export type JiraUser = z.infer<typeof jiraUserSchema>;

const entityPropertySchema = z.object({ key: z.string(), value: z.unknown() });

export const jiraCommentSchema = z.object({
  id: z.string(),
  author: jiraUserSchema.nullish(),
  /** ADF on v3, wiki-markup text on v2; absent on some deleted or restricted comments. */
  body: z.union([z.string(), adfNodeSchema]).nullish(),
  created: jiraInstantSchema,
  /** Service projects only: false marks an internal comment. */
  jsdPublic: z.boolean().optional(),
  /** Data Center service desks flag internal comments with the `sd.public.comment` property. */
  properties: z.array(entityPropertySchema).optional(),
});
export type JiraComment = z.infer<typeof jiraCommentSchema>;

export const jiraCommentPageSchema = z.object({
  comments: z.array(jiraCommentSchema),
  startAt: z.number().int().nonnegative(),
  maxResults: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type JiraCommentPage = z.infer<typeof jiraCommentPageSchema>;

export const jiraChangeItemSchema = z.object({
  field: z.string(),
  fieldId: z.string().optional(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});
export type JiraChangeItem = z.infer<typeof jiraChangeItemSchema>;

export const jiraHistorySchema = z.object({
  id: z.string(),
  author: jiraUserSchema.nullish(),
  created: jiraInstantSchema,
  items: z.array(jiraChangeItemSchema),
});
export type JiraHistory = z.infer<typeof jiraHistorySchema>;

/** `expand=changelog` on an issue. */
export const jiraChangelogSchema = z.object({
  startAt: z.number().int().nonnegative().optional(),
  maxResults: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
  histories: z.array(jiraHistorySchema),
});

/** `GET /rest/api/3/issue/{key}/changelog?startAt=` (Cloud). */
export const jiraChangelogPageSchema = z.object({
  startAt: z.number().int().nonnegative(),
  maxResults: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  isLast: z.boolean().optional(),
  values: z.array(jiraHistorySchema),
});

export const jiraIssueFieldsSchema = z.looseObject({
  summary: z.string(),
  created: jiraInstantSchema,
  /** Kept as written: it is the cache version. */
  updated: z.string().min(1),
  priority: z.object({ name: z.string() }).nullish(),
  status: z.object({
    name: z.string(),
    statusCategory: z.object({ key: z.string() }).optional(),
  }),
  labels: z.array(z.string()).default([]),
  reporter: jiraUserSchema.nullish(),
  assignee: jiraUserSchema.nullish(),
  comment: jiraCommentPageSchema,
  project: z.object({ key: z.string(), projectTypeKey: z.string().optional() }).optional(),
});

export const jiraIssueSchema = z.object({
  id: z.string(),
  key: z.string().min(1),
  self: z.url(),
  fields: jiraIssueFieldsSchema,
  changelog: jiraChangelogSchema,
  /** `expand=names`: field id → display name, used to find a custom field given by name. */
  names: z.record(z.string(), z.string()).optional(),
});
export type JiraIssue = z.infer<typeof jiraIssueSchema>;

/** `GET /rest/api/3/search/jql` (Cloud): token pagination. */
export const jiraSearchJqlPageSchema = z.object({
  issues: z.array(z.unknown()),
  /** `expand=names` puts the field names on the page, not on each issue. */
  names: z.record(z.string(), z.string()).optional(),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** `GET /rest/api/2/search` (Data Center): offset pagination. */
export const jiraSearchPageSchema = z.object({
  issues: z.array(z.unknown()),
  names: z.record(z.string(), z.string()).optional(),
  startAt: z.number().int().nonnegative(),
  maxResults: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

/** The service desk API's dates come as several renderings; epochMillis or iso8601 is enough. */
const slaDateSchema = z
  .object({ epochMillis: z.number().optional(), iso8601: z.string().optional() })
  .transform((value, ctx) => {
    if (value.epochMillis !== undefined) return new Date(value.epochMillis);
    const date = value.iso8601 === undefined ? null : parseJiraInstant(value.iso8601);
    if (date === null) {
      ctx.addIssue({ code: 'custom', message: 'neither epochMillis nor a valid iso8601' });
      return z.NEVER;
    }
    return date;
  });

/** JSM REST models mark `breached` optional: a cycle without it is judged from its times. */
const slaCycleSchema = z.object({
  startTime: slaDateSchema.optional(),
  breachTime: slaDateSchema.optional(),
  stopTime: slaDateSchema.optional(),
  breached: z.boolean().optional(),
  paused: z.boolean().optional(),
  remainingTime: z.object({ millis: z.number() }).optional(),
});

export const jsmSlaPageSchema = z.object({
  values: z.array(
    z.object({
      name: z.string(),
      ongoingCycle: slaCycleSchema.optional(),
      completedCycles: z.array(slaCycleSchema).default([]),
    }),
  ),
  isLastPage: z.boolean().optional(),
  start: z.number().int().nonnegative().optional(),
  size: z.number().int().nonnegative().optional(),
});
export type JsmSlaPage = z.infer<typeof jsmSlaPageSchema>;

export class JiraBodyError extends Error {
  override name = 'JiraBodyError';
}

/** Parses a body or throws naming every bad field, e.g. `Jira issue: fields.created: ...`. */
export function parseJiraBody<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const detail = result.error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
  throw new JiraBodyError(`Jira ${what}: ${detail}`);
}
