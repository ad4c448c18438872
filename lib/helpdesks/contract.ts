import type { HelpdeskSystem, Ticket } from '../engine/types';

/**
 * The one contract every helpdesk folder implements (zendesk/, jira/, later freshdesk/...).
 * The content-script runtime only talks to helpdesks through this interface.
 */

/** What kind of page the agent is looking at. */
export type HelpdeskPage =
  | { kind: 'ticket'; ticketId: string }
  | { kind: 'list'; ticketId?: string } // a view / search / queue / board, maybe with an open ticket
  | { kind: 'other' };

/** Why a ticket could not be fetched; decides the badge shown and whether to retry. */
export type HelpdeskErrorKind =
  | 'unauthorized' // 401: the agent must sign in
  | 'forbidden' // 403
  | 'notFound' // 404: show nothing
  | 'rateLimited' // 429 (retryAfterMs set)
  | 'server' // 5xx
  | 'timeout'
  | 'network'
  | 'malformed'; // a body we could not map (the message names the field)

export class HelpdeskError extends Error {
  override name = 'HelpdeskError';
  constructor(
    readonly kind: HelpdeskErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** A target the helpdesk itself computes (Zendesk SLA policy metric, JSM SLA), for drift checks. */
export interface NativeSlaTarget {
  name: string; // 'first_reply_time', 'Time to first response'
  breachAt: Date | null;
  paused: boolean;
  breached: boolean;
}

export interface FetchedTicket {
  ticket: Ticket;
  /** Changes whenever the ticket changes (Zendesk updated_at, Jira fields.updated): cache key. */
  version: string;
  nativeSla: NativeSlaTarget[];
}

/** Injected side effects, so the helpdesk code stays testable. */
export interface HelpdeskIo {
  fetch: typeof fetch;
  /** The page's origin, e.g. https://acme.zendesk.com */
  origin: string;
  signal?: AbortSignal;
  /** Waits between retries (429 Retry-After, backoff); tests inject one that does not wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The current instant, for HTTP-date Retry-After headers. */
  now?: () => Date;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

export interface Helpdesk<Mapping = unknown> {
  system: HelpdeskSystem;
  /** Which page is this? Pure. */
  parsePage(url: URL): HelpdeskPage;
  /** Ticket with full history from the REST API. Throws HelpdeskError. */
  fetchTicket(id: string, io: HelpdeskIo, mapping: Mapping): Promise<FetchedTicket>;
  /** Many tickets for list views (batched under the hood), without history where the API has none. */
  fetchMany(ids: string[], io: HelpdeskIo, mapping: Mapping): Promise<FetchedTicket[]>;
  /** Fallback: what the page shows, without history. Throws HelpdeskError('malformed') when the page changed shape. */
  readTicketFromPage(doc: Document, url: URL, mapping: Mapping): Ticket;
  /** Ticket ids of the rows of a list page, with the row element to decorate. */
  readListRows(doc: Document | Element): Array<{ id: string; row: Element }>;
  /** The element next to which the ticket badge is mounted, or null when not (yet) rendered. */
  findBadgeAnchor(doc: Document): Element | null;
}
