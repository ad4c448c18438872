import { signal, type ReadonlySignal } from '@preact/signals';
import type { PopupData } from '../../components/popup/popup-types';
import { sendMessage } from '../../lib/messages';
import { queueItemsFromRows } from '../../lib/queue';
import { currentUsersItem, generalSettingsItem, watchedTicketsItem, type CurrentUsers, type GeneralSettings } from '../../lib/storage';

export interface PopupDataSource {
  data: ReadonlySignal<PopupData | null>;
  loadError: ReadonlySignal<string | null>;
  dispose: () => void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** "Mine" can tell: the helpdesk said who the engineer is (learned on a ticket page), or the settings do. */
function mineConfigured(settings: GeneralSettings, currentUsers: CurrentUsers): boolean {
  const { mine } = settings;
  return Object.keys(currentUsers).length > 0 || (mine.enabled && [mine.email, mine.zendeskUserId, mine.jiraAccountId].some((value) => !!value));
}

/**
 * Loads what the popup shows from the background — the rows it evaluated, ordered and resolved
 * to people (lib/view-model), and the effective policy for the timeline — and asks again when
 * the watched store changes (a ticket seen in a tab, an acknowledgement, a refresh) and when the
 * background says a state can next change (a deadline or a warning passing while the popup is open).
 */
export function loadPopupData(): PopupDataSource {
  const data = signal<PopupData | null>(null);
  const loadError = signal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const askAgainAt = (refreshAt: string | null) => {
    clearTimeout(timer);
    if (refreshAt === null) return;
    // Timers are capped near 24.8 days; a state change further out is picked up on the next open.
    const delay = Math.min(Math.max(0, Date.parse(refreshAt) - Date.now()) + 50, 2_000_000_000);
    timer = setTimeout(() => void reloadList().catch(report), delay);
  };
  const loadAll = async () => {
    const [list, policy, general, currentUsers] = await Promise.all([
      sendMessage({ type: 'tickets:list' }),
      sendMessage({ type: 'policy:get' }),
      generalSettingsItem.get(),
      currentUsersItem.get(),
    ]);
    data.value = {
      items: queueItemsFromRows(list.rows),
      policy: policy.policy,
      mineConfigured: mineConfigured(general, currentUsers),
      ackNoteMode: general.ackNoteMode,
      watchViewTickets: general.watchViewTickets,
    };
    askAgainAt(list.refreshAt);
    loadError.value = null;
  };
  const reloadList = async () => {
    const current = data.peek();
    if (!current) return loadAll();
    const list = await sendMessage({ type: 'tickets:list' });
    data.value = { ...current, items: queueItemsFromRows(list.rows) };
    askAgainAt(list.refreshAt);
  };
  const report = (error: unknown) => {
    loadError.value = describe(error);
  };

  void loadAll().catch(report);
  const unwatch = watchedTicketsItem.watch(() => void reloadList().catch(report));
  // "Stop watching view tickets" (here or in the options) shows at once.
  const unwatchGeneral = generalSettingsItem.watch((general) => {
    const current = data.peek();
    if (current) data.value = { ...current, ackNoteMode: general.ackNoteMode, watchViewTickets: general.watchViewTickets };
  });
  return {
    data,
    loadError,
    dispose: () => {
      clearTimeout(timer);
      unwatch();
      unwatchGeneral();
    },
  };
}
