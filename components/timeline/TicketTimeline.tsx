import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Evaluation, Status, Ticket } from '../../lib/engine/types';
import { formatInstant, t, uiLanguage } from '../../lib/i18n';
import { timelineEntries, type TimelineEntry } from './timeline-entries';

export interface TicketTimelineProps {
  ticket: Ticket;
  evaluation: Evaluation;
  officeTimeZone: string;
  /** The engineer's own zone (the browser's). */
  engineerTimeZone: string;
  /** Splits what happened from what is to come (the instant the evaluation was made for). */
  now: Date;
  /** Role id → name from the policy; ids are shown when absent. */
  roleNames?: Readonly<Record<string, string>>;
  /** Statuses that pause the clocks (the policy's pauseWhile). */
  pauseWhile?: readonly Status[];
}

/**
 * A ticket's levels reached and to come, its pauses, severity changes and replies, each with its
 * time in the engineer's zone and the office's, under the engine's explanation: the "why" behind
 * every number in the badge and the popup.
 */
export function TicketTimeline({ ticket, evaluation, officeTimeZone, engineerTimeZone, now, roleNames = {}, pauseWhile }: TicketTimelineProps) {
  const entries = useMemo(() => timelineEntries(ticket, evaluation, now, pauseWhile), [ticket, evaluation, now, pauseWhile]);
  const locale = uiLanguage();
  const twoZones = engineerTimeZone !== officeTimeZone;
  const nowIndex = entries.findIndex((entry) => entry.phase !== 'past');
  const zones = twoZones ? [engineerTimeZone, officeTimeZone] : [engineerTimeZone];
  const roleName = (role: string) => roleNames[role] ?? role;

  return (
    <div class="ew-timeline">
      <h3 class="ew-timeline-heading">{t('timelineWhy')}</h3>
      <ul class="ew-timeline-why">
        {evaluation.explanation.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
      <h3 class="ew-timeline-heading">{t('timelineHeading')}</h3>
      <table class="ew-timeline-table">
        <caption class="ew-visually-hidden">{t('timelineCaption', [ticket.id])}</caption>
        <thead>
          <tr>
            <th scope="col">{twoZones ? t('timelineYourTime', engineerTimeZone) : t('timelineTime', engineerTimeZone)}</th>
            {twoZones ? <th scope="col">{t('timelineOfficeTime', officeTimeZone)}</th> : null}
            <th scope="col">{t('timelineWhat')}</th>
          </tr>
        </thead>
        <tbody>{rowsWithNow(entries, nowIndex, (entry) => (
          <EntryRow key={entry.key} entry={entry} zones={zones} locale={locale} roleName={roleName} />
        ), <NowRow key="now" now={now} zones={zones} locale={locale} />)}
        </tbody>
      </table>
    </div>
  );
}

/** The "now" marker goes before the first entry still to come, or last when all has happened. */
function rowsWithNow(entries: TimelineEntry[], nowIndex: number, row: (entry: TimelineEntry) => JSX.Element, nowRow: JSX.Element): JSX.Element[] {
  const rows = entries.map(row);
  rows.splice(nowIndex === -1 ? rows.length : nowIndex, 0, nowRow);
  return rows;
}

function NowRow({ now, zones, locale }: { now: Date; zones: string[]; locale: string }) {
  return (
    <tr class="ew-timeline-now">
      {zones.map((zone) => (
        <td key={zone}>{formatInstant(now, zone, locale)}</td>
      ))}
      <td>{t('timelineNow')}</td>
    </tr>
  );
}

interface EntryRowProps {
  entry: TimelineEntry;
  zones: string[];
  locale: string;
  roleName: (role: string) => string;
}

function EntryRow({ entry, zones, locale, roleName }: EntryRowProps) {
  const substitutions = entry.kind === 'notified' ? entry.roles.map(roleName) : entry.substitutions;
  const notify = entry.kind === 'level' ? entry.roles.map(roleName) : [];
  const onRequest = entry.onRequest.map(roleName);
  return (
    <tr class={`ew-timeline-row ew-timeline-${entry.phase} ew-timeline-kind-${entry.kind}`}>
      {zones.map((zone) => (
        <td key={zone} class="ew-timeline-time">
          {entry.at ? formatInstant(entry.at, zone, locale) : '—'}
        </td>
      ))}
      <td>
        <span>{t(entry.message, substitutions)}</span>
        {notify.length > 0 ? <span class="ew-timeline-roles">{t('timelineNotifyRoles', notify.join(', '))}</span> : null}
        {onRequest.length > 0 ? <span class="ew-timeline-roles">{t('timelineOnRequestRoles', onRequest.join(', '))}</span> : null}
      </td>
    </tr>
  );
}
