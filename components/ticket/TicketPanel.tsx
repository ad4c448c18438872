import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { formatDuration } from '../../lib/countdown/format';
import { countdownWords } from '../../lib/countdown/countdown-words';
import { engineerTimeZone, formatInstantInZones } from './instant-format';
import { ticketReference } from './badge-summary';
import { fitPanel } from './panel-fit';
import type {
  AckNoteSetting,
  NativeSlaComparison,
  PersonToNotify,
  TicketPanelActions,
  TicketView,
  TimelineStep,
} from '../../lib/view-model/rendered-view';

interface TicketPanelProps {
  id: string;
  view: TicketView;
  actions: TicketPanelActions;
  ackNoteSetting: AckNoteSetting;
  onClose: () => void;
}

/** The panel the badge opens: why, when, and who to tell — with the buttons to tell them. */
export function TicketPanel({ id, view, actions, ackNoteSetting, onClose }: TicketPanelProps) {
  const [status, setStatus] = useState('');
  const when = (at: Date) => formatInstantInZones(at, view.officeTimeZone, (text) => t('inpagePanelOfficeTime', text));
  // As tall as the viewport leaves it room for, measured again whenever its content or the viewport (zoom) changes.
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const fit = () => ref.current && fitPanel(ref.current);
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  });
  return (
    <section ref={ref} id={id} class="ew-panel" role="dialog" aria-label={t('inpagePanelTitle', ticketReference(view))}>
      <header class="ew-panel-header">
        <h2 class="ew-panel-title">{t('inpagePanelTitle', ticketReference(view))}</h2>
        <button type="button" class="ew-button ew-close" onClick={onClose} aria-label={t('inpagePanelClose')}>
          ×
        </button>
      </header>
      {view.source === 'dom' ? <p class="ew-notice">{t('inpageFromPageNotice')}</p> : null}
      <ul class="ew-explanation">
        {view.ackTimeouts.map((timeout) => (
          <li key={`ack-timeout-${timeout.level}`} class="ew-ack-timeout" data-ew="ack-timeout">
            {t(timeout.directorAdded ? 'inpageAckTimeoutDirectorAdded' : 'inpageAckTimeout', [String(timeout.minutes), String(timeout.level)])}
          </li>
        ))}
        {view.explanation.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p class="ew-zones">{t('inpagePanelZones', [engineerTimeZone(), `${view.officeName} (${view.officeTimeZone})`])}</p>
      <h3 class="ew-heading">{t('inpagePanelTimeline')}</h3>
      <ol class="ew-timeline">
        {view.timeline.map((step) => (
          <TimelineRow key={step.id} step={step} when={when} unread={view.unread} />
        ))}
      </ol>
      <h3 class="ew-heading">{t('inpagePanelPeople')}</h3>
      {view.people.length === 0 ? (
        <p class="ew-muted">{t(view.unread.length > 0 ? 'inpagePanelNobodyKnown' : 'inpagePanelNobodyYet')}</p>
      ) : null}
      <ul class="ew-people">
        {view.people.map((person) => (
          <PersonRow
            key={person.roleId}
            person={person}
            actions={actions}
            ackNoteSetting={ackNoteSetting}
            onStatus={setStatus}
          />
        ))}
      </ul>
      {view.nativeSla.length > 0 ? <NativeSlaTable rows={view.nativeSla} when={when} /> : null}
      <p class="ew-status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

/**
 * `unread`: what a page read could not read. With the creation time or the severity unknown, no
 * level has a time (nor, with the severity unknown, can it be said which levels it has).
 */
function TimelineRow({ step, when, unread }: { step: TimelineStep; when: (at: Date) => string; unread: TicketView['unread'] }) {
  const phaseText = step.phase === 'reached' ? t('inpageTimelineReached') : step.phase === 'next' ? t('inpageTimelineNext') : t('inpageTimelineLater');
  let time: string;
  if (!step.scheduled && !unread.includes('severity')) time = t('inpageTimelineNotForSeverity');
  else if (step.at) time = when(step.at);
  else if (unread.length > 0) time = t('inpageTimelineTimeUnknown');
  else time = t('inpageTimelinePaused');
  return (
    <li class={`ew-step ew-step-${step.phase}`}>
      <span class="ew-step-name">{step.name}</span>
      <span class="ew-step-phase">{phaseText}</span>
      <span class="ew-step-time">{time}</span>
      {step.notifyNames.length > 0 ? <span class="ew-step-roles">{step.notifyNames.join(', ')}</span> : null}
    </li>
  );
}

interface PersonRowProps {
  person: PersonToNotify;
  actions: TicketPanelActions;
  ackNoteSetting: AckNoteSetting;
  onStatus: (text: string) => void;
}

function PersonRow({ person, actions, ackNoteSetting, onStatus }: PersonRowProps) {
  const [writeNote, setWriteNote] = useState(true);
  const [busy, setBusy] = useState(false);
  const copy = async () => {
    const { subject, body } = actions.message(person.roleId);
    const copied = await actions.copyText(`${subject}\n\n${body}`);
    onStatus(copied ? t('inpageStatusCopied', person.name) : t('inpageStatusCopyFailed'));
  };
  const markNotified = async () => {
    setBusy(true);
    const wantNote = ackNoteSetting === 'always' || (ackNoteSetting === 'ask' && writeNote);
    try {
      const outcome = await actions.acknowledge(person.roleId, wantNote);
      if (outcome.note === 'failed') onStatus(t('inpageStatusAckLocalOnly', person.name));
      else if (outcome.note === 'written') onStatus(t('inpageStatusAckWithNote', person.name));
      else onStatus(t('inpageStatusAck', person.name));
    } catch {
      onStatus(t('inpageStatusAckFailed', person.name));
    } finally {
      setBusy(false);
    }
  };
  const stateText = person.onRequest ? t('inpagePersonOnRequest') : person.pending ? t('inpagePersonPending') : t('inpagePersonDone');
  const holders = person.holders.map((holder) => holder.name).join(', ');
  // A role that is due names who holds it, or says plainly that the directory has nobody.
  const due = person.pending || person.onRequest;
  return (
    <li class={`ew-person ${person.pending ? 'ew-person-pending' : ''}`}>
      <span class="ew-person-name" title={person.holders.map((holder) => holder.email ?? holder.name).join(', ')}>
        {holders === '' ? person.name : `${person.name} · ${holders}`}
      </span>
      <span class="ew-person-state">{stateText}</span>
      {person.addedByTimeout ? (
        <span class="ew-person-added" data-ew="added-by-timeout">
          {t('inpagePersonAddedByTimeout', [String(person.addedByTimeout.level), String(person.addedByTimeout.minutes)])}
        </span>
      ) : null}
      {holders === '' && due ? (
        <span class="ew-person-nobody">
          {t('inpagePersonNobody')}{' '}
          <button type="button" class="ew-link" onClick={() => actions.openPeopleOptions()}>
            {t('inpageAddPeople')}
          </button>
        </span>
      ) : null}
      <span class="ew-person-actions">
        <button type="button" class="ew-button" onClick={() => void copy()}>
          {t('inpageActionCopy')}
        </button>
        <a class="ew-button" href={actions.message(person.roleId).mailto} target="_blank" rel="noopener noreferrer">
          {t('inpageActionEmail')}
        </a>
        {person.pending || person.onRequest ? (
          <button
            type="button"
            class="ew-button ew-primary"
            disabled={busy}
            onClick={(event) => {
              // The panel lives in a page whose own scripts could click it: only a person's click counts.
              if (event.isTrusted === false) return;
              void markNotified();
            }}
          >
            {t('inpageActionMarkNotified')}
          </button>
        ) : null}
      </span>
      {(person.pending || person.onRequest) && ackNoteSetting === 'ask' ? (
        <label class="ew-note-choice">
          <input
            type="checkbox"
            checked={writeNote}
            onChange={(event) => setWriteNote((event.currentTarget as HTMLInputElement).checked)}
          />
          {t('inpageAckNoteAsk')}
        </label>
      ) : null}
      {(person.pending || person.onRequest) && ackNoteSetting === 'always' ? (
        <span class="ew-muted">{t('inpageAckNoteAlways')}</span>
      ) : null}
    </li>
  );
}

function NativeSlaTable({ rows, when }: { rows: NativeSlaComparison[]; when: (at: Date) => string }) {
  const words = countdownWords();
  return (
    <>
      <h3 class="ew-heading">{t('inpageNativeSlaHeading')}</h3>
      <table class="ew-native-sla">
        <thead>
          <tr>
            <th scope="col">{t('inpageNativeSlaTarget')}</th>
            <th scope="col">{t('inpageNativeSlaTheirs')}</th>
            <th scope="col">{t('inpageNativeSlaOurs')}</th>
            <th scope="col">{t('inpageNativeSlaDrift')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} class={row.drifting ? 'ew-drifting' : ''}>
              <td>{row.name}</td>
              <td>{row.paused ? t('inpageTimelinePaused') : row.theirs ? when(row.theirs) : '—'}</td>
              <td>{row.ours ? when(row.ours) : '—'}</td>
              <td>
                {row.driftMs === null
                  ? '—'
                  : row.drifting
                    ? t('inpageNativeSlaDriftFlag', formatDuration(Math.abs(row.driftMs), words))
                    : t('inpageNativeSlaAgrees')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
