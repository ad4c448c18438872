import { ownValue } from '../policy/reserved-names';
import type { Evaluation } from '../engine/types';
import type { MessageHandlers } from '../messages/router';
import type { TicketRef } from '../messages/protocol';
import type { WatchedTicketView } from '../messages/responses';
import { directoryItem } from '../storage/directory-item';
import { getEffectivePolicy } from '../storage/policy-source';
import { generalSettingsItem, notificationSettingsItem, type GeneralSettings } from '../storage/settings';
import { stoppedTicketsItem, stopWatching, watchAgain } from '../storage/stopped-tickets';
import { acknowledgeRole, forgetTicket, forgetViewTickets, snoozeTicket } from '../storage/watched-store';
import { entryAt, type WatchedTicket } from '../storage/watched-ticket-schema';
import type { SenderKind } from '../messages/sender';
import { keyOfRef } from './ticket-ref';
import { watchedTicketsItem } from '../storage/watched-tickets';
import { recordOnTicket } from './acknowledge';
import { recordAcknowledgementOf } from './escalation-recording';
import type { BackgroundDeps } from './deps';
import { evaluateStore, evaluateStoreShown } from './evaluate-store';
import type { WakeAfterReads } from './wake-after-reads';
import type { UnwatchedRows } from './view-watching';
import type { HistoryReads } from './history-reads';
import type { SerialQueue } from './serial-queue';
import { createPageHandlers } from './page-handlers';
import { tellTicketChanged } from './ticket-changed';
import { openTicketTab } from './ticket-tab';
import type { WakeResult } from './wake';
import { sortByUrgency } from '../view-model/urgency';
import { isMine, popupList } from './popup-list';
import { currentUsersItem, type CurrentUsers } from '../storage/current-users';
import { forecastAnswer } from './forecast-answer';

/** The background's answers to every message of the protocol. */

function viewOf(key: string, entry: WatchedTicket, evaluation: Evaluation | null, general: GeneralSettings, currentUsers: CurrentUsers): WatchedTicketView {
  return { ...entry, key, state: evaluation?.state ?? null, mine: isMine(entry, general, currentUsers) };
}

export interface HandlerRuntime {
  deps: BackgroundDeps;
  queue: SerialQueue;
  /** Re-evaluate, notify and re-arm (coalesced: many messages at once cause one wake). */
  requestWake: () => Promise<WakeResult>;
  /** Reads of list rows' histories: cached by version, a few in flight, within a request budget. */
  historyReads: HistoryReads;
  /** The wake after stored history reads, held back until the rows were answered (wake-after-reads.ts). */
  wakeAfterReads: WakeAfterReads;
  /** History reads of rows whose tickets are not watched (stopped by the engineer): rows tell the truth without storing them. */
  unwatchedRows: UnwatchedRows;
  /** Entries "Stop watching" removed, kept in memory so "Undo" puts them back as they were. */
  forgottenEntries: Map<string, WatchedTicket>;
}

async function evaluatedViews(runtime: HandlerRuntime): Promise<WatchedTicketView[]> {
  const { deps } = runtime;
  const now = deps.ports.now();
  const [store, policy, general, currentUsers, notifications] = await Promise.all([
    watchedTicketsItem.get(),
    getEffectivePolicy(deps.policyParsing),
    generalSettingsItem.get(),
    currentUsersItem.get(),
    notificationSettingsItem.get(),
  ]);
  const evaluated = evaluateStoreShown(store, policy.policy, now, deps, notifications.ackTimeoutMinutes);
  const unevaluated = Object.keys(store).filter((key) => !evaluated.some((item) => item.key === key));
  // One order for every surface (lib/view-model/urgency.ts); a ticket that cannot be evaluated goes last.
  return [
    ...sortByUrgency(evaluated).map((item) => viewOf(item.key, item.entry, item.evaluation, general, currentUsers)),
    ...unevaluated.sort().flatMap((key) => (store[key] ? [viewOf(key, store[key], null, general, currentUsers)] : [])),
  ];
}

async function watchedEntry(ticket: TicketRef, sender: SenderKind): Promise<{ key: string; entry: WatchedTicket }> {
  const store = await watchedTicketsItem.get();
  const key = keyOfRef(store, ticket, sender);
  const entry = entryAt(store, key);
  if (!entry) throw new Error(`ticket ${key} is not watched`);
  return { key, entry };
}

export function createMessageHandlers(runtime: HandlerRuntime): MessageHandlers {
  const { deps, queue } = runtime;
  const { ports } = deps;
  const afterChange = () => {
    // Badge, alarm and any notification now due follow every change; failures are logged, not returned.
    runtime.requestWake().catch((error: unknown) => ports.log('wake after a change failed', error));
  };

  /** A forgotten ticket's history read, kept for its view rows (not watched). */
  const keepForRows = (key: string, entry: WatchedTicket | undefined) => {
    if (entry?.source === 'api' && entry.version !== undefined) runtime.unwatchedRows.set(key, { ticket: entry.ticket, version: entry.version });
  };

  return {
    ...createPageHandlers(runtime, afterChange),

    async 'tickets:list'() {
      return popupList(deps);
    },

    async 'ticket:get'(message, sender) {
      const key = keyOfRef(await watchedTicketsItem.get(), message.ticket, sender);
      const views = await evaluatedViews(runtime);
      return { ticket: views.find((view) => view.key === key) ?? null };
    },

    async 'ticket:acknowledge'(message, sender) {
      const now = ports.now();
      const { key, entry } = await watchedEntry(message.ticket, sender);
      let recordError: string | undefined;
      if (message.recordOnTicket) {
        const policy = (await getEffectivePolicy(deps.policyParsing)).policy;
        const evaluation = evaluateStore({ [key]: entry }, policy, now, deps)[0]?.evaluation;
        recordError =
          (await recordOnTicket(ports, {
            ticket: message.ticket,
            entry,
            role: message.role,
            policy,
            currentLevel: evaluation?.level ?? 1,
            at: now,
            ...(message.person ? { person: message.person } : {}),
            ...(message.channel ? { channel: message.channel } : {}),
            ...(sender.kind === 'content' && sender.tabId !== undefined ? { preferTabId: sender.tabId } : {}),
          })) ?? undefined;
      }
      const by = message.recordOnTicket && recordError === undefined ? 'ticket' : 'local';
      const store = await queue.run(() => watchedTicketsItem.update((s) => acknowledgeRole(s, key, message.role, by, now)));
      const entryAfter = store[key];
      const acknowledgement = entryAfter ? ownValue(entryAfter.acknowledged, message.role) : undefined;
      if (!acknowledgement) throw new Error(`ticket ${key} is no longer watched`);
      await recordAcknowledgementOf(deps, key, entry, {
        role: message.role,
        at: now,
        how: 'button',
        noteWritten: by === 'ticket',
        person: message.person,
        channel: message.channel ?? null,
      });
      afterChange();
      // Other tabs showing the ticket ask for its view again; the asking page does so itself.
      void tellTicketChanged(ports, entry.origin, message.ticket, sender.kind === 'content' ? sender.tabId : undefined);
      return { acknowledgement, ...(recordError !== undefined ? { recordError } : {}) };
    },

    async 'ticket:snooze'(message, sender) {
      const { key } = await watchedEntry(message.ticket, sender);
      const until = new Date(ports.now().getTime() + message.minutes * 60_000);
      await queue.run(() => watchedTicketsItem.update((s) => snoozeTicket(s, key, until)));
      afterChange();
      return { snoozedUntil: until.toISOString() };
    },

    async 'ticket:open'(message, sender) {
      const { entry } = await watchedEntry(message.ticket, sender);
      return openTicketTab(ports, entry.ticket.url, message.ticket);
    },

    async 'tickets:forget-view'() {
      // Lasting: the tickets views show later are not watched either, until the engineer turns it back on.
      await generalSettingsItem.update((general) => (general.watchViewTickets ? { ...general, watchViewTickets: false } : general));
      let forgotten: string[] = [];
      await queue.run(() =>
        watchedTicketsItem.update((store) => {
          const result = forgetViewTickets(store);
          forgotten = result.forgotten;
          // Their rows keep their badges from the history already read, without a request.
          for (const key of forgotten) keepForRows(key, store[key]);
          return result.store;
        }),
      );
      if (forgotten.length > 0) afterChange();
      return { forgotten: forgotten.length };
    },

    async 'ticket:forget'(message, sender) {
      const key = keyOfRef(await watchedTicketsItem.get(), message.ticket, sender);
      let forgotten = false;
      // Lasting: a view showing it again does not watch it again; opening it does (page-handlers.ts).
      await stoppedTicketsItem.update((stopped) => stopWatching(stopped, key, ports.now()));
      await queue.run(() =>
        watchedTicketsItem.update((store) => {
          const entry = entryAt(store, key);
          forgotten = entry !== undefined;
          if (entry) runtime.forgottenEntries.set(key, entry);
          keepForRows(key, entry);
          return forgetTicket(store, key);
        }),
      );
      afterChange();
      return { forgotten };
    },

    async 'tickets:watch-view'() {
      await generalSettingsItem.update((general) => (general.watchViewTickets ? general : { ...general, watchViewTickets: true }));
      return { watching: true as const };
    },

    async 'ticket:watch'(message, sender) {
      const key = keyOfRef(await watchedTicketsItem.get(), message.ticket, sender);
      await stoppedTicketsItem.update((stopped) => watchAgain(stopped, key));
      // Undone while the background still holds what it forgot: watched again at once, as it was.
      const entry = runtime.forgottenEntries.get(key);
      runtime.forgottenEntries.delete(key);
      if (!entry) return { restored: false };
      await queue.run(() => watchedTicketsItem.update((store) => (Object.hasOwn(store, key) ? store : { ...store, [key]: entry })));
      afterChange();
      return { restored: true };
    },

    async 'policy:get'() {
      const effective = await getEffectivePolicy(deps.policyParsing);
      return { policy: effective.policy, source: effective.source, problems: effective.problems };
    },

    async 'settings:changed'() {
      const result = await runtime.requestWake();
      return { nextWakeAt: result.nextWakeAt ? result.nextWakeAt.toISOString() : null };
    },

    async 'options:open'(message) {
      const tab = await ports.tabs.open(`${ports.extension.baseUrl}options.html#${message.section}`);
      return { tabId: tab.id };
    },

    async 'directory:get'() {
      return { directory: await directoryItem.get() };
    },

    async 'forecast:get'(message, sender) {
      return forecastAnswer(deps, message, sender);
    },
  };
}
