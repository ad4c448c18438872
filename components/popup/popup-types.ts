import type { Ticket } from '../../lib/engine/types';
import type { Policy } from '../../lib/policy/schema';
import type { QueueItem } from '../../lib/queue';

/** What the popup shows, as the background built it; loaded and kept fresh by the popup entrypoint. */
export interface PopupData {
  /** Most urgent first, in the background's one order. */
  items: QueueItem[];
  policy: Policy;
  /** Whether the engineer told the options page who they are; "mine" means nothing otherwise. */
  mineConfigured: boolean;
  /** Issue 8: write a note on the ticket when marking notified — never, ask, or always. */
  ackNoteMode: 'off' | 'ask' | 'always';
  /** Whether the tickets views show are watched (off after "Stop watching view tickets", until turned on again). */
  watchViewTickets: boolean;
}

/** Side effects the popup asks for; the entrypoint implements them with browser APIs. */
export interface PopupActions {
  /** Resolves once stored; `noteError` says why the note on the ticket was not written (issue 8). */
  acknowledge(ticket: Ticket, role: string, options: { recordOnTicket: boolean; person: string | null }): Promise<{ noteError: string | null }>;
  copyText(text: string): Promise<void>;
  openTicket(ticket: Ticket): Promise<void>;
  /** The options page; `section` scrolls to it (e.g. 'people'). */
  openOptions(section?: string): Promise<void>;
  /** Stop watching this ticket. */
  forget(ticket: Ticket): Promise<void>;
  /** Stop watching every ticket watched only because a view showed it, and those views show later; resolves to how many were forgotten. */
  forgetViewTickets(): Promise<number>;
  /** Undo of forgetViewTickets: the tickets views show are watched again. */
  watchViewTickets(): Promise<void>;
  /** Undo of forget: the ticket is watched again. */
  watchAgain(ticket: Ticket): Promise<void>;
}
