import { ticketFromJson, ticketToJson, type TicketJson } from '../engine/ticket-schema';
import type { Ticket } from '../engine/types';
import { HelpdeskError, type FetchedTicket, type NativeSlaTarget } from '../helpdesks/contract';
import { siteBaseOf } from '../helpdesks/jira/url';
import type { PageRowProblem, PageRowView, PageTicketView } from '../messages/page-view';
import type { Directory } from '../people/directory-schema';
import type { MessageHandlers } from '../messages/router';
import type { SenderKind } from '../messages/sender';
import type { Policy } from '../policy/schema';
import { directoryItem } from '../storage/directory-item';
import { currentUsersItem } from '../storage/current-users';
import { getEffectivePolicy } from '../storage/policy-source';
import {
  fieldMappingsItem,
  generalSettingsItem,
  notificationSettingsItem,
  type FieldMappings,
  type GeneralSettings,
  type NotificationSettings,
} from '../storage/settings';
import { keepEarliestCreation, recordSeenTicket, type SeenTicket } from '../storage/watched-store';
import { entryAt, ticketKeyAt, watchedTicketKey, type WatchedTicket } from '../storage/watched-ticket-schema';
import { watchedTicketsItem } from '../storage/watched-tickets';
import { healthItem, recordOriginError, recordRefused } from '../storage/health';
import { stoppedTicketsItem, watchAgain } from '../storage/stopped-tickets';
import { watchesFromView } from './view-watching';
import { checkingRowView, pageRowView, pageTicketView, unavailableRowView } from '../view-model/ticket-view';
import { shownEvaluation } from '../view-model/shown-evaluation';
import { bodyReaders, carriesHistory } from './body-readers';
import { acknowledgedRoles } from './evaluate-store';
import type { HistoryJob, HistoryRead } from './history-reads';
import type { HandlerRuntime } from './message-handlers';
import { tellTicketsChanged } from './ticket-changed';
import { viewWords } from './view-words';

/**
 * The background as the helpdesk pages' brain. Pages send what they read (REST bodies, or what
 * the DOM shows); the background parses it with the helpdesk's schemas and the stored field
 * mapping, stores the ticket, evaluates it with the effective policy and answers a view the page
 * only has to render.
 *
 * List rows tell the truth or say "checking": a row read with its full history (Jira) is stored
 * and evaluated; a row without (Zendesk show_many) uses the stored history when it is as new as
 * the row, else it shows "checking" while the background reads its history (history-reads.ts),
 * stores it (the ticket is then watched like an opened one, unless the engineer stopped watching
 * it or view tickets: view-watching.ts) and tells the helpdesk's tabs, which ask for the row again.
 * A row whose history the helpdesk will not give (404, 403, left out of the list read) is
 * answered "unavailable", final. A history-less list read is never stored.
 */

/** Whether version `a` is as new as `b` (ISO instants). */
const asNewAs = (a: string, b: string): boolean => Date.parse(a) >= Date.parse(b);

type PageMessageType = 'ticket:seen' | 'ticket:ingest' | 'tickets:ingest-many' | 'ticket:view' | 'page:config';

interface ViewContext {
  policy: Policy;
  general: GeneralSettings;
  mappings: FieldMappings;
  directory: Directory;
  ackTimeouts: NotificationSettings['ackTimeoutMinutes'];
}

/** The customer organisation: the ticket's own field when the mapper filled it, else what was stored. */
function organizationOf(ticket: Ticket, entry: WatchedTicket | undefined): string | null {
  return ticket.organization ?? entry?.organization ?? null;
}

/** Who the engineer is at this origin, as the page read it (users/me, myself): kept for "Mine". */
async function rememberCurrentUser(origin: string, me: unknown): Promise<void> {
  if (typeof me !== 'string' || me === '' || me.length > 200) return;
  const known = await currentUsersItem.get();
  if (known[origin] !== me) await currentUsersItem.set({ ...known, [origin]: me });
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

/**
 * Stores list rows whose history the background read (one write for the batch): each is then
 * watched like an opened ticket, within the store's cap. The tabs of its helpdesk are told, so
 * a list showing the row "checking" asks for it again.
 */
export async function storeHistoryReads(runtime: HandlerRuntime, reads: readonly HistoryRead[]): Promise<void> {
  const { ports } = runtime.deps;
  const [mappings, general, stopped] = await Promise.all([fieldMappingsItem.get(), generalSettingsItem.get(), stoppedTicketsItem.get()]);
  const now = ports.now();
  const seen: Array<SeenTicket & { ref: Ticket }> = [];
  for (const { job, raw } of reads) {
    try {
      const fetched = bodyReaders[job.system](mappings[job.system]).parse(raw, now);
      assertFromSenderOrigin(fetched.ticket, job.origin);
      seen.push({
        ref: fetched.ticket,
        ticket: ticketToJson(fetched.ticket),
        source: 'api',
        origin: job.origin,
        fetchedAt: now,
        version: fetched.version,
        via: 'view',
      });
    } catch (error) {
      ports.log(`history read of ${job.key} does not parse: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (seen.length === 0) return;
  // Only these tickets' entries are read and written (a new worker does not read the other 2,000).
  const keys = seen.map((read) => ticketKeyAt(read.origin, read.ref));
  const store = await watchedTicketsItem.getEntries(keys);
  // Tickets the engineer stopped watching (or every view ticket, when they stopped watching those) are kept for their rows only.
  const watched = seen.filter((read) => {
    const key = ticketKeyAt(read.origin, read.ref);
    if (watchesFromView(key, store, general, stopped)) return true;
    runtime.unwatchedRows.set(key, { ticket: read.ticket, version: read.version ?? '' });
    return false;
  });
  if (watched.length > 0) {
    // Not behind the wake queue: a store write is serialised by the item itself, and a page waits for it.
    await watchedTicketsItem.updateEntries(
      watched.map((read) => ticketKeyAt(read.origin, read.ref)),
      (current) => watched.reduce((next, { ref: _ref, ...entry }) => recordSeenTicket(next, entry, now), current),
      { durable: false },
    );
    // One wake once a view's reads are in and its rows were answered, not one per batch (wake-after-reads.ts).
    runtime.wakeAfterReads.readsStored();
  }
  const byOrigin = new Map<string, Ticket[]>();
  for (const { origin, ref } of seen) byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), ref]);
  await Promise.all([...byOrigin].map(([origin, tickets]) => tellTicketsChanged(ports, origin, tickets)));
}

export function createPageHandlers(runtime: HandlerRuntime, afterChange: () => void): Pick<MessageHandlers, PageMessageType> {
  const { deps } = runtime;
  const { ports } = deps;

  /** Reads refused as malformed: listed on the Health tab, and the origin's last error. */
  async function noteRefused(origin: string, refused: ReadonlyArray<{ ticket: string; reason: string }>, now: Date): Promise<void> {
    const last = refused.at(-1);
    if (!last) return;
    await healthItem
      .update((health) =>
        recordOriginError(
          refused.reduce((next, r) => recordRefused(next, { ticket: r.ticket, origin, reason: r.reason }, now), health),
          origin,
          `${last.ticket}: ${last.reason}`,
          now,
        ),
      )
      .catch((error: unknown) => ports.log('health not recorded', error));
  }

  async function context(): Promise<ViewContext> {
    const [policy, general, mappings, directory, notifications] = await Promise.all([
      getEffectivePolicy(deps.policyParsing),
      generalSettingsItem.get(),
      fieldMappingsItem.get(),
      directoryItem.get(),
      notificationSettingsItem.get(),
    ]);
    return { policy: policy.policy, general, mappings, directory, ackTimeouts: notifications.ackTimeoutMinutes };
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
      words: viewWords(ports),
      ackTimeouts: ctx.ackTimeouts,
      acknowledged: entry?.acknowledged ?? {},
    };
    return pageTicketView(ticket, evaluation, viewContext, { ...read, ackNoteMode: ctx.general.ackNoteMode });
  }

  /** Stores what a page read (as 'ticket:seen' always did) and returns the entry as stored, and the one before. */
  async function storeWithBefore(seen: SeenTicket, now: Date): Promise<{ before?: WatchedTicket; after?: WatchedTicket }> {
    const key = ticketKeyAt(seen.origin, seen.ticket);
    let before: WatchedTicket | undefined;
    // Not behind the wake queue: the item serialises its own writes, and the page waits for this one.
    // Applied in memory at once (every later read sees it); the write to storage follows, coalesced.
    // Only this ticket's entry is read and written (a new worker does not read the other 2,000).
    const { store: after } = await watchedTicketsItem.updateEntries(
      [key],
      (stored) => {
        before = entryAt(stored, key);
        return recordSeenTicket(stored, seen, now);
      },
      { durable: false },
    );
    afterChange();
    // Opened in a tab: watched again, whatever "Stop watching" said before.
    if (seen.via !== 'view') {
      runtime.unwatchedRows.delete(key);
      // Not awaited: the page's answer does not depend on it (and an unchanged list is not written).
      stoppedTicketsItem.update((stopped) => watchAgain(stopped, key)).catch((error: unknown) => ports.log('stopped tickets not updated', error));
    }
    const stored = entryAt(after, key);
    return { ...(before ? { before } : {}), ...(stored ? { after: stored } : {}) };
  }

  async function store(seen: SeenTicket, now: Date): Promise<WatchedTicket | undefined> {
    return (await storeWithBefore(seen, now)).after;
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
            // The background's own clock: a page clock running ahead must not freeze the entry.
            fetchedAt: now,
            ...(message.organization ? { organization: message.organization } : {}),
            ...(message.assignee ? { assignee: message.assignee } : {}),
          },
          now,
        ),
      ]);
      // A page read shows the creation time the store knows (read from the API, or from an earlier
      // page read that saw more): a lazily loaded conversation never moves it later, nor hides it.
      const ticket = message.source === 'dom' && entry ? withKnownCreation(message.ticket, entry.ticket) : message.ticket;
      const view = viewOf(ticket, entry, ctx, { source: message.source, nativeSla: [] }, now);
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
        await noteRefused(origin, [{ ticket: `${message.system} ticket`, reason: malformed }], now);
        return { kind: 'malformed', error: malformed };
      }
      assertFromSenderOrigin(fetched.ticket, origin);
      await rememberCurrentUser(origin, message.raw.me);
      const ticket = ticketToJson(fetched.ticket);
      const { before, after: entry } = await storeWithBefore(
        { ticket, source: 'api', origin, fetchedAt: now, version: fetched.version, via: 'ticket' },
        now,
      );
      // A newer read (a reply since) changes the rows other tabs show of this ticket: tell them.
      if (entry?.version !== undefined && before?.version !== entry.version) {
        const tabId = sender.kind === 'content' ? sender.tabId : undefined;
        void tellTicketsChanged(ports, origin, [fetched.ticket], tabId);
      }
      return {
        kind: 'view',
        key: watchedTicketKey(ticket),
        view: viewOf(fetched.ticket, entry, ctx, { source: 'api', nativeSla: fetched.nativeSla }, now),
      };
    },

    async 'tickets:ingest-many'(message, sender) {
      const origin = contentOrigin(sender);
      const [ctx, stored, stopped] = await Promise.all([context(), watchedTicketsItem.get(), stoppedTicketsItem.get()]);
      const now = ports.now();
      const reader = bodyReaders[message.system](ctx.mappings[message.system]);
      const rows: PageRowView[] = [];
      const problems: PageRowProblem[] = [];
      const whole: SeenTicket[] = [];
      const jobs: HistoryJob[] = [];
      // The row says what the ticket's page says (a director still to tell reads "notify"), and asks again when a timeout passes.
      const rowOf = (ticket: Ticket, entry: WatchedTicket | undefined): PageRowView => {
        const evaluation = deps.evaluate(ticket, ctx.policy, now, entry ? acknowledgedRoles(entry) : []);
        return pageRowView(shownEvaluation(ticket, evaluation, ctx.ackTimeouts, entry?.acknowledged ?? {}, now), ctx.ackTimeouts, now);
      };
      message.raws.forEach((raw, index) => {
        try {
          const { ticket, version } = reader.parse(raw, now, `tickets[${index}]`);
          assertFromSenderOrigin(ticket, origin);
          const key = watchedTicketKey(ticket);
          const entry = entryAt(stored, key);
          const unwatched = runtime.unwatchedRows.get(key);
          const unavailable = runtime.historyReads.unavailable(key, version);
          if (carriesHistory(message.system, raw)) {
            if (watchesFromView(key, stored, ctx.general, stopped)) {
              whole.push({ ticket: ticketToJson(ticket), source: 'api', origin, fetchedAt: now, version, via: 'view' });
            } else {
              runtime.unwatchedRows.set(key, { ticket: ticketToJson(ticket), version });
            }
            rows.push(rowOf(ticket, entry));
          } else if (entry?.source === 'api' && entry.version !== undefined && asNewAs(entry.version, version)) {
            rows.push(rowOf(ticketFromJson(entry.ticket), entry));
          } else if (!entry && unwatched && asNewAs(unwatched.version, version)) {
            rows.push(rowOf(ticketFromJson(unwatched.ticket), undefined));
            // Watched again ("Watch them again", "Undo"): the read kept for the row is stored now.
            if (watchesFromView(key, stored, ctx.general, stopped)) {
              whole.push({ ticket: unwatched.ticket, source: 'api', origin, fetchedAt: now, version: unwatched.version, via: 'view' });
              runtime.unwatchedRows.delete(key);
            }
          } else if (unavailable !== null) {
            rows.push(unavailableRowView(ticket.id, unavailable));
          } else {
            // Read before, but the store let it go since (pruned, or forgotten elsewhere): read it again.
            if (runtime.historyReads.status(key, version) === 'read') runtime.historyReads.forget(key);
            rows.push(checkingRowView(ticket.id));
            const restBase = ticket.system === 'jira' ? siteBaseOf(new URL(ticket.url)) : origin;
            jobs.push({ key, system: ticket.system, id: ticket.id, origin, restBase, version, listRaw: raw });
          }
        } catch (error) {
          problems.push({ index, error: malformedMessage(error) ?? (error instanceof Error ? error.message : String(error)) });
        }
      });
      for (const id of new Set(message.missing ?? [])) rows.push(unavailableRowView(id, 'notReturned'));
      if (problems.length > 0) {
        ports.log(`tickets:ingest-many from ${origin}: ${problems.map((p) => p.error).join('; ')}`);
        await noteRefused(origin, problems.map((p) => ({ ticket: `${message.system} list row ${p.index + 1}`, reason: p.error })), now);
      }
      if (whole.length > 0) {
        await watchedTicketsItem.update((s) => whole.reduce((next, seen) => recordSeenTicket(next, seen, now), s), { durable: false });
        afterChange();
      }
      if (jobs.length > 0) runtime.historyReads.request(jobs);
      return { rows, problems };
    },

    async 'ticket:view'(message, sender) {
      const origin = contentOrigin(sender);
      // Scoped to the sender's origin: a page never sees another site's ticket.
      const key = ticketKeyAt(origin, message.ticket);
      const [ctx, stored] = await Promise.all([context(), watchedTicketsItem.getEntries([key])]);
      const entry = entryAt(stored, key);
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

function withKnownCreation(ticket: Ticket, stored: TicketJson): Ticket {
  const kept = keepEarliestCreation(ticketToJson(ticket), stored);
  const { unread: _unread, ...rest } = ticket;
  return { ...rest, createdAt: new Date(kept.createdAt), ...(kept.unread ? { unread: kept.unread } : {}) };
}
