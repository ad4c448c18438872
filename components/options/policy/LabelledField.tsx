import type { ComponentChildren } from 'preact';
import type { PolicyIssue } from '../../../lib/policy';
import { fieldId } from './field-issues';
import { FieldErrors } from './FieldErrors';
import type { DraftPath } from './policy-draft';

/**
 * The frame of every single-control field: its label, the control, and its problems under it.
 * The control itself carries `id={fieldId(path)}` (which the label and the problem list point
 * at) and `{...invalidProps(path, issues)}`.
 */
export function LabelledField({ label, path, issues, extraClass, children }: { label: string; path: DraftPath; issues: readonly PolicyIssue[]; extraClass?: string; children: ComponentChildren }) {
  return (
    <div class={extraClass ? `ew-field ${extraClass}` : 'ew-field'}>
      <label for={fieldId(path)}>{label}</label>
      {children}
      <FieldErrors path={path} issues={issues} />
    </div>
  );
}
