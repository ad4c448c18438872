import type { HelpdeskSystem } from '../engine/types';
import type { HelpdeskSites } from './settings';

/**
 * Which helpdesk origins the extension watches, from the sites settings. An empty Zendesk or
 * Jira Cloud list means "every site the manifest matches" (https://*.zendesk.com,
 * https://*.atlassian.net); Data Center hosts are always listed explicitly.
 */
export function watchedSystemOf(origin: string, sites: HelpdeskSites): HelpdeskSystem | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  // A self-hosted Jira may listen on its own port (https://jira.example.com:8443): compared as a whole origin.
  if (sites.dataCenter.some((dc) => originOf(dc) === url.origin)) return 'jira';
  if (url.port !== '') return null;
  const host = url.hostname.toLowerCase();
  const zendesk = /^([a-z0-9][a-z0-9-]*)\.zendesk\.com$/.exec(host);
  if (zendesk) {
    const sub = zendesk[1] ?? '';
    return sites.zendesk.length === 0 || sites.zendesk.some((s) => s.toLowerCase() === sub) ? 'zendesk' : null;
  }
  if (/^[a-z0-9][a-z0-9-]*\.atlassian\.net$/.test(host)) {
    return sites.jira.length === 0 || sites.jira.some((s) => s.toLowerCase() === host) ? 'jira' : null;
  }
  return null;
}

function originOf(text: string): string | null {
  try {
    return new URL(text).origin;
  } catch {
    return null;
  }
}

export function isWatchedOrigin(origin: string, sites: HelpdeskSites): boolean {
  return watchedSystemOf(origin, sites) !== null;
}
