import type { Translate } from '../view-model/notification-text';
import type { ContentMessage } from '../messages/protocol';

/**
 * The background's side effects, behind small interfaces so its logic runs against WXT's fake
 * browser or plain stubs in tests. browser-ports.ts implements them for Chrome and Firefox.
 */

export interface ShownNotification {
  title: string;
  message: string;
  contextMessage?: string;
  requireInteraction: boolean;
  silent: boolean;
  /** Button titles; dropped where the browser has no buttons (Firefox). */
  buttons: string[];
}

export interface TabInfo {
  id: number;
  windowId: number;
  /** Only filled for tabs on hosts the extension may access (no "tabs" permission needed). */
  url?: string;
}

export interface BackgroundPorts {
  now(): Date;
  /** The engineer's IANA time zone. */
  timeZone(): string;
  t: Translate;
  /** The UI language (BCP 47), for dates in messages. */
  locale(): string;
  /** Short local time of day for notification text. */
  formatTime(instant: Date): string;
  extension: { id: string; baseUrl: string };
  alarms: {
    set(name: string, when: Date): Promise<void>;
    clear(name: string): Promise<void>;
  };
  notifications: {
    supportsButtons: boolean;
    show(id: string, notification: ShownNotification): Promise<void>;
    clear(id: string): Promise<void>;
    /** Ids of this extension's notifications still on screen (or in the notification centre). */
    onScreen(): Promise<string[]>;
  };
  badge: { set(text: string, color: string | null, title: string): Promise<void> };
  tabs: {
    list(): Promise<TabInfo[]>;
    focus(tab: TabInfo): Promise<void>;
    open(url: string): Promise<TabInfo>;
    send(tabId: number, message: ContentMessage): Promise<unknown>;
  };
  fetch: typeof fetch;
  log(text: string, error?: unknown): void;
}
