import { browser } from 'wxt/browser';

/**
 * Self-hosted Jira (Data Center / Server): the manifest only covers *.atlassian.net, so the
 * host permission is asked for at run time (optional_host_permissions) and the Jira content
 * script is registered for that origin. Chrome keeps the registration across sessions; the
 * background calls `registerDataCenterScripts` at start-up so Firefox gets it back too.
 */

export type DataCenterAccess = 'granted' | 'denied';

/** What the options page may do about self-hosted Jira hosts. */
export interface DataCenterHosts {
  /** Asks for the host permission (must run in the click's user gesture) and registers the Jira script. */
  add(origin: string): Promise<DataCenterAccess>;
  remove(origin: string): Promise<void>;
}

/** The Jira content script as WXT builds it (entrypoints/jira.content.ts). */
export const JIRA_CONTENT_SCRIPT = 'content-scripts/jira.js';

const scriptId = (origin: string): string => `ew-jira-dc-${origin.replace(/[^a-zA-Z0-9]/g, '_')}`;
const matchesFor = (origin: string): string[] => [`${origin}/*`];

export async function registerDataCenterScripts(origins: readonly string[]): Promise<void> {
  // Older Firefox builds without scripting in MV2: the host permission alone is kept; nothing to register.
  if (typeof browser.scripting?.registerContentScripts !== 'function') return;
  const registered = new Set((await browser.scripting.getRegisteredContentScripts()).map((script) => script.id));
  const missing = [];
  for (const origin of origins) {
    if (registered.has(scriptId(origin))) continue;
    if (!(await browser.permissions.contains({ origins: matchesFor(origin) }))) continue;
    missing.push({ id: scriptId(origin), matches: matchesFor(origin), js: [JIRA_CONTENT_SCRIPT], runAt: 'document_idle' as const });
  }
  if (missing.length > 0) await browser.scripting.registerContentScripts(missing);
}

export const dataCenterHosts: DataCenterHosts = {
  async add(origin) {
    // Must be the first await: permissions.request needs the click's user gesture.
    const granted = await browser.permissions.request({ origins: matchesFor(origin) });
    if (!granted) return 'denied';
    await registerDataCenterScripts([origin]);
    return 'granted';
  },
  async remove(origin) {
    const id = scriptId(origin);
    const registered = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
    await browser.permissions.remove({ origins: matchesFor(origin) });
  },
};
