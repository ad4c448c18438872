import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { ForecastItem } from '../../lib/messages/forecast-view';
import { TicketCalendarLink } from '../forecast';
import { t } from '../../lib/i18n';
import type { Policy } from '../../lib/policy/schema';
import type { QueueItem } from '../../lib/queue';
import { TicketTimeline } from '../timeline';
import { HelpdeskIcon } from './HelpdeskIcon';
import { MessageActions } from './MessageActions';
import { NotifiedFacts, PeopleToNotify } from './PeopleToNotify';
import { SeverityChip } from './SeverityChip';
import type { RowHandlers } from './QueueRow';
import { stateLabel } from '../ticket/badge-summary';
import type { PopupActions } from './popup-types';

interface TicketDetailProps {
  item: QueueItem;
  policy: Policy;
  /** The instant the background evaluated the ticket at. */
  now: Date;
  engineerTimeZone: string;
  actions: Pick<PopupActions, 'openTicket' | 'forget'>;
  handlers: RowHandlers;
  busyRoles: ReadonlySet<string>;
  onBack: () => void;
  /** This ticket's coming events for "Add to calendar"; absent: no calendar link. */
  ticketEvents?: (ticket: QueueItem['ticket']) => Promise<{ items: ForecastItem[]; now: number }>;
}

/** One ticket in full: who to tell, and the timeline with the why behind every number. */
export function TicketDetail({ item, policy, now, engineerTimeZone, actions, handlers, busyRoles, onBack, ticketEvents }: TicketDetailProps) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  const { ticket, evaluation } = item;
  // One load per ticket shown, not per render.
  const loadEvents = useCallback(() => (ticketEvents ? ticketEvents(ticket) : Promise.resolve({ items: [], now: now.getTime() })), [item.key]);
  const roleNames = Object.fromEntries(Object.entries(policy.roles).map(([id, role]) => [id, role.name]));
  return (
    <section
      class="ew-detail"
      aria-labelledby="ew-detail-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onBack();
        }
      }}
    >
      <div class="ew-detail-bar">
        <button ref={back} type="button" class="ew-button" onClick={onBack}>
          {t('popupBack')}
        </button>
        <button type="button" class="ew-button" onClick={() => void actions.openTicket(ticket)}>
          {t('popupOpenTicket', t(ticket.system === 'zendesk' ? 'helpdeskZendesk' : 'helpdeskJira'))}
        </button>
        {ticketEvents ? <TicketCalendarLink ticketLabel={`${ticket.system}-${ticket.id}`} load={loadEvents} /> : null}
        <button
          type="button"
          class="ew-button ew-stop-watching"
          title={t('popupStopWatchingHint')}
          onClick={() => void actions.forget(ticket).then(onBack)}
        >
          {t('popupStopWatching')}
        </button>
      </div>
      <h2 id="ew-detail-title" class="ew-detail-title">
        <HelpdeskIcon system={ticket.system} /> <span class="ew-ticket-id">{ticket.id}</span> {ticket.title}
      </h2>
      <p class="ew-detail-summary">
        <SeverityChip severity={evaluation.severity} hotAccount={evaluation.hotAccount} />{' '}
        {evaluation.level > 0 ? <span class="ew-level">{t('popupLevel', evaluation.level)}</span> : null}{' '}
        <span class="ew-state-label">{stateLabel(evaluation.state)}</span>
      </p>
      {item.toTell.length > 0 || item.notified.length > 0 ? (
        <div class="ew-detail-people">
          <h3 class="ew-timeline-heading">{t('popupPeopleToNotify')}</h3>
          <NotifiedFacts item={item} engineerTimeZone={engineerTimeZone} />
          <PeopleToNotify
            item={item}
            busyRoles={busyRoles}
            onMarkNotified={(role, person) => handlers.onMarkNotified(item, role, person)}
            onAddPeople={handlers.onAddPeople}
          />
          {item.toTell.length > 0 ? (
            <MessageActions ticketId={ticket.id} compose={() => handlers.messageOf(item)} onCopy={() => handlers.onCopy(item)} labelled={false} />
          ) : null}
        </div>
      ) : null}
      <TicketTimeline
        ticket={ticket}
        evaluation={evaluation}
        officeTimeZone={evaluation.timeZone}
        engineerTimeZone={engineerTimeZone}
        now={now}
        roleNames={roleNames}
        pauseWhile={policy.pauseWhile}
      />
    </section>
  );
}
