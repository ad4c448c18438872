import type { Severity, Status } from '../../engine/types';
import type { JiraMapping, JiraSeveritySource } from './mapping';

/**
 * The field mapping's defaults and rules, apart from its zod schema (mapping.ts): the page
 * reader and the REST reads in the content script use them without bundling zod.
 */

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
