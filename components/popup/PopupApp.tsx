import { useComputed, useSignal, type ReadonlySignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { t } from '../../lib/i18n';
import {
  evaluateQueue,
  filterQueue,
  justAcknowledgedKey,
  showEverything,
  type QueueFilter,
  type QueueItem,
} from '../../lib/queue';
import { sortByUrgency } from '../../lib/view-model/urgency';
import { timelineStyles } from '../timeline';
import { countdownWords } from '../../lib/countdown/countdown-words';
import { EmptyQueue } from './EmptyQueue';
import { escalationMessageFor, recipientsFor } from './escalation-text';
import { usePopupClock } from './popup-clock';
import type { PopupActions, PopupData } from './popup-types';
import { QueueRow, rowTitleId, type RowHandlers } from './QueueRow';
import { QueueToolbar } from './QueueToolbar';
import { TicketDetail } from './TicketDetail';
import { WindowedList } from './WindowedList';

export interface PopupAppProps {
  /** null while loading. */
  data: ReadonlySignal<PopupData | null>;
  loadError: ReadonlySignal<string | null>;
  actions: PopupActions;
  engineerTimeZone: string;
}

const MINUTE = 60_000;
/** Matches `.ew-row` height in popup.css. */
export const ROW_HEIGHT = 92;

const itemKey = (item: QueueItem) => `${item.ticket.system}:${item.ticket.id}`;

/** The toolbar popup: every watched open ticket, most urgent first, and one ticket's timeline. */
export function PopupApp({ data, loadError, actions, engineerTimeZone }: PopupAppProps) {
  const clock = usePopupClock();
  const words = useMemo(countdownWords, []);
  // Deadlines fall on whole minutes: re-evaluating once a minute keeps states exact and cheap.
  const minute = useComputed(() => Math.floor(clock.now.value / MINUTE));
  const justAcknowledged = useSignal<ReadonlySet<string>>(new Set());
  const busy = useSignal<ReadonlySet<string>>(new Set());
  const filter = useSignal<QueueFilter>(showEverything);
  const selected = useSignal<string | null>(null);
  const status = useSignal('');
  const recordOnTicket = useSignal(true);

  const items = useComputed(() => {
    const current = data.value;
    if (!current) return [];
    // Re-run once a minute (and on new data), but evaluate at the real instant: a note or reply
    // earlier in this minute must count now, not at the next minute.
    const at = Math.max(minute.value * MINUTE, clock.now.peek());
    return evaluateQueue(current.entries, current.policy, new Date(at), justAcknowledged.value);
  });
  const visible = useComputed(() => sortByUrgency(filterQueue(items.value, filter.value).map((item) => ({ ...item, key: itemKey(item) }))));
  const openCount = useComputed(() => filterQueue(items.value, showEverything).length);

  const current = data.value;
  if (loadError.value) return <p class="ew-error" role="alert">{t('popupLoadFailed', loadError.value)}</p>;
  if (!current) return <p class="ew-loading" role="status">{t('popupLoading')}</p>;
  const { policy } = current;
  const now = new Date(clock.now.peek());

  const roleName = (role: string) => policy.roles[role]?.name ?? role;
  const busyRolesOf = (item: QueueItem) => new Set(item.evaluation.pending.filter((role) => busy.value.has(justAcknowledgedKey(item, role))));

  const handlers: RowHandlers = {
    onSelect: (item) => {
      selected.value = itemKey(item);
    },
    onMarkNotified: (item, role, person) => {
      const key = justAcknowledgedKey(item, role);
      busy.value = new Set([...busy.value, key]);
      const wantNote = current.ackNoteMode === 'always' || (current.ackNoteMode === 'ask' && recordOnTicket.value);
      actions
        .acknowledge(item.ticket, role, { recordOnTicket: wantNote, person })
        .then(({ noteError }) => {
          justAcknowledged.value = new Set([...justAcknowledged.value, key]);
          status.value = noteError
            ? t('popupMarkedNotifiedLocally', [roleName(role), item.ticket.id, noteError])
            : t('popupMarkedNotified', [roleName(role), item.ticket.id]);
        })
        .catch((error: unknown) => {
          status.value = t('popupMarkNotifiedFailed', [roleName(role), error instanceof Error ? error.message : String(error)]);
        })
        .finally(() => {
          const next = new Set(busy.value);
          next.delete(key);
          busy.value = next;
        });
    },
    onCopy: (item) => {
      const at = new Date(clock.now.peek());
      const message = escalationMessageFor(item, policy, recipientsFor(item, item.evaluation.pending, actions, at), at, words);
      actions
        .copyText(`${message.subject}\n\n${message.body}`)
        .then(() => {
          status.value = t('popupCopied', item.ticket.id);
        })
        .catch(() => {
          status.value = t('popupCopyFailed');
        });
    },
    mailtoFor: (item) => escalationMessageFor(item, policy, recipientsFor(item, item.evaluation.pending, actions, now), now, words).mailto,
  };

  const selectedItem = selected.value ? items.value.find((item) => itemKey(item) === selected.value) : undefined;
  const back = () => {
    const key = selected.value;
    selected.value = null;
    // Return focus to the row the engineer came from (after the list is shown again).
    const item = items.value.find((candidate) => itemKey(candidate) === key);
    if (item) queueMicrotask(() => document.getElementById(rowTitleId(item))?.focus());
  };
  const overdue = items.value.filter((item) => item.evaluation.state === 'overdue').length;
  const toNotify = items.value.filter((item) => item.evaluation.pending.length > 0 && item.evaluation.state !== 'stopped').length;

  return (
    <div class="ew-popup">
      <style>{timelineStyles}</style>
      <header class="ew-header" hidden={!!selectedItem}>
        <h1 class="ew-title">{t('extName')}</h1>
        <span class="ew-summary">{t('popupSummary', [openCount.value, overdue, toNotify])}</span>
        <button type="button" class="ew-button ew-icon-button" onClick={() => void actions.openOptions()} aria-label={t('popupOpenOptions')} title={t('popupOpenOptions')}>
          ⚙
        </button>
      </header>
      <main hidden={!!selectedItem}>
        {openCount.value > 0 ? <QueueToolbar filter={filter.value} onChange={(next) => (filter.value = next)} /> : null}
        {filter.value.scope === 'mine' && !current.mineConfigured ? <p class="ew-hint">{t('popupMineNotConfigured')}</p> : null}
        {current.ackNoteMode === 'ask' && openCount.value > 0 ? (
          <label class="ew-note-choice">
            <input type="checkbox" checked={recordOnTicket.value} onChange={(event) => (recordOnTicket.value = event.currentTarget.checked)} />
            {t('popupRecordOnTicket')}
          </label>
        ) : null}
        <p class="ew-visually-hidden" role="status" aria-live="polite">
          {openCount.value > 0 ? t('popupShowing', [visible.value.length, openCount.value]) : ''}
        </p>
        {visible.value.length === 0 ? (
          <EmptyQueue
            filtered={openCount.value > 0}
            onClearFilters={() => (filter.value = showEverything)}
            onOpenOptions={() => void actions.openOptions()}
          />
        ) : (
          <WindowedList
            items={visible.value}
            itemKey={itemKey}
            rowHeight={ROW_HEIGHT}
            label={t('popupListLabel')}
            renderRow={(item) => (
              <QueueRow item={item} policy={policy} now={now} words={words} actions={actions} handlers={handlers} busyRoles={busyRolesOf(item)} />
            )}
          />
        )}
      </main>
      {selectedItem ? (
        <TicketDetail
          item={selectedItem}
          policy={policy}
          now={new Date(minute.value * MINUTE)}
          engineerTimeZone={engineerTimeZone}
          words={words}
          actions={actions}
          handlers={handlers}
          busyRoles={busyRolesOf(selectedItem)}
          onBack={back}
        />
      ) : null}
      <p class="ew-status" role="status" aria-live="polite">
        {status.value}
      </p>
    </div>
  );
}
