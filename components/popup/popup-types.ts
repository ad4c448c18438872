import type { Ticket } from '../../lib/engine/types';
import type { Person } from '../../lib/people/directory-schema';
import type { Policy } from '../../lib/policy/schema';
import type { QueueEntry, QueueItem } from '../../lib/queue';

/** What the popup shows; loaded and kept fresh by the popup entrypoint. */
export interface PopupData {
  entries: QueueEntry[];
  policy: Policy;
  /** Whether the engineer told the options page who they are; "mine" means nothing otherwise. */
  mineConfigured: boolean;
  /** Issue 8: write a note on the ticket when marking notified — never, ask, or always. */
  ackNoteMode: 'off' | 'ask' | 'always';
}

/** Side effects the popup asks for; the entrypoint implements them with browser APIs. */
export interface PopupActions {
  /** Resolves once stored; `noteError` says why the note on the ticket was not written (issue 8). */
  acknowledge(ticket: Ticket, role: string, options: { recordOnTicket: boolean; person: string | null }): Promise<{ noteError: string | null }>;
  copyText(text: string): Promise<void>;
  openTicket(ticket: Ticket): Promise<void>;
  openOptions(): Promise<void>;
  /** The people holding `role` for this ticket (its office, its organisation, who is on duty at `now`). */
  peopleFor(item: QueueItem, role: string, now: Date): Person[];
}
