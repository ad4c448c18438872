import type { CountdownWords } from '../../lib/countdown';
import { t } from '../../lib/i18n';
import type { QueueItem } from '../../lib/queue';
import { stateLabel } from '../ticket/badge-summary';
import type { EscalationMessage } from '../../lib/view-model/escalation-message';
import { HelpdeskIcon } from './HelpdeskIcon';
import { MessageActions } from './MessageActions';
import { NotifiedFacts, PeopleToNotify } from './PeopleToNotify';
import { RowCountdown } from './RowCountdown';
import { SeverityChip } from './SeverityChip';

export interface RowHandlers {
  onSelect: (item: QueueItem) => void;
  onMarkNotified: (item: QueueItem, role: string, person: string | null) => void;
  onCopy: (item: QueueItem) => void;
  /** The row's copy / email message, composed now (on demand, never for every row). */
  messageOf: (item: QueueItem) => EscalationMessage | null;
  onAddPeople: () => void;
}

interface QueueRowProps {
  item: QueueItem;
  words: CountdownWords;
  engineerTimeZone: string;
  handlers: RowHandlers;
  busyRoles: ReadonlySet<string>;
}

/** Heights that popup.css gives the parts of a row (px); the windowed list places rows by them. */
export const ROW_BASE_HEIGHT = 56;
export const ROW_LINE_HEIGHT = 28;

/**
 * A row grows by one line per role still to tell, one for the message actions, and one for who
 * was already told: every action stays in view, nothing scrolls sideways.
 */
export function queueRowHeight(item: Pick<QueueItem, 'toTell' | 'notified'>): number {
  const lines = item.toTell.length > 0 ? item.toTell.length + 1 : 0;
  return ROW_BASE_HEIGHT + ROW_LINE_HEIGHT * (lines + (item.notified.length > 0 ? 1 : 0));
}

export const rowTitleId = (item: QueueItem): string => `ew-row-${item.ticket.system}-${item.ticket.id}`;

/** One watched ticket: what it is, where it stands, what is next, who still has to be told, who was. */
export function QueueRow({ item, words, engineerTimeZone, handlers, busyRoles }: QueueRowProps) {
  const { ticket, evaluation } = item;
  return (
    <div class={`ew-row ew-state-${evaluation.state}`} style={{ height: `${queueRowHeight(item)}px` }}>
      <div class="ew-row-head">
        <HelpdeskIcon system={ticket.system} />
        <button type="button" id={rowTitleId(item)} class="ew-row-title" onClick={() => handlers.onSelect(item)} title={t('popupShowTimeline')}>
          <span class="ew-ticket-id">{ticket.id}</span> <span class="ew-ticket-title" title={ticket.title}>
            {ticket.title}
          </span>
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
      {item.toTell.length > 0 ? (
        <div class="ew-row-people">
          <PeopleToNotify
            item={item}
            busyRoles={busyRoles}
            onMarkNotified={(role, person) => handlers.onMarkNotified(item, role, person)}
            onAddPeople={handlers.onAddPeople}
          />
          <MessageActions ticketId={ticket.id} compose={() => handlers.messageOf(item)} onCopy={() => handlers.onCopy(item)} />
        </div>
      ) : null}
      <NotifiedFacts item={item} engineerTimeZone={engineerTimeZone} />
    </div>
  );
}
