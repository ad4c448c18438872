import type { z } from 'zod';
import { formatIssuePath } from './issue-path';
import { weekdayKeys } from './schema';

export interface PolicyIssue {
  /** JSON path such as `severities.1.escalate.l2.hours`; empty for the policy as a whole. */
  path: string;
  message: string;
}

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  tuple: 'a pair of times such as ["09:00", "18:00"]',
  record: 'an object',
};

/** "the text 'x'", "a number (5)", "a list": how a person would name the value they wrote. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text '${value}'`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

function quoteAll(values: ReadonlyArray<unknown>): string {
  return values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value))).join(', ');
}

/** `offices.<id>.hours.<day>`: one day's opening hours. */
function isOpeningHours(path: ReadonlyArray<PropertyKey>): boolean {
  return path.length === 4 && path[0] === 'offices' && path[2] === 'hours';
}

function unknownKeyMessage(path: ReadonlyArray<PropertyKey>, key: string): string {
  if (path.length === 3 && path[0] === 'offices' && path[2] === 'hours') {
    return `'${key}' is not a weekday; use ${weekdayKeys.join(', ')}`;
  }
  return 'is not part of the policy format (check the spelling)';
}

function messageFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return `should be ${expectedWords[issue.expected] ?? issue.expected}, found ${describeValue(issue.input)}`;
    case 'invalid_value':
      if (issue.path.length === 1 && issue.path[0] === 'version') {
        return `this extension reads policy format version ${quoteAll(issue.values)}, found ${describeValue(issue.input)}`;
      }
      return `should be one of ${quoteAll(issue.values)}, found ${describeValue(issue.input)}`;
    case 'too_small':
      if (isOpeningHours(issue.path)) return `should be a pair of times such as ["09:00", "18:00"]`;
      if (issue.origin === 'string') return 'should not be empty';
      if (issue.origin === 'array') return `should list at least ${String(issue.minimum)}`;
      return `should be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (isOpeningHours(issue.path)) return `should be a pair of times such as ["09:00", "18:00"]`;
      if (issue.origin === 'array') return `should list at most ${String(issue.maximum)}`;
      return `should be at most ${String(issue.maximum)}`;
    case 'invalid_key': {
      const nested = issue.issues.find((inner) => inner.code === 'custom');
      if (nested) return nested.message;
      return `'${String(issue.path.at(-1) ?? issue.input)}' is not an allowed name here`;
    }
    default:
      return issue.message;
  }
}

/** One readable issue per problem zod found; an unknown field becomes an issue at that field. */
export function issuesFromZod(issues: ReadonlyArray<z.core.$ZodIssue>): PolicyIssue[] {
  const result: PolicyIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        result.push({
          path: formatIssuePath([...issue.path, key]),
          message: unknownKeyMessage(issue.path, key),
        });
      }
    } else {
      result.push({ path: formatIssuePath(issue.path), message: messageFor(issue) });
    }
  }
  return result;
}
