import type { PolicyIssue } from '../../../lib/policy';
import { fieldId } from './field-issues';
import type { DraftPath } from './policy-draft';

export const errorsId = (path: DraftPath): string => `${fieldId(path)}-errors`;

/** The problems of one field, right under it; the field points here with aria-describedby. */
export function FieldErrors({ path, issues }: { path: DraftPath; issues: readonly PolicyIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul id={errorsId(path)} class="ew-field-errors">
      {issues.map((issue, index) => (
        <li key={index}>{issue.message}</li>
      ))}
    </ul>
  );
}

/** aria attributes tying an input to its problems. */
export function invalidProps(path: DraftPath, issues: readonly PolicyIssue[]) {
  return issues.length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': errorsId(path) } : {};
}
