import { useMemo, useState } from 'preact/hooks';
import { browserTimeZone, t } from '../../lib/i18n';
import type { ForecastAnswer, HandoffView } from '../../lib/messages/forecast-view';
import { forecastRows } from '../../lib/view-model/forecast-hours';
import { CalendarLink } from './CalendarLink';
import { calendarFileName, calendarText } from './calendar-file';
import { ForecastList } from './ForecastList';
import { ForecastStrips } from './ForecastStrips';
import type { ForecastActions } from './forecast-types';
import { HandoffSummary } from './HandoffSummary';
import { forecastStyles } from './forecast-styles';

interface ForecastViewProps {
  answer: ForecastAnswer;
  actions: ForecastActions;
  engineerTimeZone?: string;
  /** 'popup': compact (one handoff, a few tickets); 'page': every office's handoff in full. */
  variant: 'popup' | 'page';
}

/** The office whose handoff the popup shows: the engineer's, else the next to close. */
function handoffToShow(answer: ForecastAnswer, office: string | null): HandoffView | undefined {
  if (office !== null) return answer.handoffs.find((handoff) => handoff.officeId === office);
  return [...answer.handoffs].sort((a, b) => a.closesAt - b.closesAt)[0];
}

/**
 * The forecast: a strip per office, the follow-the-sun handoff, and every deadline of the next
 * 24 hours under its hour; a "my office" filter (stored), and the whole forecast as a calendar
 * file. Renders what the background computed; computes nothing but the filter and the grouping.
 */
export function ForecastView({ answer, actions, engineerTimeZone = browserTimeZone(), variant }: ForecastViewProps) {
  const [office, setOffice] = useState<string | null>(answer.myOffice);
  const [status, setStatus] = useState('');
  const officeNames = useMemo(() => new Map(answer.offices.map((o) => [o.officeId, o.name])), [answer]);
  const events = useMemo(() => (office === null ? answer.events : answer.events.filter((e) => e.officeId === office)), [answer, office]);
  const rows = useMemo(() => forecastRows(events, engineerTimeZone), [events, engineerTimeZone]);
  const strips = office === null ? answer.offices : answer.offices.filter((o) => o.officeId === office);
  const handoffs = variant === 'popup' ? [handoffToShow(answer, office)].filter((h): h is HandoffView => !!h) : office === null ? answer.handoffs : answer.handoffs.filter((h) => h.officeId === office);
  const zoneOf = (id: string) => answer.offices.find((o) => o.officeId === id)?.timeZone ?? engineerTimeZone;
  const copy = (text: string) =>
    void actions
      .copyText(text)
      .then(() => setStatus(t('forecastCopied')))
      .catch(() => setStatus(t('forecastCopyFailed')));
  const chooseOffice = (next: string | null) => {
    setOffice(next);
    actions.setMyOffice(next).catch((error: unknown) => setStatus(t('forecastSettingsFailed', error instanceof Error ? error.message : String(error))));
  };

  return (
    <div class={`ew-forecast ew-forecast-${variant}`}>
      <style>{forecastStyles}</style>
      <div class="ew-forecast-toolbar">
        <label class="ew-forecast-office-filter">
          {t('forecastMyOffice')}{' '}
          <select value={office ?? ''} onChange={(event) => chooseOffice(event.currentTarget.value === '' ? null : event.currentTarget.value)}>
            <option value="">{t('forecastAllOffices')}</option>
            {answer.offices.map((o) => (
              <option key={o.officeId} value={o.officeId}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <CalendarLink
          text={() => calendarText(events, new Date(answer.now))}
          fileName={calendarFileName(`escalation-forecast-${office ?? 'all'}`)}
          label={t('forecastAddAllToCalendar')}
          disabled={events.length === 0}
        />
      </div>
      <ForecastStrips
        offices={strips}
        events={events}
        from={answer.now}
        until={answer.until}
        engineerTimeZone={engineerTimeZone}
        tickHours={variant === 'popup' ? 6 : 3}
      />
      {rows.length === 0 ? (
        <p class="ew-forecast-empty">{office === null ? t('forecastEmpty') : t('forecastEmptyOffice', officeNames.get(office) ?? office)}</p>
      ) : (
        <ForecastList rows={rows} officeNames={officeNames} engineerTimeZone={engineerTimeZone} onOpenTicket={(item) => void actions.openTicket(item)} />
      )}
      {handoffs.map((handoff) => (
        <HandoffSummary
          key={handoff.officeId}
          handoff={handoff}
          answer={answer}
          officeNames={officeNames}
          officeTimeZone={zoneOf(handoff.officeId)}
          onCopy={copy}
          {...(variant === 'popup' ? { limit: 3 } : {})}
        />
      ))}
      <p class="ew-forecast-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
