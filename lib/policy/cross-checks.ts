import { durationProblems, formatDuration, wallClockMinutes } from './duration';
import { formatIssuePath } from './issue-path';
import type { Duration } from './schema';
import { weekdayKeys } from './schema';
import type { PolicyIssue } from './zod-issue-messages';

/**
 * Rules that relate one part of a policy to another. `parsePolicy` runs them on the schema's
 * parsed output, which decides whether a policy is accepted; when the schema already refused the
 * policy they also run over the raw input (read defensively, own properties only) so that a
 * support lead fixing an imported file sees every problem in one go.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): Array<[number, string]> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): Array<[number, string]> => (typeof item === 'string' ? [[index, item]] : []));
}

function isValidDuration(value: unknown): value is Duration {
  return durationProblems(value).length === 0;
}

function list(names: Iterable<string>): string {
  return [...names].join(', ');
}

class IssueList {
  readonly issues: PolicyIssue[] = [];
  add(path: ReadonlyArray<string | number>, message: string): void {
    this.issues.push({ path: formatIssuePath(path), message });
  }
}

function checkDefaultOffice(policy: Json, out: IssueList): void {
  const { defaultOffice, offices } = policy;
  if (typeof defaultOffice !== 'string' || !isObject(offices)) return;
  if (Object.keys(offices).length === 0) {
    out.add(['offices'], 'there are no offices; add at least one, with its time zone and opening hours');
  } else if (!Object.hasOwn(offices, defaultOffice)) {
    out.add(['defaultOffice'], `'${defaultOffice}' is not one of the offices (${list(Object.keys(offices))})`);
  }
}

function checkOffices(offices: unknown, out: IssueList): void {
  if (!isObject(offices)) return;
  for (const [officeId, office] of Object.entries(offices)) {
    if (!isObject(office)) continue;
    const { hours } = office;
    if (isObject(hours) && !weekdayKeys.some((day) => Array.isArray(hours[day]))) {
      out.add(['offices', officeId, 'hours'], 'no weekday has opening hours; give at least one, e.g. "mon": ["09:00", "18:00"]');
    }
    const holidays = new Set(strings(office.holidays).map(([, date]) => date));
    for (const [index, date] of strings(office.workdays)) {
      if (holidays.has(date)) {
        out.add(['offices', officeId, 'workdays', index], `'${date}' is also listed as a holiday; a date is either closed or open`);
      }
    }
  }
}

/** Returns the level ids in order, reporting duplicates and unknown roles on the way. */
function checkLevels(levels: unknown, roles: unknown, out: IssueList): string[] {
  if (!Array.isArray(levels)) return [];
  const roleIds = isObject(roles) ? new Set(Object.keys(roles)) : null;
  const firstIndexOf = new Map<string, number>();
  levels.forEach((level: unknown, index) => {
    if (!isObject(level)) return;
    if (typeof level.id === 'string') {
      const earlier = firstIndexOf.get(level.id);
      if (earlier === undefined) firstIndexOf.set(level.id, index);
      else out.add(['levels', index, 'id'], `'${level.id}' is already the id of levels[${earlier}]; each level needs its own id`);
    }
    if (!roleIds) return;
    for (const field of ['engage', 'notify', 'onRequest'] as const) {
      for (const [roleIndex, roleId] of strings(level[field])) {
        if (!roleIds.has(roleId)) {
          out.add(['levels', index, field, roleIndex], `'${roleId}' is not one of the roles (${list(roleIds)})`);
        }
      }
    }
  });
  return [...firstIndexOf.keys()];
}

function checkEscalate(severityKey: string, escalate: unknown, levelIds: string[], out: IssueList): void {
  if (!isObject(escalate) || levelIds.length === 0) return;
  const [firstLevel] = levelIds;
  for (const levelId of Object.keys(escalate)) {
    if (levelId === firstLevel) {
      out.add(
        ['severities', severityKey, 'escalate', levelId],
        `'${levelId}' is the first level, which starts when the clock starts; only later levels get an escalation time`,
      );
    } else if (!levelIds.includes(levelId)) {
      out.add(['severities', severityKey, 'escalate', levelId], `'${levelId}' is not one of the levels (${list(levelIds)})`);
    }
  }
}

/** The deadlines of a severity that a warning can count back from, with the words to name them. */
function deadlinesOf(severity: Json): Array<{ label: string; duration: Duration }> {
  const deadlines: Array<{ label: string; duration: Duration }> = [];
  if (isValidDuration(severity.response)) deadlines.push({ label: 'the response target', duration: severity.response });
  if (isObject(severity.escalate)) {
    for (const [levelId, duration] of Object.entries(severity.escalate)) {
      if (isValidDuration(duration)) deadlines.push({ label: `the ${levelId} escalation`, duration });
    }
  }
  if (isObject(severity.updates)) {
    for (const key of ['every', 'afterWorkaround'] as const) {
      const duration = severity.updates[key];
      if (isValidDuration(duration)) deadlines.push({ label: `updates.${key}`, duration });
    }
  }
  return deadlines;
}

/**
 * A warning counts back from the next deadline, so it needs a deadline to count back from and
 * must be shorter than the shortest wall-clock one; otherwise the ticket would sit in "warning"
 * from the moment it opens. Business-time targets can't be compared without a calendar.
 */
function checkWarnBefore(severityKey: string, severity: Json, out: IssueList): void {
  const warnBefore = severity.warnBefore;
  if (!isValidDuration(warnBefore)) return;
  const path = ['severities', severityKey, 'warnBefore'];
  if ('businessDays' in warnBefore) {
    out.add(path, 'counts back from a deadline, so give it in minutes, hours or businessHours, not businessDays');
    return;
  }
  const deadlines = deadlinesOf(severity);
  if (deadlines.length === 0) {
    out.add(path, 'this severity has no response, escalation or update deadline to warn about; remove warnBefore');
    return;
  }
  const warnMinutes = wallClockMinutes(warnBefore);
  if (warnMinutes === null) return;
  for (const { label, duration } of deadlines) {
    const minutes = wallClockMinutes(duration);
    if (minutes !== null && warnMinutes >= minutes) {
      out.add(
        path,
        `${formatDuration(warnBefore)} is not shorter than ${label} (${formatDuration(duration)}), so tickets would be in warning from the start`,
      );
      return;
    }
  }
}

export function crossCheckPolicy(input: unknown): PolicyIssue[] {
  const out = new IssueList();
  if (!isObject(input)) return out.issues;
  checkDefaultOffice(input, out);
  checkOffices(input.offices, out);
  const levelIds = checkLevels(input.levels, input.roles, out);
  if (isObject(input.severities)) {
    for (const [severityKey, severity] of Object.entries(input.severities)) {
      if (!isObject(severity)) continue;
      checkEscalate(severityKey, severity.escalate, levelIds, out);
      checkWarnBefore(severityKey, severity, out);
    }
  }
  return out.issues;
}
