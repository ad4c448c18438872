import { handleMessage } from '../messages/router';
import type { SenderInfo } from '../messages/sender';
import type { Envelope } from '../messages/responses';
import { helpdeskSitesItem } from '../storage/settings';
import { isWatchedOrigin } from '../storage/watched-origins';
import { type BackgroundDeps, WAKE_ALARM } from './deps';
import { createHistoryReads } from './history-reads';
import { tellTicketsChanged } from './ticket-changed';
import { createMessageHandlers, type HandlerRuntime } from './message-handlers';
import { storeHistoryReads } from './page-handlers';
import { onNotificationButtonClicked, onNotificationClicked } from './notification-actions';
import { refreshWatchedTickets } from './refresh';
import { createSerialQueue } from './serial-queue';
import { runWake, type WakeResult } from './wake';
import { createWakeAfterReads } from './wake-after-reads';
import { UnwatchedRows } from './view-watching';
import { HANDOFF_ALARM, runHandoffNotice } from './handoff-notice';
import { createWakePlanKeeper } from './wake-plan-keeper';

/**
 * The background as one object built from its dependencies. It keeps nothing in memory that
 * matters: every event reads storage, so a service-worker restart (a new instance) loses
 * nothing, and "shown" keys are recorded before showing, so it duplicates nothing.
 */
export interface Background {
  /** Browser start-up, service-worker start: re-create the alarm. */
  start(): Promise<WakeResult>;
  /** Installed or updated: a new build may compute other instants, so its first wake evaluates every ticket. */
  onInstalled(): Promise<WakeResult>;
  onAlarm(alarm: { name: string }): Promise<WakeResult | null>;
  onMessage(raw: unknown, sender: SenderInfo): Promise<Envelope<unknown>>;
  onNotificationClicked(notificationId: string): Promise<void>;
  onNotificationButtonClicked(notificationId: string, buttonIndex: number): Promise<void>;
  /** Resolves once no list row's history read is queued, running or being stored, and the wake after them ran (tests, the scale script). */
  historyIdle(): Promise<void>;
}

const defaultTimer = (callback: () => void, ms: number) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

/**
 * One queue per JavaScript realm, shared by every background instance in it: a second instance
 * (the entrypoint run again, a test's "restarted" worker) must not wake in parallel with the first.
 */
const realmQueue = createSerialQueue();

/** Resolves once every wake and write queued so far has finished (tests; orderly shutdown). */
export function backgroundIdle(): Promise<void> {
  return realmQueue.run(async () => undefined);
}

export function createBackground(deps: BackgroundDeps): Background {
  const queue = realmQueue;
  // Which tickets a wake must evaluate: in memory while this background lives, in storage across workers.
  const plan = createWakePlanKeeper();
  const requestWake = () =>
    queue.coalesce('wake', async () => {
      const result = await runWake(deps, plan);
      // The handoff notice follows the settings and the policy, which every wake re-reads too.
      await runHandoffNotice(deps).catch((error: unknown) => deps.ports.log('handoff notice failed', error));
      return result;
    });
  const nowMs = () => deps.ports.now().getTime();
  const setTimer = deps.setTimer ?? defaultTimer;
  const runtime: HandlerRuntime = {
    deps,
    queue,
    requestWake,
    unwatchedRows: new UnwatchedRows(),
    forgottenEntries: new Map(),
    wakeAfterReads: createWakeAfterReads({ wake: requestWake, nowMs, setTimer, log: (text, error) => deps.ports.log(text, error) }),
    historyReads: createHistoryReads({
      fetchers: deps.historyFetchers ?? {},
      fetch: (input, init) => deps.ports.fetch(input, init),
      nowMs,
      setTimer,
      ...(deps.limits?.history ? { budget: deps.limits.history } : {}),
      onRead: (reads) => storeHistoryReads(runtime, reads),
      // Its rows stop "checking" at once: they ask again and are answered why the history is unavailable.
      onUnavailable: (job) => tellTicketsChanged(deps.ports, job.origin, [{ system: job.system, id: job.id }]),
      log: (text) => deps.ports.log(text),
    }),
  };
  const handlers = createMessageHandlers(runtime);
  const log = (text: string) => (error: unknown) => {
    deps.ports.log(text, error);
  };

  return {
    start: requestWake,
    async onInstalled() {
      await queue.run(() => plan.forget(deps));
      return requestWake();
    },
    async onAlarm(alarm) {
      if (alarm.name === HANDOFF_ALARM) {
        await queue.run(() => runHandoffNotice(deps)).catch(log('handoff notice failed'));
        return null;
      }
      if (alarm.name !== WAKE_ALARM) return null;
      // Network first, outside the queue: messages stay answered while the helpdesk is slow.
      await refreshWatchedTickets(deps, plan).catch(log('background refresh failed'));
      return requestWake();
    },
    onMessage(raw, sender) {
      return handleMessage(raw, sender, {
        senderPolicy: async () => {
          const sites = await helpdeskSitesItem.get();
          return {
            extensionId: deps.ports.extension.id,
            extensionBaseUrl: deps.ports.extension.baseUrl,
            isWatchedOrigin: (origin: string) => isWatchedOrigin(origin, sites),
          };
        },
        handlers,
        log: (text) => deps.ports.log(text),
      });
    },
    onNotificationClicked: (id) => onNotificationClicked(runtime, id).catch(log('notification click failed')),
    historyIdle: async () => {
      await runtime.historyReads.idle();
      await runtime.wakeAfterReads.flush();
    },
    onNotificationButtonClicked: (id, index) =>
      onNotificationButtonClicked(runtime, id, index).catch(log('notification button failed')),
  };
}
