import type { HelpdeskSystem } from '../../lib/engine/types';
import { t } from '../../lib/i18n';

/** A small mark telling Zendesk and Jira rows apart (shape and colour, plus a label for screen readers). */
export function HelpdeskIcon({ system }: { system: HelpdeskSystem }) {
  const label = t(system === 'zendesk' ? 'helpdeskZendesk' : 'helpdeskJira');
  return (
    <svg class={`ew-helpdesk-icon ew-helpdesk-${system}`} viewBox="0 0 16 16" width="16" height="16" role="img" aria-label={label}>
      <title>{label}</title>
      {system === 'zendesk' ? (
        <path d="M1 3h14L1 13h14" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linejoin="round" />
      ) : (
        <path d="M8 1l7 7-7 7-7-7z M8 5l3 3-3 3-3-3z" fill="currentColor" fill-rule="evenodd" />
      )}
    </svg>
  );
}
