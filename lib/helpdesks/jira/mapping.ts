import { z } from 'zod';

/**
 * How a Jira site's fields map onto the engine's ticket (SPEC §4). Editable in the options page,
 * so it crosses a boundary and is parsed with zod; `jiraMappingDefaults` is the spec's default.
 */

const severitySchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
/** Value (compared case-insensitively, trimmed) → severity. */
const severityValuesSchema = z.record(z.string(), severitySchema);

export const jiraSeveritySourceSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('priority'), values: severityValuesSchema, numbered: z.boolean() }),
  z.strictObject({
    source: z.literal('field'),
    /** A custom field id (`customfield_10050`) or its name as shown in Jira ("Severity"). */
    field: z.string().trim().min(1),
    values: severityValuesSchema,
    numbered: z.boolean(),
  }),
]);

export const jiraMappingSchema = z.strictObject({
  severity: jiraSeveritySourceSchema,
  /** Status names (case-insensitive) meaning "waiting on the customer". */
  waitingStatuses: z.array(z.string()),
  /**
   * Status names meaning solved. The current status is judged by its category (`done`); change
   * history only carries names, so these names (and the current status's own category) decide there.
   */
  doneStatuses: z.array(z.string()),
  workaroundLabel: z.string().trim().min(1),
  officeLabelPrefix: z.string().trim().min(1),
  /** REST API version: 'auto' = 3 on Cloud, 2 elsewhere (Data Center / Server). */
  apiVersion: z.union([z.literal('auto'), z.literal(2), z.literal(3)]),
});

export type JiraSeveritySource = z.infer<typeof jiraSeveritySourceSchema>;
export type JiraMapping = z.infer<typeof jiraMappingSchema>;

export {
  defaultFieldSeverities,
  defaultPrioritySeverities,
  hasLabel,
  jiraMappingDefaults,
  officeFromLabels,
  severityFromValue,
  statusFromJira,
} from './mapping-rules';

export class JiraMappingError extends Error {
  override name = 'JiraMappingError';
}

/** Parses a stored or edited mapping; the error lists every problem with its path. */
export function parseJiraMapping(json: unknown): JiraMapping {
  const result = jiraMappingSchema.safeParse(json);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(mapping)'}: ${i.message}`).join('; ');
    throw new JiraMappingError(`Invalid Jira mapping: ${detail}`);
  }
  return result.data;
}
