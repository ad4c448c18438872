import type { Ref } from 'preact';
import { t } from '../../../lib/i18n';
import type { PolicyIssue } from '../../../lib/policy';
import { fieldId } from './field-issues';

/** The field for a problem's path, or the closest field that contains it. */
function fieldFor(path: string): HTMLElement | null {
  // Try the path, then each enclosing path ('offices.hq.x' → 'offices.hq' → 'offices').
  for (let candidate = path; candidate !== ''; ) {
    const element = document.getElementById(fieldId([candidate]));
    if (element) return element;
    const shorter = candidate.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    // A single segment has nothing left to remove: stop rather than loop on it forever.
    if (shorter === candidate) return null;
    candidate = shorter;
  }
  return null;
}

function focusField(path: string): void {
  const field = fieldFor(path);
  if (!field) return;
  const focusable = field.matches('input, select, textarea') ? field : field.querySelector<HTMLElement>('input, select, textarea');
  (focusable ?? field).focus();
}

function reveal(path: string): void {
  const field = fieldFor(path);
  if (!field) return;
  // A problem's field may sit in a folded office or level, not rendered yet: open it, let it render, then focus.
  for (let node: HTMLElement | null = field; node; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement) node.open = true;
  }
  setTimeout(() => focusField(path), 0);
}

interface ProblemListProps {
  title: string;
  issues: readonly PolicyIssue[];
  listRef?: Ref<HTMLDivElement>;
  /** Links jump to the field; off for problems in a file that was not loaded. */
  linkToFields: boolean;
}

/** Every problem with its path, so none is missed even when its field is folded away. */
export function ProblemList({ title, issues, listRef, linkToFields }: ProblemListProps) {
  if (issues.length === 0) return null;
  return (
    <div class="ew-problems" ref={listRef} tabIndex={-1} aria-labelledby={`${fieldId([title])}-title`}>
      <h3 id={`${fieldId([title])}-title`}>{title}</h3>
      <ul>
        {issues.map((issue, index) => (
          <li key={index}>
            {linkToFields && issue.path !== '' ? (
              <a
                href={`#${fieldId([issue.path])}`}
                onClick={(event) => {
                  event.preventDefault();
                  reveal(issue.path);
                }}
              >
                <code>{issue.path}</code>
              </a>
            ) : (
              <code>{issue.path === '' ? t('optionsWholePolicy') : issue.path}</code>
            )}
            : {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
