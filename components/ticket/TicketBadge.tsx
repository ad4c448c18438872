import { t } from '../../lib/i18n';
import { badgeSummary, ticketStateLabel, whoToTell } from './badge-summary';
import { Countdown } from './Countdown';
import type { TicketView } from '../../lib/view-model/rendered-view';

interface TicketBadgeProps {
  view: TicketView;
  expanded: boolean;
  onToggle: () => void;
  /** id of the panel this badge opens, for aria-controls. */
  panelId: string;
}

/**
 * The compact badge beside the ticket header: "Sev 1 · L2 · Sales Rep", the countdowns to the
 * next level and the next customer update, coloured by state. A real button for keyboard and
 * screen-reader users (Enter and Space open the panel).
 */
export function TicketBadge({ view, expanded, onToggle, panelId }: TicketBadgeProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onToggle();
    }
  };
  const showClocks = view.state !== 'paused' && view.state !== 'stopped' && view.state !== 'unknown';
  const tell = whoToTell(view);
  return (
    <div
      class={`ew-badge ew-state-${view.state}`}
      role="button"
      tabIndex={0}
      aria-expanded={expanded}
      aria-controls={panelId}
      aria-label={t('inpageBadgeAriaLabel', [badgeSummary(view), ticketStateLabel(view)])}
      title={t('inpageBadgeTitle')}
      onClick={onToggle}
      onKeyDown={onKeyDown}
    >
      <span class="ew-dot" aria-hidden="true" />
      <span class="ew-summary">{badgeSummary(view)}</span>
      {showClocks && view.nextLevel?.at ? (
        <span class="ew-clock ew-clock-level">
          {t('inpageBadgeNextLevel', view.nextLevel.level)} <Countdown until={view.nextLevel.at} />
        </span>
      ) : null}
      {showClocks && view.nextUpdateDueAt ? (
        <span class="ew-clock ew-clock-update">
          {t('inpageBadgeNextUpdate')} <Countdown until={view.nextUpdateDueAt} />
        </span>
      ) : null}
      {showClocks ? null : <span class="ew-state-word">{ticketStateLabel(view)}</span>}
      {/* Last, so that when the badge runs out of room the names give way (ellipsis), never the clocks. */}
      {tell ? <span class="ew-who">{tell}</span> : null}
      {view.source === 'dom' ? (
        <span class="ew-from-page" title={t('inpageFromPageNotice')}>
          {t('inpageBadgeFromPage')}
        </span>
      ) : null}
    </div>
  );
}
