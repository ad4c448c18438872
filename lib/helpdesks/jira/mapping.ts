import { z } from 'zod';
import type { Severity, Status } from '../../engine/types';

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

/** Jira's default priorities (Cloud) and the classic Server scheme (Blocker…Trivial). */
export const defaultPrioritySeverities: Record<string, Severity> = {
  Highest: 1,
  High: 2,
  Medium: 3,
  Low: 4,
  Lowest: 4,
  Blocker: 1,
  Critical: 1,
  Major: 2,
  Minor: 3,
  Trivial: 4,
};

/** Words often used by "Severity" custom fields; numbered values ("Sev-1") need no entry. */
export const defaultFieldSeverities: Record<string, Severity> = {
  Critical: 1,
  Major: 2,
  Moderate: 3,
  Minor: 3,
  Low: 4,
};

export const jiraMappingDefaults: JiraMapping = {
  severity: { source: 'priority', values: defaultPrioritySeverities, numbered: true },
  waitingStatuses: [
    'Waiting for customer',
    'Waiting on customer',
    'Waiting for reporter',
    'Awaiting customer',
    'Pending',
    'Pending customer',
  ],
  doneStatuses: ['Done', 'Closed', 'Resolved', 'Cancelled', 'Canceled'],
  workaroundLabel: 'workaround-provided',
  officeLabelPrefix: 'office-',
  apiVersion: 'auto',
};

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

const fold = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** "Sev-1", "Sev 1", "S1", "P2", "Severity 3", "1 - Critical", "4". */
const NUMBERED_SEVERITY = /^(?:severity|sev|s|priority|p)?\s*[-_:.]?\s*([1-4])(?!\d)/i;

export function severityFromValue(value: string | null | undefined, source: JiraSeveritySource): Severity | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const folded = fold(value);
  for (const [name, severity] of Object.entries(source.values)) {
    if (fold(name) === folded) return severity;
  }
  if (!source.numbered) return null;
  const digit = NUMBERED_SEVERITY.exec(value.trim())?.[1];
  return digit ? (Number(digit) as Severity) : null;
}

function includesName(names: readonly string[], name: string): boolean {
  const folded = fold(name);
  return names.some((n) => fold(n) === folded);
}

/**
 * Status from a Jira status. `categoryKey` is known for the current status only; history items
 * carry just the name, so `doneStatuses` stands in for the category there.
 */
export function statusFromJira(name: string, categoryKey: string | undefined, mapping: JiraMapping): Status {
  if (categoryKey === 'done') return 'solved';
  if (categoryKey === undefined && includesName(mapping.doneStatuses, name)) return 'solved';
  if (includesName(mapping.waitingStatuses, name)) return 'waiting';
  return 'active';
}

/** Office id from labels (`office-shanghai` → `shanghai`); the first such label wins. */
export function officeFromLabels(labels: readonly string[], mapping: JiraMapping): string | null {
  const prefix = mapping.officeLabelPrefix.toLowerCase();
  const label = labels.find((l) => l.toLowerCase().startsWith(prefix) && l.length > prefix.length);
  return label ? label.slice(prefix.length).toLowerCase() : null;
}

export function hasLabel(labels: readonly string[], label: string): boolean {
  return labels.some((l) => l.toLowerCase() === label.toLowerCase());
}
