import { fakeBrowser } from 'wxt/testing';
import type { BackgroundDeps, BackgroundPorts, ShownNotification, TabInfo } from '../../lib/background';
import type { ContentMessage } from '../../lib/messages';
import { evaluate } from '../../lib/engine/evaluate';
import { defaultPolicy, parsePolicy } from '../../lib/policy';
import { tCatalog } from '../alarms/alarm-fixtures';

/**
 * BackgroundPorts over WXT's fake browser (alarms, notifications, tabs), with a settable clock
 * and a record of everything shown, for tests that drive the background like the browser does.
 */
export interface FakeWorld {
  clock: { now: Date };
  shown: Array<{ id: string; at: string } & ShownNotification>;
  badge: { text: string; color: string | null; title: string };
  sentToTabs: Array<{ tabId: number; message: ContentMessage }>;
  tabReply: (message: ContentMessage) => unknown;
  logs: string[];
  ports: BackgroundPorts;
}

export function fakeWorld(start: string): FakeWorld {
  const world: FakeWorld = {
    clock: { now: new Date(start) },
    shown: [],
    badge: { text: '', color: null, title: '' },
    sentToTabs: [],
    tabReply: () => ({ ok: true }),
    logs: [],
    ports: undefined as unknown as BackgroundPorts,
  };
  world.ports = {
    now: () => new Date(world.clock.now),
    timeZone: () => 'UTC',
    t: tCatalog,
    locale: () => 'en',
    formatTime: (d) => d.toISOString().slice(11, 16),
    extension: { id: fakeBrowser.runtime.id, baseUrl: fakeBrowser.runtime.getURL('/') },
    alarms: {
      async set(name, when) {
        await fakeBrowser.alarms.create(name, { when: when.getTime() });
      },
      async clear(name) {
        await fakeBrowser.alarms.clear(name);
      },
    },
    notifications: {
      supportsButtons: true,
      async show(id, notification) {
        await fakeBrowser.notifications.create(id, { type: 'basic', title: notification.title, message: notification.message });
        world.shown.push({ id, at: world.clock.now.toISOString(), ...notification });
      },
      async clear(id) {
        await fakeBrowser.notifications.clear(id);
      },
      async onScreen() {
        return Object.keys(await fakeBrowser.notifications.getAll());
      },
    },
    badge: {
      async set(text, color, title) {
        world.badge = { text, color, title };
      },
    },
    tabs: {
      async list() {
        return (await fakeBrowser.tabs.query({})).flatMap((tab): TabInfo[] =>
          tab.id === undefined ? [] : [{ id: tab.id, windowId: tab.windowId ?? 0, ...(tab.url ? { url: tab.url } : {}) }],
        );
      },
      async focus(tab) {
        await fakeBrowser.tabs.update(tab.id, { active: true });
      },
      async open(url) {
        const tab = await fakeBrowser.tabs.create({ url });
        return { id: tab.id ?? -1, windowId: tab.windowId ?? 0, url };
      },
      async send(tabId, message) {
        world.sentToTabs.push({ tabId, message });
        return world.tabReply(message);
      },
    },
    fetch: () => Promise.reject(new Error('no network in tests')),
    log: (text) => {
      world.logs.push(text);
    },
  };
  return world;
}

export function backgroundDeps(world: FakeWorld, overrides: Partial<BackgroundDeps> = {}): BackgroundDeps {
  return { ports: world.ports, policyParsing: { parsePolicy, defaultPolicy }, evaluate, fetchers: {}, ...overrides };
}

export const contentSender = (url = 'https://acme.zendesk.com/agent/tickets/35436', tabId = 1) => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: tabId },
});

export const popupSender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
