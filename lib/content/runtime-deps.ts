import type { AckNoteSetting } from '../../components/ticket/ticket-view';
import type { SharedClock } from '../countdown/clock';
import type { Evaluation, Ticket } from '../engine/types';
import type { Helpdesk } from '../helpdesks/contract';
import type { MessageInput, TicketRef } from '../messages/protocol';
import type { Policy } from '../policy/schema';

/**
 * Everything the content-script runtime needs from the outside world, injected so the runtime
 * can be driven in tests with a fake helpdesk, a fake fetch and spy observers.
 */
export interface ContentRuntimeDeps<Mapping = unknown> {
  helpdesk: Pick<Helpdesk<Mapping>, 'system' | 'parsePage' | 'fetchTicket' | 'fetchMany' | 'readTicketFromPage' | 'readListRows' | 'findBadgeAnchor'>;
  doc: Document;
  win: Window;
  /** Aborted when the content script is invalidated (ctx.signal). */
  signal: AbortSignal;
  /** Calls back on every SPA route change (ctx.addEventListener(window, 'wxt:locationchange')). */
  onLocationChange: (listener: (url: URL) => void) => void;
  fetch: typeof fetch;
  send: (message: MessageInput) => Promise<unknown>;
  loadPolicy: () => Promise<Policy>;
  loadMapping: () => Promise<Mapping>;
  loadAckNoteSetting: () => Promise<AckNoteSetting>;
  evaluate: (ticket: Ticket, policy: Policy, now: Date, acknowledged: readonly string[]) => Evaluation;
  composeMessage: (input: {
    ticket: Ticket;
    evaluation: Evaluation;
    policy: Policy;
    roleId: string;
    now: Date;
  }) => { subject: string; body: string; mailto: string };
  /**
   * 'ticket:acknowledge' to the background. With recordOnTicket the background has a helpdesk tab
   * write the note ('content:record-acknowledgement') and answers recordError when that failed.
   */
  acknowledge: (input: { ticket: TicketRef; role: string; recordOnTicket: boolean }) => Promise<{ recordError?: string }>;
  /** Whether this helpdesk can write acknowledgement notes; if not the panel offers none. */
  canWriteNotes: boolean;
  copyText: (text: string) => Promise<boolean>;
  now: () => Date;
  clock: SharedClock;
  MutationObserver: typeof MutationObserver;
  IntersectionObserver: typeof IntersectionObserver;
  /** Runs work when the main thread is idle (requestIdleCallback, or rAF where missing). */
  requestIdle: (callback: () => void) => () => void;
  /** Errors are caught per feature and reported here; the runtime logs each kind once. */
  log: (feature: string, error: unknown) => void;
}

/** A log that reports each (feature, message) pair once, so a broken page does not flood the console. */
export function onceLogger(write: (text: string, error: unknown) => void): (feature: string, error: unknown) => void {
  const seen = new Set<string>();
  return (feature, error) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const key = `${feature}|${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    write(`[Escalation Watch] ${feature}: ${message}`, error);
  };
}
