import { crossCheckPolicy } from './cross-checks';
import { formatIssuePath } from './issue-path';
import { protoKeyPaths, reservedNameMessage } from './reserved-names';
import { policySchema, type Policy } from './schema';
import { describeValue, issuesFromZod, type PolicyIssue } from './zod-issue-messages';

export type { PolicyIssue } from './zod-issue-messages';

/** A policy that can't be used, with every problem found, each naming where it is. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  readonly issues: PolicyIssue[];

  constructor(issues: PolicyIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map((issue) => `- ${issue.path === '' ? '(whole policy)' : issue.path}: ${issue.message}`);
    super(`The escalation policy has ${count}:\n${lines.join('\n')}`);
    this.issues = issues;
  }
}

/** "line 3, column 7" from the character offset a JSON.parse error mentions, when it does. */
function whereInText(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  const line = /line (\d+) column (\d+)/.exec(message);
  if (line) return ` at line ${line[1]}, column ${line[2]}`;
  if (position === undefined) return '';
  const before = text.slice(0, Number(position));
  const lineNumber = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${lineNumber}, column ${column}`;
}

function jsonFromText(text: string): unknown {
  try {
    // Editors on Windows often save JSON with a byte-order mark, which JSON.parse refuses.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new PolicyError([
      { path: '', message: `the file is not valid JSON${whereInText(text, error)}${detail}` },
    ]);
  }
}

/**
 * Reads a policy from parsed JSON (storage, managed storage) or from JSON text (an imported
 * file). Throws a PolicyError listing every problem, never just the first one.
 */
export function parsePolicy(json: unknown): Policy {
  const input = typeof json === 'string' ? jsonFromText(json) : json;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new PolicyError([
      {
        path: '',
        message: `should be a JSON object with version, name, offices, roles, levels and severities; found ${describeValue(input)}`,
      },
    ]);
  }
  // zod drops a `__proto__` key without a word: name it as a problem instead.
  const protoIssues = protoKeyPaths(input).map((path) => ({
    path: formatIssuePath(path),
    message: reservedNameMessage('__proto__', 'a name in a policy'),
  }));
  const parsed = policySchema.safeParse(input, { reportInput: true });
  const issues = [
    ...protoIssues,
    ...(parsed.success ? [] : issuesFromZod(parsed.error.issues)),
    // On the parsed output (what would be used); over the raw input only to list more problems.
    ...crossCheckPolicy(parsed.success ? parsed.data : input),
  ];
  if (issues.length > 0 || !parsed.success) throw new PolicyError(issues);
  return parsed.data;
}
