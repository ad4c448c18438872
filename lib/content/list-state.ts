import type { RawTicketRead } from '../helpdesks/contract';
import type { ReceivedRow } from './reply-shapes';

/**
 * What a list page shows and reads, given its rows, what the background answered and the clock:
 * the pure half of the list feature (list-feature.tsx is the DOM and timer shell around it).
 * No DOM, no timers, no clock of its own: every decision takes `nowMs`, so tests drive it
 * directly.
 *
 * A row is read over REST (one show_many per batch of ≤ 100 ids) when it comes near the
 * viewport and is not known yet, when its state can have changed (its refreshAt passed), or
 * when the tab becomes visible again (it cannot know what changed while hidden). A row the
 * background answered "checking" is not read again: the background reads its history and says
 * when it changed; the page then asks again with the read it kept (no REST request), and so for
 * any ticket the background says changed.
 */

/** At most this many ids per read and per message to the background (Zendesk show_many takes 100). */
export const LIST_BATCH_SIZE = 100;
/** A row still "checking" this long is asked about again (the background may have restarted); no REST request. */
export const CHECKING_RETRY_MS = 20_000;
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/** What the page remembers across routes: row views and the list reads they were made of. */
export interface ListMemory {
  views: Map<string, ReceivedRow>;
  reads: Map<string, RawTicketRead>;
  /** When a "checking" row was last asked about. */
  checkingSince: Map<string, number>;
}

export function createListMemory(): ListMemory {
  return { views: new Map(), reads: new Map(), checkingSince: new Map() };
}

interface TrackedRow {
  id: string;
  near: boolean;
}

export type ReadFailure = { kind: 'rateLimited'; retryAfterMs?: number } | { kind: 'other' };

/** `Row` is whatever the shell uses to name a row (an Element); the state never looks inside. */
export class ListState<Row> {
  private readonly rows = new Map<Row, TrackedRow>();
  private readonly wanted = new Set<string>();
  private readonly requested = new Set<string>();
  private readonly reask = new Set<string>();
  private reading = false;
  private asking = false;
  /** After a 429: no read until the shell's wait for Retry-After ends (resume). */
  private paused = false;

  constructor(private readonly memory: ListMemory) {}

  /** A row element shows ticket `id` (new, or reused by a virtualised table). Returns whether it showed another ticket before. */
  track(row: Row, id: string, nowMs: number): { replaced: boolean; isNew: boolean; render: boolean } {
    const existing = this.rows.get(row);
    if (existing?.id === id) return { replaced: false, isNew: false, render: false };
    this.rows.set(row, { id, near: existing?.near ?? false });
    const render = existing?.near === true ? this.want(id, nowMs) : false;
    return { replaced: existing !== undefined, isNew: existing === undefined, render };
  }

  untrack(row: Row): void {
    this.rows.delete(row);
  }

  tracked(): IterableIterator<[Row, TrackedRow]> {
    return this.rows.entries();
  }

  idOf(row: Row): string | undefined {
    return this.rows.get(row)?.id;
  }

  /** The row came near the viewport or left it. Returns whether it can be rendered now (its view is known and fresh). */
  setNear(row: Row, near: boolean, nowMs: number): boolean {
    const tracked = this.rows.get(row);
    if (!tracked) return false;
    tracked.near = near;
    return near ? this.want(tracked.id, nowMs) : false;
  }

  /** The view to render for a row, if any. */
  viewOf(row: Row): ReceivedRow | undefined {
    const tracked = this.rows.get(row);
    return tracked ? this.memory.views.get(tracked.id) : undefined;
  }

  private fresh(view: ReceivedRow, nowMs: number): boolean {
    return view.refreshAt === null || view.refreshAt.getTime() > nowMs;
  }

  /** Known and fresh: render. Else queue a read (unless one is already asked). */
  private want(id: string, nowMs: number): boolean {
    const known = this.memory.views.get(id);
    if (known && this.fresh(known, nowMs)) return true;
    if (known) this.requested.delete(id); // its state can have changed since: read it again
    if (!this.requested.has(id)) this.wanted.add(id);
    return false;
  }

  /** The next REST read to make (≤ LIST_BATCH_SIZE ids), or null: one at a time, never while rate limited. */
  takeRead(): string[] | null {
    if (this.reading || this.paused || this.wanted.size === 0) return null;
    const ids = [...this.wanted].slice(0, LIST_BATCH_SIZE);
    for (const id of ids) {
      this.wanted.delete(id);
      this.requested.add(id);
    }
    this.reading = true;
    return ids;
  }

  /** The read came back and the background answered these rows: which rows to render. */
  readDone(reads: readonly RawTicketRead[], views: readonly ReceivedRow[], nowMs: number): Row[] {
    this.reading = false;
    for (const read of reads) this.memory.reads.set(read.id, read);
    return this.answered(views, nowMs);
  }

  /** A read failed: after a 429, how long to wait before reading again (then `resume`); else null. */
  readFailed(ids: readonly string[], failure: ReadFailure): number | null {
    this.reading = false;
    // Ask again once the helpdesk allows it; other failures leave the rows quietly bare.
    if (failure.kind !== 'rateLimited') return null;
    for (const id of ids) {
      this.requested.delete(id);
      this.wanted.add(id);
    }
    this.paused = true;
    return failure.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
  }

  resume(): void {
    this.paused = false;
  }

  private answered(views: readonly ReceivedRow[], nowMs: number): Row[] {
    const ids = new Set<string>();
    for (const view of views) {
      this.memory.views.set(view.id, view);
      if (view.state === 'checking') this.memory.checkingSince.set(view.id, nowMs);
      else this.memory.checkingSince.delete(view.id);
      ids.add(view.id);
    }
    return [...this.rows].filter(([, row]) => row.near && ids.has(row.id)).map(([element]) => element);
  }

  /** The background says this ticket changed (its history was read, a newer read, an acknowledgement). */
  ticketChanged(id: string): void {
    if (!this.memory.reads.has(id)) return;
    if ([...this.rows.values()].some((row) => row.id === id && row.near)) this.reask.add(id);
  }

  /** Kept reads to send the background again (no REST request), or null. One batch at a time. */
  takeReask(): RawTicketRead[] | null {
    if (this.asking || this.reask.size === 0) return null;
    const ids = [...this.reask].slice(0, LIST_BATCH_SIZE);
    for (const id of ids) this.reask.delete(id);
    const reads = ids.map((id) => this.memory.reads.get(id)).filter((read): read is RawTicketRead => read !== undefined);
    this.asking = reads.length > 0;
    return reads.length > 0 ? reads : null;
  }

  reaskDone(views: readonly ReceivedRow[], nowMs: number): Row[] {
    this.asking = false;
    return this.answered(views, nowMs);
  }

  reaskFailed(): void {
    this.asking = false;
  }

  /** The tab is visible again: what is on screen may have changed meanwhile, so read it again. */
  becameVisible(nowMs: number): void {
    for (const row of this.rows.values()) {
      if (!row.near) continue;
      this.requested.delete(row.id);
      if (this.memory.views.has(row.id)) this.wanted.add(row.id);
      else this.want(row.id, nowMs);
    }
  }

  /** A timer fired: rows whose state can have changed are read again, long "checking" rows asked again. */
  due(nowMs: number): void {
    for (const row of this.rows.values()) {
      if (!row.near) continue;
      const view = this.memory.views.get(row.id);
      if (!view) continue;
      if (view.state === 'checking') {
        const since = this.memory.checkingSince.get(row.id) ?? nowMs;
        if (nowMs - since >= CHECKING_RETRY_MS) this.reask.add(row.id);
      } else if (!this.fresh(view, nowMs)) {
        this.want(row.id, nowMs);
      }
    }
  }

  /** The one instant the list's timer must fire next (a shown row's refreshAt, a checking retry), or null. */
  nextWakeAt(rendered: (row: Row) => boolean, nowMs: number): number | null {
    let earliest = Number.POSITIVE_INFINITY;
    for (const [element, row] of this.rows) {
      if (!rendered(element)) continue;
      const view = this.memory.views.get(row.id);
      if (!view) continue;
      if (view.state === 'checking') {
        earliest = Math.min(earliest, (this.memory.checkingSince.get(row.id) ?? nowMs) + CHECKING_RETRY_MS);
      } else if (view.refreshAt !== null) {
        earliest = Math.min(earliest, view.refreshAt.getTime());
      }
    }
    return Number.isFinite(earliest) ? earliest : null;
  }

  /** Rows near the viewport whose view is known (to render after a change). */
  shownRowsOf(id: string): Row[] {
    return [...this.rows].filter(([, row]) => row.near && row.id === id).map(([element]) => element);
  }
}
