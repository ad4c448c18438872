import type { Severity, Status } from '../../engine/types';
import type { ZendeskMapping } from './mapping';

/**
 * The field mapping's rules, apart from its zod schema (mapping.ts): the page reader in the
 * content script applies them to what the page shows without bundling zod.
 */

export const ZENDESK_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export type ZendeskStatus = (typeof ZENDESK_STATUSES)[number];

export function statusFromZendesk(value: ZendeskStatus, mapping: ZendeskMapping): Status {
  return mapping.status[value];
}

/** The most severe mapped tag, or null when none is present. */
export function severityFromTags(tags: readonly string[], values: Readonly<Record<string, Severity>>): Severity | null {
  let best: Severity | null = null;
  for (const tag of tags) {
    const mapped = values[tag];
    if (mapped !== undefined && (best === null || mapped < best)) best = mapped;
  }
  return best;
}

/** The office id from the first tag with the prefix (office_shanghai → shanghai), or null. */
export function officeFromTags(tags: readonly string[], prefix: string): string | null {
  const tag = tags.find((candidate) => candidate.startsWith(prefix) && candidate.length > prefix.length);
  return tag === undefined ? null : tag.slice(prefix.length);
}
