import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ForecastItem } from '../../lib/messages/forecast-view';
import { CalendarLink } from './CalendarLink';
import { calendarFileName, calendarText } from './calendar-file';

interface TicketCalendarLinkProps {
  ticketLabel: string;
  /** This ticket's coming events from the background, and its clock. */
  load: () => Promise<{ items: ForecastItem[]; now: number }>;
}

/** "Add to calendar" for one ticket: its coming levels and deadlines, asked for when the detail opens. */
export function TicketCalendarLink({ ticketLabel, load }: TicketCalendarLinkProps) {
  const [loaded, setLoaded] = useState<{ items: ForecastItem[]; now: number } | null>(null);
  useEffect(() => {
    let live = true;
    load()
      .then((result) => live && setLoaded(result))
      .catch(() => live && setLoaded({ items: [], now: Date.now() }));
    return () => {
      live = false;
    };
  }, [load]);
  return (
    <CalendarLink
      text={() => calendarText(loaded?.items ?? [], new Date(loaded?.now ?? Date.now()))}
      fileName={calendarFileName(`escalation-${ticketLabel}`)}
      label={t('forecastAddToCalendar')}
      disabled={!loaded || loaded.items.length === 0}
    />
  );
}
