import { formatInstant, t, uiLanguage } from '../../lib/i18n';
import { handoffItem, type ForecastAnswer, type HandoffView } from '../../lib/messages/forecast-view';
import { forecastTicketLabel, forecastWhat, forecastWhom } from '../../lib/view-model/forecast-view';

interface HandoffSummaryProps {
  handoff: HandoffView;
  /** The answer's events, which the handoff names by index. */
  answer: Pick<ForecastAnswer, 'events' | 'later'>;
  officeNames: ReadonlyMap<string, string>;
  /** Times as the handing-over office reads them. */
  officeTimeZone: string;
  onCopy: (text: string) => void;
  /** At most this many tickets shown (the copied text has them all); undefined: all. */
  limit?: number;
}

/**
 * Follow-the-sun handoff: when the office closes and opens again, each of its tickets falling
 * due meanwhile with what is due, whom to tell and which office is open then; "Copy as text"
 * gives the same summary for the team chat (composed once, by the background).
 */
export function HandoffSummary({ handoff, answer, officeNames, officeTimeZone, onCopy, limit }: HandoffSummaryProps) {
  const locale = uiLanguage();
  const when = (ms: number) => formatInstant(new Date(ms), officeTimeZone, locale);
  const office = (id: string) => officeNames.get(id) ?? id;
  const shown = limit === undefined ? handoff.tickets : handoff.tickets.slice(0, limit);
  return (
    <section class="ew-handoff" aria-labelledby={`ew-handoff-${handoff.officeId}`} data-office={handoff.officeId}>
      <div class="ew-handoff-head">
        <h2 id={`ew-handoff-${handoff.officeId}`} class="ew-handoff-title">
          {handoff.reopensAt === null
            ? t('forecastHandoffHeadingNoReopen', [handoff.officeName, when(handoff.closesAt)])
            : t('forecastHandoffHeading', [handoff.officeName, when(handoff.closesAt), when(handoff.reopensAt)])}
        </h2>
        <button type="button" class="ew-button ew-handoff-copy" onClick={() => onCopy(handoff.text)}>
          {t('forecastCopyHandoff')}
        </button>
      </div>
      {handoff.tickets.length === 0 ? (
        <p class="ew-handoff-nothing">
          {t('forecastHandoffNothing', handoff.officeName)} {t('forecastHandoffZone', officeTimeZone)}
        </p>
      ) : (
        <>
          <p class="ew-handoff-count">{t('forecastHandoffTickets', [handoff.tickets.length, officeTimeZone])}</p>
          <ul class="ew-handoff-tickets">
            {shown.map((ticket) => (
              <li key={ticket.ticketKey} class="ew-handoff-ticket">
                <span class="ew-handoff-ticket-title" title={ticket.title}>
                  {forecastTicketLabel(ticket)} {ticket.title}
                </span>
                <ul class="ew-handoff-due">
                  {ticket.due.map((due, index) => {
                    const item = handoffItem(answer, due.event);
                    const whom = forecastWhom(item, { t });
                    const cover =
                      due.openOfficeIds.length > 0
                        ? t('forecastOpenThen', due.openOfficeIds.map(office).join(', '))
                        : due.nextOpening
                          ? t('forecastNobodyOpen', [office(due.nextOpening.officeId), when(due.nextOpening.at)])
                          : t('forecastNobodyOpenEver');
                    return (
                      <li key={`${item.uid}-${index}`}>
                        <span class="ew-forecast-time">{when(item.at)}</span> {forecastWhat(item, { t })}
                        {whom ? <span class="ew-handoff-whom"> — {whom}</span> : null}
                        <span class="ew-handoff-cover"> — {cover}</span>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          {shown.length < handoff.tickets.length ? <p class="ew-handoff-more">{t('forecastHandoffMore', handoff.tickets.length - shown.length)}</p> : null}
        </>
      )}
    </section>
  );
}
