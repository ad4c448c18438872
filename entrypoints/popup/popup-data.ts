import { signal, type ReadonlySignal } from '@preact/signals';
import type { PopupData } from '../../components/popup/popup-types';
import { sendMessage } from '../../lib/messages';
import { emptyDirectory, type Directory } from '../../lib/people/directory-schema';
import { queueEntriesFromViews } from '../../lib/queue';
import { generalSettingsItem, watchedTicketsItem, type GeneralSettings } from '../../lib/storage';

export interface PopupDataSource {
  data: ReadonlySignal<PopupData | null>;
  loadError: ReadonlySignal<string | null>;
  directory: () => Directory;
  dispose: () => void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function mineConfigured(settings: GeneralSettings): boolean {
  const { mine } = settings;
  return mine.enabled && [mine.email, mine.zendeskUserId, mine.jiraAccountId].some((value) => !!value);
}

/**
 * Loads what the popup shows from the background (the list with "mine" worked out, the
 * effective policy, the directory) and reloads the list whenever the watched store changes —
 * a ticket seen in a tab, an acknowledgement, a refresh.
 */
export function loadPopupData(): PopupDataSource {
  const data = signal<PopupData | null>(null);
  const loadError = signal<string | null>(null);
  let directory: Directory = emptyDirectory();

  const loadAll = async () => {
    const [list, policy, people, general] = await Promise.all([
      sendMessage({ type: 'tickets:list' }),
      sendMessage({ type: 'policy:get' }),
      sendMessage({ type: 'directory:get' }),
      generalSettingsItem.get(),
    ]);
    directory = people.directory;
    data.value = {
      entries: queueEntriesFromViews(list.tickets),
      policy: policy.policy,
      mineConfigured: mineConfigured(general),
      ackNoteMode: general.ackNoteMode,
    };
    loadError.value = null;
  };
  const reloadList = async () => {
    const current = data.peek();
    if (!current) return loadAll();
    const list = await sendMessage({ type: 'tickets:list' });
    data.value = { ...current, entries: queueEntriesFromViews(list.tickets) };
  };
  const report = (error: unknown) => {
    loadError.value = describe(error);
  };

  void loadAll().catch(report);
  const unwatch = watchedTicketsItem.watch(() => void reloadList().catch(report));
  return { data, loadError, directory: () => directory, dispose: unwatch };
}
