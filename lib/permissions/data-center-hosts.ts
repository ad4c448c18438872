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

/**
 * One registered script per origin, with an id no other origin can have: every character but a
 * letter or digit is written as `_` and its code (`.` → `_2e`, `-` → `_2d`, `_` → `_5f`), so
 * jira.a-b.com and jira.a.b.com (or a port) never share an id — and removing one host never
 * unregisters another's script.
 */
export const dataCenterScriptId = (origin: string): string =>
  `ew-jira-dc-${origin.replace(/[^a-zA-Z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
const scriptId = dataCenterScriptId;
const matchesFor = (origin: string): string[] => [`${origin}/*`];

/** The id 0.x builds used (every other character `_`): jira.a-b.com and jira.a.b.com shared it. */
const legacyScriptId = (origin: string): string => `ew-jira-dc-${origin.replace(/[^a-zA-Z0-9]/g, '_')}`;

/** Whether a registered script is exactly this origin's (its own match pattern, nothing else). */
const isScriptOf = (script: { matches?: string[] }, origin: string): boolean =>
  script.matches?.length === 1 && script.matches[0] === matchesFor(origin)[0];

export async function registerDataCenterScripts(origins: readonly string[]): Promise<void> {
  // Older Firefox builds without scripting in MV2: the host permission alone is kept; nothing to register.
  if (typeof browser.scripting?.registerContentScripts !== 'function') return;
  const scripts = await browser.scripting.getRegisteredContentScripts();
  // A script an older build registered for one of these origins goes (the new id replaces it).
  const legacy = scripts.filter((script) => origins.some((origin) => script.id === legacyScriptId(origin) && isScriptOf(script, origin)));
  if (legacy.length > 0) await browser.scripting.unregisterContentScripts({ ids: legacy.map((script) => script.id) });
  const registered = new Set(scripts.map((script) => script.id));
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
    // Only this origin's own script: its id, or an older build's id when it matches this origin alone.
    const ids = [scriptId(origin), legacyScriptId(origin)];
    const registered = await browser.scripting.getRegisteredContentScripts({ ids });
    const own = registered.filter((script) => script.id === scriptId(origin) || isScriptOf(script, origin));
    if (own.length > 0) await browser.scripting.unregisterContentScripts({ ids: own.map((script) => script.id) });
    await browser.permissions.remove({ origins: matchesFor(origin) });
  },
};
