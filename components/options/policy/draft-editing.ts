import type { PolicyIssue } from '../../../lib/policy';
import type { Policy } from '../../../lib/policy/schema';
import type { DraftPath } from './policy-draft';

/** What every part of the policy editor gets: the draft, its problems, and how to change it. */
export interface DraftEditing<T = Policy> {
  draft: T;
  issues: readonly PolicyIssue[];
  set: (path: DraftPath, value: unknown) => void;
  remove: (path: DraftPath) => void;
  readOnly: boolean;
}
