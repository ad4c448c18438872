import '@/lib/zod-jitless'; // before any schema is defined
import { browserPorts } from '@/lib/background/browser-ports';
import { createBackground } from '@/lib/background/create-background';
import { helpdeskFetchers } from '@/lib/background/helpdesk-fetchers';
import { historyFetchers } from '@/lib/background/history-fetchers';
import { evaluate } from '@/lib/engine/evaluate';
import { registerDataCenterScripts } from '@/lib/permissions/data-center-hosts';
import { defaultPolicy, parsePolicy } from '@/lib/policy';
import { setParsedItemCaching } from '@/lib/storage/parsed-item';
import { helpdeskSitesItem } from '@/lib/storage/settings';

/** Thin wiring: every decision is in lib/background, lib/alarms and lib/storage. */
export default defineBackground(() => {
  // The background writes the watched store: it keeps it parsed in memory (see parsed-item.ts).
  setParsedItemCaching(true);
  const background = createBackground({
    ports: browserPorts(),
    policyParsing: { parsePolicy, defaultPolicy },
    evaluate,
    fetchers: helpdeskFetchers,
    historyFetchers,
  });

  // Listeners are registered synchronously so a wake-up event is never missed.
  browser.runtime.onInstalled.addListener(() => void background.onInstalled());
  browser.runtime.onStartup.addListener(() => void background.start());
  browser.alarms.onAlarm.addListener((alarm) => void background.onAlarm(alarm));
  browser.runtime.onMessage.addListener((message, sender) => background.onMessage(message, sender));
  browser.notifications.onClicked.addListener((id) => void background.onNotificationClicked(id));
  if (!import.meta.env.FIREFOX) {
    chrome.notifications.onButtonClicked.addListener((id, index) => void background.onNotificationButtonClicked(id, index));
  }
  // A service worker restarted for any other event also re-arms from storage.
  void background.start();
  // Self-hosted Jira hosts granted at run time: Firefox does not keep the registration across restarts.
  void helpdeskSitesItem
    .get()
    .then((sites) => registerDataCenterScripts(sites.dataCenter))
    .catch((error: unknown) => console.warn('[Escalation Watch] could not register Data Center content scripts', error));
});
