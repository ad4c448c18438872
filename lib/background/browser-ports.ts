import { browser } from 'wxt/browser';
import { browserTimeZone, formatInstantNear } from '../i18n/format-instant';
import { t, uiLanguage } from '../i18n/t';
import type { ContentMessage } from '../messages/protocol';
import type { BackgroundPorts, ShownNotification, TabInfo } from './ports';

/**
 * BackgroundPorts over the real browser. Chrome gets notification buttons, requireInteraction
 * and silent through `chrome.notifications`; Firefox's notifications have none of these, so
 * there it gets the plain options only (its schema rejects what it does not know).
 */

const ICON_PATH = '/icon/128.png';

/** Notification times, through the UI's one date formatter, on the engineer's clock and in the UI language. */
function formatTime(instant: Date): string {
  return formatInstantNear(instant, new Date(), browserTimeZone(), uiLanguage());
}

async function showChrome(id: string, n: ShownNotification): Promise<void> {
  await chrome.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL(ICON_PATH),
    title: n.title,
    message: n.message,
    ...(n.contextMessage ? { contextMessage: n.contextMessage } : {}),
    requireInteraction: n.requireInteraction,
    silent: n.silent,
    priority: n.requireInteraction ? 2 : 0,
    ...(n.buttons.length > 0 ? { buttons: n.buttons.map((title) => ({ title })) } : {}),
  });
}

async function showFirefox(id: string, n: ShownNotification): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL(ICON_PATH),
    title: n.title,
    message: n.contextMessage ? `${n.message}\n${n.contextMessage}` : n.message,
  });
}

function toTabInfo(tab: { id?: number; windowId?: number; url?: string }): TabInfo | null {
  if (tab.id === undefined || tab.windowId === undefined) return null;
  return { id: tab.id, windowId: tab.windowId, ...(tab.url ? { url: tab.url } : {}) };
}

export function browserPorts(): BackgroundPorts {
  const firefox = import.meta.env.FIREFOX;
  const action = browser.action ?? browser.browserAction;
  return {
    now: () => new Date(),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    t: (key, substitutions) => t(key, substitutions),
    locale: () => uiLanguage(),
    formatTime,
    extension: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
    alarms: {
      async set(name, when) {
        await browser.alarms.create(name, { when: when.getTime() });
      },
      async clear(name) {
        await browser.alarms.clear(name);
      },
    },
    notifications: {
      supportsButtons: !firefox,
      show: (id, notification) => (firefox ? showFirefox(id, notification) : showChrome(id, notification)),
      async clear(id) {
        await browser.notifications.clear(id);
      },
      async onScreen() {
        return Object.keys(await browser.notifications.getAll());
      },
    },
    badge: {
      async set(text, color, title) {
        await action.setBadgeText({ text });
        if (color) await action.setBadgeBackgroundColor({ color });
        await action.setTitle({ title });
      },
    },
    tabs: {
      async list() {
        return (await browser.tabs.query({})).flatMap((tab) => toTabInfo(tab) ?? []);
      },
      async focus(tab) {
        await browser.tabs.update(tab.id, { active: true });
        await browser.windows.update(tab.windowId, { focused: true });
      },
      async open(url) {
        const tab = toTabInfo(await browser.tabs.create({ url }));
        if (!tab) throw new Error(`could not open ${url}`);
        return tab;
      },
      send: (tabId, message: ContentMessage) => browser.tabs.sendMessage(tabId, message),
    },
    fetch: (input, init) => fetch(input, { credentials: 'include', ...init }),
    log: (text, error) => console.warn(`[Escalation Watch] ${text}`, ...(error === undefined ? [] : [error])),
  };
}
