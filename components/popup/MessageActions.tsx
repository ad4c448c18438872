import { t } from '../../lib/i18n';
import type { EscalationMessage } from '../../lib/view-model/escalation-message';

interface MessageActionsProps {
  ticketId: string;
  /** Composes the message now (lib/view-model popupMessage): only when an action is used, never for every row. */
  compose: () => EscalationMessage | null;
  onCopy: () => void;
  /** Accessible names naming the ticket (in a list of rows); plain words in the ticket's own detail. */
  labelled?: boolean;
}

/**
 * "Copy message" and "Email": the message is composed when the engineer uses them. The email link
 * gets its mailto: when pointed at, focused or followed, before the browser reads its href.
 */
export function MessageActions({ ticketId, compose, onCopy, labelled = true }: MessageActionsProps) {
  const fill = (event: { currentTarget: HTMLAnchorElement }) => {
    const mailto = compose()?.mailto;
    if (mailto && event.currentTarget.href !== mailto) event.currentTarget.href = mailto;
  };
  return (
    <span class="ew-row-actions">
      <button type="button" class="ew-button" onClick={onCopy} aria-label={labelled ? t('popupCopyMessageLabel', ticketId) : undefined}>
        {t('popupCopyMessage')}
      </button>
      <a
        class="ew-button"
        href="mailto:"
        target="_blank"
        rel="noopener noreferrer"
        aria-label={labelled ? t('popupEmailLabel', ticketId) : undefined}
        onPointerEnter={fill}
        onFocus={fill}
        onClick={fill}
      >
        {t('popupEmail')}
      </a>
    </span>
  );
}
