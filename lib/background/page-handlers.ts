import { ticketFromJson, ticketToJson } from '../engine/ticket-schema';
import type { HelpdeskSystem, Ticket } from '../engine/types';
import { HelpdeskError, type FetchedTicket, type HelpdeskInBackground, type NativeSlaTarget } from '../helpdesks/contract';
import { jira } from '../helpdesks/jira';
import { zendesk } from '../helpdesks/zendesk';
import type { PageRowProblem, PageRowView, PageTicketView } from '../messages/page-view';
import type { Directory } from '../people/directory-schema';
import type { MessageHandlers } from '../messages/router';
import type { SenderKind } from '../messages/sender';
import type { Policy } from '../policy/schema';
import { directoryItem } from '../storage/directory-item';
import { getEffectivePolicy } from '../storage/policy-source';
import { fieldMappingsItem, generalSettingsItem, type FieldMappings, type GeneralSettings } from '../storage/settings';
import { recordSeenTicket, type SeenTicket } from '../storage/watched-store';
import { watchedTicketKey, type WatchedTicket } from '../storage/watched-ticket-schema';
import { watchedTicketsItem } from '../storage/watched-tickets';
import { pageRowView, pageTicketView } from '../view-model/ticket-view';
import { acknowledgedRoles } from './evaluate-store';
import type { HandlerRuntime } from './message-handlers';
import { uiViewWords } from './view-words';

/**
 * The background as the helpdesk pages' brain. Pages send what they read (REST bodies, or what
 * the DOM shows); the background parses it with the helpdesk's schemas and the stored field
 * mapping, stores the ticket, evaluates it with the effective policy and answers a view the page
 * only has to render. List rows are evaluated but not stored: a history-less list read must not
 * replace a ticket read with its history.
 */

type PageMessageType = 'ticket:seen' | 'ticket:ingest' | 'tickets:ingest-many' | 'ticket:view' | 'page:config';

/** A helpdesk's background half with the stored mapping applied: parse, or hand the mapping to a page. */
interface BodyReader {
  mapping: Record<string, unknown>;
  parse(raw: unknown, now: Date, where?: string): FetchedTicket;
}

function bodyReader<Mapping extends Record<string, unknown>>(helpdesk: HelpdeskInBackground<Mapping>) {
  return (stored: unknown): BodyReader => {
    // A stored mapping that no longer parses fails the request with its own error, visible in the page's log.
    const mapping = helpdesk.mappingFrom(stored);
    return {
      mapping,
      parse: (raw, now, where) => helpdesk.fetchedFromRaw(raw, mapping, now, where),
    };
  };
}

const bodyReaders: Record<HelpdeskSystem, (stored: unknown) => BodyReader> = {
  zendesk: bodyReader(zendesk),
  jira: bodyReader(jira),
};

interface ViewContext {
  policy: Policy;
  general: GeneralSettings;
  mappings: FieldMappings;
  directory: Directory;
}

/** The customer organisation: the ticket's own field when the mapper filled it, else what was stored. */
function organizationOf(ticket: Ticket, entry: WatchedTicket | undefined): string | null {
  const own = (ticket as Ticket & { organization?: string | null }).organization;
  return own ?? entry?.organization ?? null;
}

function contentOrigin(sender: SenderKind): string {
  if (sender.kind !== 'content') throw new Error('only helpdesk pages send this');
  return sender.origin;
}

function assertFromSenderOrigin(ticket: Pick<Ticket, 'url'>, origin: string): void {
  const ticketOrigin = new URL(ticket.url).origin;
  if (ticketOrigin !== origin) throw new Error(`a page on ${origin} reported a ticket of ${ticketOrigin}`);
}

function malformedMessage(error: unknown): string | null {
  return error instanceof HelpdeskError && error.kind === 'malformed' ? error.message : null;
}

export function createPageHandlers(runtime: HandlerRuntime, afterChange: () => void): Pick<MessageHandlers, PageMessageType> {
  const { deps, queue } = runtime;
  const { ports } = deps;

  async function context(): Promise<ViewContext> {
    const [policy, general, mappings, directory] = await Promise.all([
      getEffectivePolicy(deps.policyParsing),
      generalSettingsItem.get(),
      fieldMappingsItem.get(),
      directoryItem.get(),
    ]);
    return { policy: policy.policy, general, mappings, directory };
  }

  function viewOf(
    ticket: Ticket,
    entry: WatchedTicket | undefined,
    ctx: ViewContext,
    read: { source: 'api' | 'dom'; nativeSla: readonly NativeSlaTarget[] | null },
    now: Date,
  ): PageTicketView {
    const evaluation = deps.evaluate(ticket, ctx.policy, now, entry ? acknowledgedRoles(entry) : []);
    const viewContext = {
      policy: ctx.policy,
      directory: ctx.directory,
      now,
      organization: organizationOf(ticket, entry),
      words: uiViewWords(),
    };
    return pageTicketView(ticket, evaluation, viewContext, { ...read, ackNoteMode: ctx.general.ackNoteMode });
  }

  /** Stores what a page read (as 'ticket:seen' always did) and returns the entry as stored. */
  async function store(seen: SeenTicket, now: Date): Promise<WatchedTicket | undefined> {
    const key = watchedTicketKey(seen.ticket);
    const after = await queue.run(() => watchedTicketsItem.update((stored) => recordSeenTicket(stored, seen, now)));
    afterChange();
    return after[key];
  }

  return {
    async 'ticket:seen'(message, sender) {
      const origin = contentOrigin(sender);
      assertFromSenderOrigin(message.ticket, origin);
      const now = ports.now();
      const [ctx, entry] = await Promise.all([
        context(),
        store(
          {
            ticket: ticketToJson(message.ticket),
            source: message.source,
            origin,
            fetchedAt: new Date(message.fetchedAt),
            ...(message.organization ? { organization: message.organization } : {}),
            ...(message.assignee ? { assignee: message.assignee } : {}),
          },
          now,
        ),
      ]);
      const view = viewOf(message.ticket, entry, ctx, { source: message.source, nativeSla: [] }, now);
      return { key: watchedTicketKey(message.ticket), view };
    },

    async 'ticket:ingest'(message, sender) {
      const origin = contentOrigin(sender);
      const ctx = await context();
      const now = ports.now();
      let fetched: FetchedTicket;
      try {
        fetched = bodyReaders[message.system](ctx.mappings[message.system]).parse(message.raw, now);
      } catch (error) {
        const malformed = malformedMessage(error);
        if (malformed === null) throw error;
        ports.log(`ticket:ingest from ${origin}: ${malformed}`);
        return { kind: 'malformed', error: malformed };
      }
      assertFromSenderOrigin(fetched.ticket, origin);
      const ticket = ticketToJson(fetched.ticket);
      const entry = await store({ ticket, source: 'api', origin, fetchedAt: new Date(message.fetchedAt) }, now);
      return {
        kind: 'view',
        key: watchedTicketKey(ticket),
        view: viewOf(fetched.ticket, entry, ctx, { source: 'api', nativeSla: fetched.nativeSla }, now),
      };
    },

    async 'tickets:ingest-many'(message, sender) {
      const origin = contentOrigin(sender);
      const [ctx, stored] = await Promise.all([context(), watchedTicketsItem.get()]);
      const now = ports.now();
      const reader = bodyReaders[message.system](ctx.mappings[message.system]);
      const rows: PageRowView[] = [];
      const problems: PageRowProblem[] = [];
      message.raws.forEach((raw, index) => {
        try {
          const { ticket } = reader.parse(raw, now, `tickets[${index}]`);
          assertFromSenderOrigin(ticket, origin);
          const entry = stored[watchedTicketKey(ticket)];
          rows.push(pageRowView(deps.evaluate(ticket, ctx.policy, now, entry ? acknowledgedRoles(entry) : []), now));
        } catch (error) {
          problems.push({ index, error: malformedMessage(error) ?? (error instanceof Error ? error.message : String(error)) });
        }
      });
      if (problems.length > 0) ports.log(`tickets:ingest-many from ${origin}: ${problems.map((p) => p.error).join('; ')}`);
      return { rows, problems };
    },

    async 'ticket:view'(message, sender) {
      const origin = contentOrigin(sender);
      const key = watchedTicketKey(message.ticket);
      const [ctx, stored] = await Promise.all([context(), watchedTicketsItem.get()]);
      const entry = stored[key];
      // Only the helpdesk the ticket was read from may see it again.
      if (!entry || entry.origin !== origin) return { view: null };
      return { view: viewOf(ticketFromJson(entry.ticket), entry, ctx, { source: entry.source, nativeSla: null }, ports.now()) };
    },

    async 'page:config'(message, sender) {
      contentOrigin(sender);
      const ctx = await context();
      return { mapping: bodyReaders[message.system](ctx.mappings[message.system]).mapping, ackNoteMode: ctx.general.ackNoteMode };
    },
  };
}
