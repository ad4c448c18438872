import type { CountdownWords } from '../../lib/countdown';
import { t } from '../../lib/i18n';
import type { Policy } from '../../lib/policy/schema';
import type { QueueItem } from '../../lib/queue';
import { HelpdeskIcon } from './HelpdeskIcon';
import { PeopleToNotify } from './PeopleToNotify';
import { RowCountdown } from './RowCountdown';
import { SeverityChip } from './SeverityChip';
import { stateLabel } from '../ticket/badge-summary';
import type { PopupActions } from './popup-types';

export interface RowHandlers {
  onSelect: (item: QueueItem) => void;
  onMarkNotified: (item: QueueItem, role: string, person: string | null) => void;
  onCopy: (item: QueueItem) => void;
  mailtoFor: (item: QueueItem) => string;
}

interface QueueRowProps {
  item: QueueItem;
  policy: Policy;
  now: Date;
  words: CountdownWords;
  actions: Pick<PopupActions, 'peopleFor'>;
  handlers: RowHandlers;
  busyRoles: ReadonlySet<string>;
}

export const rowTitleId = (item: QueueItem): string => `ew-row-${item.ticket.system}-${item.ticket.id}`;

/** One watched ticket: what it is, where it stands, what is next, and who still has to be told. */
export function QueueRow({ item, policy, now, words, actions, handlers, busyRoles }: QueueRowProps) {
  const { ticket, evaluation } = item;
  const hasPending = evaluation.pending.length > 0;
  return (
    <div class={`ew-row ew-state-${evaluation.state}`}>
      <div class="ew-row-head">
        <HelpdeskIcon system={ticket.system} />
        <button type="button" id={rowTitleId(item)} class="ew-row-title" onClick={() => handlers.onSelect(item)} title={t('popupShowTimeline')}>
          <span class="ew-ticket-id">{ticket.id}</span> <span class="ew-ticket-title">{ticket.title}</span>
        </button>
        <span class="ew-state-label">{stateLabel(evaluation.state)}</span>
      </div>
      <div class="ew-row-meta">
        <span class="ew-row-info">
          <SeverityChip severity={evaluation.severity} hotAccount={evaluation.hotAccount} />
          {evaluation.level > 0 ? <span class="ew-level">{t('popupLevel', evaluation.level)}</span> : null}
          {evaluation.nextLevel?.at ? (
            <span class="ew-next">
              {t('popupNextLevelIn', evaluation.nextLevel.level)} <RowCountdown until={evaluation.nextLevel.at} words={words} />
            </span>
          ) : null}
          {evaluation.nextUpdateDueAt ? (
            <span class="ew-next">
              {t(evaluation.respondedAt === null ? 'popupResponseIn' : 'popupUpdateIn')} <RowCountdown until={evaluation.nextUpdateDueAt} words={words} />
            </span>
          ) : null}
          {evaluation.state === 'paused' ? <span class="ew-next">{t('popupPaused')}</span> : null}
          {item.refreshError ? (
            <span class="ew-stale" title={item.refreshError}>
              {t('popupStale')}
            </span>
          ) : null}
        </span>
      </div>
      {hasPending ? (
        <div class="ew-row-people">
          <PeopleToNotify
            item={item}
            policy={policy}
            now={now}
            actions={actions}
            busyRoles={busyRoles}
            onMarkNotified={(role, person) => handlers.onMarkNotified(item, role, person)}
          />
          {/* On the people line, so the countdowns above always have room. */}
          <span class="ew-row-actions">
            <button type="button" class="ew-button" onClick={() => handlers.onCopy(item)} aria-label={t('popupCopyMessageLabel', ticket.id)}>
              {t('popupCopyMessage')}
            </button>
            <a class="ew-button" href={handlers.mailtoFor(item)} target="_blank" rel="noopener noreferrer" aria-label={t('popupEmailLabel', ticket.id)}>
              {t('popupEmail')}
            </a>
          </span>
        </div>
      ) : null}
    </div>
  );
}
