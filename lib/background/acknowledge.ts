import { ownValue } from '../policy/reserved-names';
import type { Policy } from '../policy/schema';
import { recordAcknowledgementReplySchema } from '../messages/responses';
import type { TicketRef } from '../messages/protocol';
import { type WatchedTicket, watchedEntryKey } from '../storage/watched-ticket-schema';
import type { BackgroundPorts } from './ports';
import { findOriginTab } from './ticket-tab';

/**
 * Writing the "notified" note on the ticket (issue 8) through a tab of the helpdesk: only a page
 * there holds the engineer's session and CSRF token. Returns why it failed, or null on success.
 */

/** The level whose start makes the role due (the note says "level 2" for the Sales Rep). */
export function levelOfRole(policy: Policy, role: string, fallback: number): number {
  const index = policy.levels.findIndex((level) => level.notify.includes(role) || (level.onRequest ?? []).includes(role));
  return index >= 0 ? index + 1 : Math.max(1, fallback);
}

export type RecordInput = Parameters<typeof writeNote>[1];

/** Whether the role's note is already on the ticket (read back from it, or written by this browser). */
export function noteAlreadyOnTicket(entry: WatchedTicket, role: string): boolean {
  if (ownValue(entry.acknowledged, role)?.by === 'ticket') return true;
  return entry.ticket.history.some((event) => event.kind === 'notified' && event.role === role);
}

/** Notes being written, per ticket and role, in this realm: a second request waits for the first. */
const inFlight = new Map<string, Promise<string | null>>();

/**
 * Writes the role's note unless it is already on the ticket or being written: repeated "Mark
 * notified" clicks (popup, page, notification, two at once) give one note. Null when the note is
 * (now) on the ticket, else why not.
 */
export function recordOnTicket(ports: BackgroundPorts, input: RecordInput): Promise<string | null> {
  if (noteAlreadyOnTicket(input.entry, input.role)) return Promise.resolve(null);
  const key = `${watchedEntryKey(input.entry)}|${input.role}`;
  const pending = inFlight.get(key);
  if (pending) return pending;
  const writing = writeNote(ports, input).finally(() => inFlight.delete(key));
  inFlight.set(key, writing);
  return writing;
}

async function writeNote(
  ports: BackgroundPorts,
  input: {
    ticket: TicketRef;
    entry: WatchedTicket;
    role: string;
    policy: Policy;
    currentLevel: number;
    at: Date;
    person?: string;
    channel?: string;
    preferTabId?: number;
  },
): Promise<string | null> {
  const tab = await findOriginTab(ports, input.entry.origin, input.preferTabId);
  if (!tab) return `no open ${input.entry.origin} tab to write the note from; acknowledged here only`;
  try {
    const reply = await ports.tabs.send(tab.id, {
      type: 'content:record-acknowledgement',
      ticket: input.ticket,
      role: input.role,
      roleName: ownValue(input.policy.roles, input.role)?.name ?? input.role,
      level: levelOfRole(input.policy, input.role, input.currentLevel),
      at: input.at.toISOString(),
      ...(input.person ? { person: input.person } : {}),
      ...(input.channel ? { channel: input.channel } : {}),
    });
    const parsed = recordAcknowledgementReplySchema.safeParse(reply);
    if (!parsed.success) return 'the helpdesk tab gave no usable answer; acknowledged here only';
    return parsed.data.ok ? null : parsed.data.error;
  } catch (error) {
    return `the helpdesk tab could not be reached (${error instanceof Error ? error.message : String(error)}); acknowledged here only`;
  }
}
