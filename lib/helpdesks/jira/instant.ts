/**
 * Jira's date-times, read without zod (the page reader uses this too; schemas.ts wraps it).
 * Jira writes offsets without a colon (`2026-07-14T09:30:00.000+0000`); ISO 8601 wants `+00:00`.
 */
const JIRA_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export function parseJiraInstant(value: string): Date | null {
  if (!JIRA_INSTANT.test(value)) return null;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date;
}
