import { formatInstant, t, uiLanguage, wallClockOf } from '../../lib/i18n';
import type { ForecastItem, OfficeStripView } from '../../lib/messages/forecast-view';
import { forecastTicketLabel, forecastWhat } from '../../lib/view-model/forecast-view';

interface ForecastStripsProps {
  offices: readonly OfficeStripView[];
  events: readonly ForecastItem[];
  from: number;
  until: number;
  engineerTimeZone: string;
  /** Hours between axis labels (wider apart where the strip is narrow). */
  tickHours?: number;
}

const VIEW_WIDTH = 1000;
const STRIP_HEIGHT = 28;
/** Business hours fill the lower part; the upper part is left for the day's name (holiday, make-up workday). */
const OPEN_TOP = 14;
const HOUR_MS = 3_600_000;

const dayKindLabel = {
  workday: 'forecastDayWorkday',
  closed: 'forecastDayClosed',
  holiday: 'forecastDayHoliday',
  makeup: 'forecastDayMakeup',
} as const;

/**
 * The picture first: one 24-hour strip per office — its local days (workday, weekend, holiday,
 * make-up workday), its business hours and a mark at each deadline of its tickets — drawn as
 * plain SVG (a few rects and lines per office need no chart library). Words (hours, day kinds,
 * office names) are HTML over the SVG, so they never stretch with it; each office's name is a
 * line of its own above its strip, as wide as the strip, and wraps rather than being cut.
 */
export function ForecastStrips({ offices, events, from, until, engineerTimeZone, tickHours = 3 }: ForecastStripsProps) {
  const span = Math.max(1, until - from);
  const x = (ms: number) => ((Math.min(Math.max(ms, from), until) - from) / span) * VIEW_WIDTH;
  const percent = (ms: number) => `${((Math.min(Math.max(ms, from), until) - from) / span) * 100}%`;
  const locale = uiLanguage();
  const ticks: number[] = [];
  // Labels at whole hours of the engineer's clock (zones off by half an hour included), none so
  // close to either end that it would clip.
  const HALF_HOUR = HOUR_MS / 2;
  for (let at = Math.ceil(from / HALF_HOUR) * HALF_HOUR; at < until - HOUR_MS; at += HALF_HOUR) {
    const { hour, minute } = wallClockOf(new Date(at), engineerTimeZone);
    if (at - from >= HALF_HOUR && minute === 0 && hour % tickHours === 0) ticks.push(at);
  }
  return (
    <figure class="ew-strips" aria-label={t('forecastStripsLabel')}>
      <div class="ew-strip-axis" aria-hidden="true">
        <div class="ew-strip-ticks">
          {ticks.map((at) => (
            <span key={at} class="ew-strip-tick" style={{ left: percent(at) }}>
              {formatInstant(new Date(at), engineerTimeZone, locale, 'time')}
            </span>
          ))}
        </div>
      </div>
      {offices.map((office) => {
        const marks = events.filter((event) => event.officeId === office.officeId);
        return (
          <div key={office.officeId} class="ew-strip-row" data-office={office.officeId}>
            {/* The name on its own line over the strip's full width, wrapped if need be: never cut. */}
            <div class="ew-strip-label" title={office.timeZone}>
              <span class="ew-strip-name">{office.name}</span>
              <span class="ew-strip-local">{formatInstant(new Date(from), office.timeZone, locale, 'time')}</span>
            </div>
            <div class="ew-strip-track">
              <svg
                class="ew-strip-svg"
                viewBox={`0 0 ${VIEW_WIDTH} ${STRIP_HEIGHT}`}
                preserveAspectRatio="none"
                role="img"
                aria-label={t('forecastStripAria', [office.name, marks.length])}
              >
                {office.days.map((day) => (
                  <rect key={day.date} class={`ew-day ew-day-${day.kind}`} x={x(day.from)} y={0} width={Math.max(0, x(day.to) - x(day.from))} height={STRIP_HEIGHT}>
                    <title>{`${day.date} · ${t(dayKindLabel[day.kind])}`}</title>
                  </rect>
                ))}
                {office.open.map((hours) => (
                  <rect key={hours.from} class="ew-open" x={x(hours.from)} y={OPEN_TOP} width={Math.max(0, x(hours.to) - x(hours.from))} height={STRIP_HEIGHT - OPEN_TOP - 3} />
                ))}
                {office.days.slice(1).map((day) => (
                  <line key={`midnight-${day.date}`} class="ew-midnight" x1={x(day.from)} x2={x(day.from)} y1={0} y2={STRIP_HEIGHT} vector-effect="non-scaling-stroke" />
                ))}
                {marks.map((event, index) => (
                  <line
                    key={`${event.uid}-${index}`}
                    class={`ew-mark ew-mark-sev${event.severity ?? 0}`}
                    x1={x(event.at)}
                    x2={x(event.at)}
                    y1={1}
                    y2={STRIP_HEIGHT - 1}
                    vector-effect="non-scaling-stroke"
                  >
                    <title>{`${formatInstant(new Date(event.at), engineerTimeZone, locale, 'time')} ${forecastTicketLabel(event)} ${forecastWhat(event, { t })}`}</title>
                  </line>
                ))}
              </svg>
              <div class="ew-strip-days" aria-hidden="true">
                {office.days
                  .filter((day) => day.kind === 'holiday' || day.kind === 'makeup')
                  .map((day) => (
                    <span
                      key={day.date}
                      class={`ew-strip-day-label ew-day-label-${day.kind}`}
                      // Whole, never cut: from the day's start in the strip's left half, up to its end in the right half.
                      style={x(day.from) < VIEW_WIDTH / 2 ? { left: percent(day.from) } : { right: `${100 - (x(day.to) / VIEW_WIDTH) * 100}%`, textAlign: 'right' }}
                    >
                      {t(dayKindLabel[day.kind])}
                    </span>
                  ))}
              </div>
            </div>
          </div>
        );
      })}
      <figcaption class="ew-strip-legend">
        <span class="ew-legend ew-legend-open">{t('forecastLegendOpen')}</span>
        <span class="ew-legend ew-legend-holiday">{t('forecastDayHoliday')}</span>
        <span class="ew-legend ew-legend-makeup">{t('forecastDayMakeup')}</span>
        <span class="ew-legend ew-legend-closed">{t('forecastDayClosed')}</span>
        <span class="ew-legend ew-legend-mark">{t('forecastLegendDeadline')}</span>
        <span class="ew-strip-zone">{t('forecastTimesIn', engineerTimeZone)}</span>
      </figcaption>
    </figure>
  );
}
