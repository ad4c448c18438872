import type { Ticket } from '../engine/types';
import { ticketToJson } from '../engine/ticket-json';
import type { RawTicketRead } from '../helpdesks/contract';
import {
  readAcknowledgeAnswer,
  readIngestAnswer,
  readIngestManyAnswer,
  readOptionsOpenAnswer,
  readPageConfigAnswer,
  readTicketSeenAnswer,
  readViewAnswer,
  type AckNoteMode,
} from '../messages/page-view';
import type { MessageInput, TicketRef } from '../messages/protocol';
import { object } from '../messages/read';
import { receivedRow, receivedView, type ReceivedRow, type ReceivedView } from './reply-shapes';

/**
 * What a helpdesk page asks of the background — its brain. The page sends what it read and gets
 * back views it only renders. Messages go out unchecked (the background parses every message
 * with zod); answers are checked with the one reader of each (lib/messages/page-view.ts), so pages carry no zod.
 */

export type IngestOutcome = { kind: 'view'; shown: ReceivedView } | { kind: 'malformed'; error: string };

export interface PageConfig<Mapping> {
  /** This helpdesk's field mapping, validated by the background. */
  mapping: Mapping;
  ackNoteMode: AckNoteMode;
}

export interface PageBackground<Mapping> {
  config(): Promise<PageConfig<Mapping>>;
  /** REST bodies of one ticket → stored, evaluated, answered as a view; or why they do not parse. */
  ingest(read: RawTicketRead, fetchedAt: Date): Promise<IngestOutcome>;
  /** A list batch (≤ 100 reads) → one row view per ticket that parsed; `problems` name the others. */
  /** `missing`: ids asked for that the list read left out; answered as rows whose history is unavailable. */
  ingestMany(reads: RawTicketRead[], missing?: readonly string[]): Promise<{ rows: ReceivedRow[]; problems: string[] }>;
  /** What the page read from the DOM (the API failed) → stored, evaluated, answered as a view. */
  seen(ticket: Ticket, fetchedAt: Date): Promise<ReceivedView>;
  /** The view of a ticket already read, evaluated now; null when the background no longer has it. */
  view(ticket: TicketRef): Promise<ReceivedView | null>;
  acknowledge(input: { ticket: TicketRef; role: string; recordOnTicket: boolean }): Promise<{ recordError?: string }>;
  /** Opens the options page at a section (the page itself cannot). */
  openOptions(section: 'people'): Promise<void>;
}

export type Transport = (message: unknown) => Promise<unknown>;

export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

/** Sends one message and checks the ok/error envelope the background always answers with. */
export async function askBackground<T>(transport: Transport, message: MessageInput, read: (data: unknown, path: string) => T): Promise<T> {
  const reply = await transport(message);
  const envelope = object(reply, `${message.type} reply`);
  if (envelope.ok === false) throw new BackgroundError(typeof envelope.error === 'string' ? envelope.error : `${message.type} failed`);
  if (envelope.ok !== true) throw new BackgroundError(`${message.type}: the background gave no usable answer`);
  return read(envelope.data, message.type);
}

export function backgroundOverMessages<Mapping>(system: Ticket['system'], transport: Transport): PageBackground<Mapping> {
  return {
    config: () =>
      askBackground(transport, { type: 'page:config', system }, (data, path) => {
        const reply = readPageConfigAnswer(data, path);
        // Validated with the helpdesk's schema by the background; the page takes it as given.
        return { mapping: reply.mapping as Mapping, ackNoteMode: reply.ackNoteMode };
      }),
    ingest: (read, fetchedAt) =>
      askBackground(transport, { type: 'ticket:ingest', system, raw: read.raw, fetchedAt: fetchedAt.toISOString() }, (data, path): IngestOutcome => {
        const reply = readIngestAnswer(data, path);
        return reply.kind === 'malformed' ? reply : { kind: 'view', shown: receivedView(reply.view) };
      }),
    ingestMany: (reads, missing = []) =>
      askBackground(
        transport,
        { type: 'tickets:ingest-many', system, raws: reads.map((read) => read.raw), ...(missing.length > 0 ? { missing: [...missing] } : {}) },
        (data, path) => {
          const reply = readIngestManyAnswer(data, path);
          return { rows: reply.rows.map(receivedRow), problems: reply.problems.map(({ index, error }) => `${reads[index]?.id ?? index}: ${error}`) };
        },
      ),
    seen: (ticket, fetchedAt) =>
      askBackground(
        transport,
        { type: 'ticket:seen', ticket: ticketToJson(ticket), source: 'dom', fetchedAt: fetchedAt.toISOString() },
        (data, path) => {
          const { view } = readTicketSeenAnswer(data, path);
          if (!view) throw new BackgroundError(`${path}.view: the background answered no view`);
          return receivedView(view);
        },
      ),
    view: (ticket) =>
      askBackground(transport, { type: 'ticket:view', ticket }, (data, path) => {
        const { view } = readViewAnswer(data, path);
        return view === null ? null : receivedView(view);
      }),
    acknowledge: (input) =>
      askBackground(transport, { type: 'ticket:acknowledge', ...input }, (data, path) => {
        const { recordError } = readAcknowledgeAnswer(data, path);
        return recordError === undefined ? {} : { recordError };
      }),
    openOptions: async (section) => {
      await askBackground(transport, { type: 'options:open', section }, readOptionsOpenAnswer);
    },
  };
}
