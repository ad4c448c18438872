import { useComputed, useSignal, type ReadonlySignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { countdownWords } from '../../lib/countdown/countdown-words';
import { t } from '../../lib/i18n';
import { filterQueue, showEverything, type QueueFilter, type QueueItem } from '../../lib/queue';
import { timelineStyles } from '../timeline';
import { ForecastTab, type ForecastActions } from '../forecast';
import { PopupTabs, type PopupTab } from './PopupTabs';
import type { ForecastItem } from '../../lib/messages/forecast-view';
import { popupMessage } from '../../lib/view-model/popup-row';
import { EmptyQueue } from './EmptyQueue';
import { popupWords } from './popup-words';
import { usePopupClock } from './popup-clock';
import type { PopupActions, PopupData } from './popup-types';
import { QueueRow, queueRowHeight, rowTitleId, type RowHandlers } from './QueueRow';
import { QueueToolbar } from './QueueToolbar';
import { TicketDetail } from './TicketDetail';
import { WindowedList } from './WindowedList';

export interface PopupAppProps {
  /** null while loading. */
  data: ReadonlySignal<PopupData | null>;
  loadError: ReadonlySignal<string | null>;
  actions: PopupActions;
  engineerTimeZone: string;
  /** The "Next 24 h" tab (issue 15); absent: the queue alone. */
  forecast?: {
    actions: ForecastActions;
    openFullPage: () => void;
    /** One ticket's coming events, for its "Add to calendar". */
    ticketEvents: (ticket: QueueItem['ticket']) => Promise<{ items: ForecastItem[]; now: number }>;
  };
}

const MINUTE = 60_000;

const itemKey = (item: QueueItem) => item.key;
const busyKey = (item: QueueItem, role: string) => `${item.key}|${role}`;

/**
 * The toolbar popup: every watched open ticket as the background evaluated, ordered and
 * resolved it (lib/view-model), and one ticket's timeline. It filters and ticks countdowns; it
 * never evaluates, sorts or looks people up itself.
 */
export function PopupApp({ data, loadError, actions, engineerTimeZone, forecast }: PopupAppProps) {
  const clock = usePopupClock();
  const words = useMemo(countdownWords, []);
  const messageWords = useMemo(popupWords, []);
  const minute = useComputed(() => Math.floor(clock.now.value / MINUTE));
  const busy = useSignal<ReadonlySet<string>>(new Set());
  const filter = useSignal<QueueFilter>(showEverything);
  const selected = useSignal<string | null>(null);
  const status = useSignal('');
  const recordOnTicket = useSignal(true);
  /** The ticket just stopped, for "Undo" beside the status while the status still says so. */
  const undoable = useSignal<{ ticket: QueueItem['ticket']; said: string } | null>(null);
  const tab = useSignal<PopupTab>('queue');

  const items = useComputed(() => data.value?.items ?? []);
  const visible = useComputed(() => filterQueue(items.value, filter.value));
  const openCount = useComputed(() => filterQueue(items.value, showEverything).length);

  const current = data.value;
  if (loadError.value) return <p class="ew-error" role="alert">{t('popupLoadFailed', loadError.value)}</p>;
  if (!current) return <p class="ew-loading" role="status">{t('popupLoading')}</p>;
  const { policy } = current;

  const roleName = (role: string) => (Object.hasOwn(policy.roles, role) ? policy.roles[role]?.name : undefined) ?? role;
  const busyRolesOf = (item: QueueItem) => new Set(item.toTell.map((role) => role.roleId).filter((role) => busy.value.has(busyKey(item, role))));

  const handlers: RowHandlers = {
    onSelect: (item) => {
      selected.value = itemKey(item);
    },
    onMarkNotified: (item, role, person) => {
      const key = busyKey(item, role);
      busy.value = new Set([...busy.value, key]);
      const wantNote = current.ackNoteMode === 'always' || (current.ackNoteMode === 'ask' && recordOnTicket.value);
      actions
        .acknowledge(item.ticket, role, { recordOnTicket: wantNote, person })
        .then(({ noteError }) => {
          // The background stored it; the list it answers next (the store changed) shows the role as told.
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
    messageOf: (item) => popupMessage(item, { policy, now: new Date(clock.now.value), words: messageWords }),
    onCopy: (item) => {
      const message = handlers.messageOf(item);
      if (!message) return;
      actions
        .copyText(`${message.subject}\n\n${message.body}`)
        .then(() => {
          status.value = t('popupCopied', item.ticket.id);
        })
        .catch(() => {
          status.value = t('popupCopyFailed');
        });
    },
    onAddPeople: () => void actions.openOptions('people'),
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
  const toNotify = items.value.filter((item) => item.toTell.length > 0 && item.evaluation.state !== 'stopped').length;
  const fromView = items.value.filter((item) => item.fromView).length;

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
      {forecast && !selectedItem ? <PopupTabs tab={tab.value} onChange={(next) => (tab.value = next)} /> : null}
      {forecast && !selectedItem && tab.value === 'forecast' ? (
        <div id="ew-tabpanel-forecast" role="tabpanel" aria-labelledby="ew-tab-forecast">
          <ForecastTab actions={forecast.actions} onOpenFullPage={forecast.openFullPage} />
        </div>
      ) : null}
      <main hidden={!!selectedItem || tab.value === 'forecast'} id="ew-tabpanel-queue" role={forecast ? 'tabpanel' : undefined} aria-labelledby={forecast ? 'ew-tab-queue' : undefined}>
        {openCount.value > 0 ? <QueueToolbar filter={filter.value} onChange={(next) => (filter.value = next)} /> : null}
        {filter.value.scope === 'mine' && !current.mineConfigured ? <p class="ew-hint">{t('popupMineNotConfigured')}</p> : null}
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
            rowHeight={queueRowHeight}
            label={t('popupListLabel')}
            renderRow={(item) => (
              <QueueRow item={item} words={words} engineerTimeZone={engineerTimeZone} handlers={handlers} busyRoles={busyRolesOf(item)} />
            )}
          />
        )}
        {current.ackNoteMode === 'ask' && openCount.value > 0 ? (
          <fieldset class="ew-setting">
            <legend>{t('popupSettingHeading')}</legend>
            <label>
              <input type="checkbox" checked={recordOnTicket.value} onChange={(event) => (recordOnTicket.value = event.currentTarget.checked)} />
              {t('popupRecordOnTicket')}
            </label>
            <button type="button" class="ew-link" onClick={() => void actions.openOptions('general')}>
              {t('popupOpenOptions')}
            </button>
          </fieldset>
        ) : null}
        {current.watchViewTickets && fromView > 0 ? (
          <button
            type="button"
            class="ew-button ew-forget-view"
            title={t('popupForgetViewTicketsHint')}
            onClick={() => void actions.forgetViewTickets()}
          >
            {t('popupForgetViewTickets', fromView)}
          </button>
        ) : null}
        {current.watchViewTickets ? null : (
          <p class="ew-hint ew-view-tickets-stopped">
            {t('popupViewTicketsStopped')}{' '}
            <button type="button" class="ew-link" onClick={() => void actions.watchViewTickets()}>
              {t('popupWatchViewTicketsAgain')}
            </button>
          </p>
        )}
      </main>
      {selectedItem ? (
        <TicketDetail
          item={selectedItem}
          policy={policy}
          now={new Date(minute.value * MINUTE)}
          engineerTimeZone={engineerTimeZone}
          actions={{
            ...actions,
            forget: async (ticket) => {
              await actions.forget(ticket);
              status.value = t('popupStoppedWatching', ticket.id);
              undoable.value = { ticket, said: status.value };
            },
          }}
          handlers={handlers}
          busyRoles={busyRolesOf(selectedItem)}
          onBack={back}
          {...(forecast ? { ticketEvents: forecast.ticketEvents } : {})}
        />
      ) : null}
      <p class="ew-status" role="status" aria-live="polite">
        {status.value}
        {undoable.value && undoable.value.said === status.value ? (
          <>
            {' '}
            <button
              type="button"
              class="ew-link"
              onClick={() => {
                const ticket = undoable.value?.ticket;
                undoable.value = null;
                if (!ticket) return;
                void actions.watchAgain(ticket).then(() => {
                  status.value = t('popupWatchingAgain', ticket.id);
                });
              }}
            >
              {t('popupUndo')}
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}
