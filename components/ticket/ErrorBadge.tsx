import type { ErrorBadgeKind } from '../../lib/content/failure-plan';
import { t } from '../../lib/i18n';

/** Why there is no escalation to show ('signIn' asks for action; the others stay quiet). */
export type { ErrorBadgeKind };

const messageKey = {
  signIn: 'inpageErrorSignIn',
  unreadable: 'inpageErrorUnreadable',
  unavailable: 'inpageErrorUnavailable',
} as const;

const detailKey = {
  signIn: 'inpageErrorSignInDetail',
  unreadable: 'inpageErrorUnreadableDetail',
  unavailable: 'inpageErrorUnavailableDetail',
} as const;

export function ErrorBadge({ kind }: { kind: ErrorBadgeKind }) {
  return (
    <div class={`ew-badge ew-error ew-error-${kind}`} role="status" title={t(detailKey[kind])}>
      <span class="ew-dot" aria-hidden="true" />
      <span class="ew-summary">{t(messageKey[kind])}</span>
    </div>
  );
}
