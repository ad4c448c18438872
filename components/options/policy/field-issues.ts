import type { PolicyIssue } from '../../../lib/policy';
import { formatIssuePath } from '../../../lib/policy/issue-path';
import type { DraftPath } from './policy-draft';

/** The text path parsePolicy uses for a draft path: `offices.hq.hours.mon[1]`. */
export const pathText = (path: DraftPath): string => formatIssuePath(path);

/** A DOM id for the field editing `path`, so the problem list can point at it. */
export const fieldId = (path: DraftPath): string => `ew-field-${pathText(path).replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/**
 * The issues a field shows: those at its own path, and with `nested` those inside it too
 * (a duration's unit, a list's items, an hours pair's times).
 */
export function issuesAt(issues: readonly PolicyIssue[], path: DraftPath, nested = false): PolicyIssue[] {
  const own = pathText(path);
  return issues.filter(
    (issue) => issue.path === own || (nested && (issue.path.startsWith(`${own}.`) || issue.path.startsWith(`${own}[`))),
  );
}
