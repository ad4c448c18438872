import type { HelpdeskSystem, Ticket } from '../engine/types';

/**
 * The one contract every helpdesk folder implements (zendesk/, jira/, later freshdesk/...), in two
 * halves. The page half runs in the content script — the eyes: which page this is, the ticket's
 * REST bodies read with the agent's session, what the DOM shows. It carries no zod and no engine,
 * so content scripts stay small. The background half — the brain — parses those bodies with the
 * helpdesk's zod schemas and maps them with the stored field mapping. `Helpdesk` joins both for
 * the background's own refresh: the same reads, then the same parsing, one code path.
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

/**
 * A side read (native SLA, author look-up) that failed for a reason other than the agent's
 * session: said as a gap in the explanation, never a failed ticket. Signed out fails the ticket.
 */
export function isSideReadFailure(error: unknown): error is HelpdeskError {
  return error instanceof HelpdeskError && error.kind !== 'unauthorized';
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

/**
 * A ticket as a page read it over REST: the helpdesk's JSON with every page merged, unparsed. It
 * crosses to the background, which parses and maps it.
 */
export interface RawTicketRead {
  /** The ticket id as the helpdesk names it ('35436', 'OPS-42'). */
  id: string;
  /** Read structurally (Zendesk updated_at, Jira fields.updated), so an unchanged ticket is not sent again; null when absent. */
  version: string | null;
  /** E.g. Zendesk `{ ticket, audits, users }`, Jira `{ issue, sla }`: JSON only, as it must cross a message. */
  raw: Record<string, unknown>;
}

/** The page half: no zod, no engine. */
export interface HelpdeskInPage<Mapping = unknown> {
  system: HelpdeskSystem;
  /** Which page is this? Pure. */
  parsePage(url: URL): HelpdeskPage;
  /** Where this site's REST API lives, read from the page: the origin, or origin plus a Data Center context path. */
  restBase(doc: Document, url: URL): string;
  /** Ticket with full history, every page read. Throws HelpdeskError (HTTP failures, pages that cannot be followed). */
  fetchRawTicket(id: string, io: HelpdeskIo, mapping: Mapping): Promise<RawTicketRead>;
  /** Many tickets for list views, batched under the hood; tickets the agent cannot see are left out. */
  fetchRawTickets(ids: string[], io: HelpdeskIo, mapping: Mapping): Promise<RawTicketRead[]>;
  /**
   * For the page read, when the full read failed: the ticket's own fields in one light request
   * without history (JSON only), so that its creation time, status and severity come from the
   * API, never from words in the page's language (issue 13). Throws HelpdeskError.
   */
  fetchRawFields?(id: string, io: HelpdeskIo, mapping: Mapping): Promise<unknown>;
  /**
   * Fallback: what the page shows, without history; `fields` (fetchRawFields' answer) wins over
   * the page wherever it has a value. Throws HelpdeskError('malformed') when the page changed shape.
   */
  readTicketFromPage(doc: Document, url: URL, mapping: Mapping, fields?: unknown): Ticket;
  /** Ticket ids of the rows of a list page, with the row element to decorate. */
  readListRows(doc: Document | Element): Array<{ id: string; row: Element }>;
  /** The element next to which the ticket badge is mounted, or null when not (yet) rendered. */
  findBadgeAnchor(doc: Document): Element | null;
}

/** The background half: parses and maps what a page read. */
export interface HelpdeskInBackground<Mapping = unknown> {
  system: HelpdeskSystem;
  /** The stored field mapping (null → the default). Throws naming the wrong path. */
  mappingFrom(stored: unknown): Mapping;
  /**
   * One raw read (RawTicketRead.raw) → ticket, version and native SLA targets. Throws
   * HelpdeskError('malformed') naming the field, its path under `where` when given (e.g. 'tickets[3]').
   */
  fetchedFromRaw(raw: unknown, mapping: Mapping, now: Date, where?: string): FetchedTicket;
}

/** Both halves: the background's refresh and tests read and parse in one go. */
export interface Helpdesk<Mapping = unknown> extends HelpdeskInPage<Mapping>, HelpdeskInBackground<Mapping> {
  /** fetchRawTicket, then fetchedFromRaw. */
  fetchTicket(id: string, io: HelpdeskIo, mapping: Mapping): Promise<FetchedTicket>;
  /** fetchRawTickets, then fetchedFromRaw for each. */
  fetchMany(ids: string[], io: HelpdeskIo, mapping: Mapping): Promise<FetchedTicket[]>;
}
