import { tzOffset } from '@date-fns/tz';
import { MS_PER_DAY, MS_PER_HOUR } from './civil-date';

/**
 * A time zone's UTC offset as a lazily filled table keyed by UTC day number. Each UTC day holds
 * the offset at its start, the instant of a transition inside it (if any) and the offset after
 * it, so `offsetAt` is two array reads and a comparison once the day is known. Intl (through
 * @date-fns/tz `tzOffset`) is consulted only to fill a day for the first time.
 *
 * Assumes at most one offset change per UTC day, which holds for every zone in the IANA
 * database since standard time was introduced.
 */

const CHUNK_BITS = 8;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
const UNFILLED = 0;
const FILLED = 1;
/** Wider than any real UTC offset (−12 h … +14 h), so a window this wide always holds the answer. */
const WALL_SEARCH_SPAN = 18 * MS_PER_HOUR;

class OffsetChunk {
  readonly state = new Uint8Array(CHUNK_SIZE);
  readonly before = new Float64Array(CHUNK_SIZE);
  readonly transition = new Float64Array(CHUNK_SIZE);
  readonly after = new Float64Array(CHUNK_SIZE);
}

export class ZoneOffsets {
  readonly timeZone: string;
  private readonly chunks = new Map<number, OffsetChunk>();
  private lastChunkIndex = Number.NaN;
  private lastChunk: OffsetChunk | undefined;

  constructor(timeZone: string) {
    if (Number.isNaN(tzOffset(timeZone, new Date(0)))) {
      throw new RangeError(`"${timeZone}" is not a known IANA time zone`);
    }
    this.timeZone = timeZone;
  }

  /** Offset (local − UTC) in ms in effect at instant `atMs`. */
  offsetAt(atMs: number): number {
    const utcDay = Math.floor(atMs / MS_PER_DAY);
    const chunk = this.chunkFor(utcDay);
    const slot = utcDay & CHUNK_MASK;
    if (chunk.state[slot] === UNFILLED) this.fill(chunk, slot, utcDay);
    return atMs < chunk.transition[slot]! ? chunk.before[slot]! : chunk.after[slot]!;
  }

  /** The local wall-clock reading of `atMs`, as ms since 1970-01-01T00:00 local. */
  wallAt(atMs: number): number {
    return atMs + this.offsetAt(atMs);
  }

  /**
   * The first instant at which the local wall clock reads `wallMs` or later. This is the exact
   * instant for ordinary times, the earlier of the two instants for a time repeated when clocks
   * go back, and the moment of the jump for a time skipped when clocks go forward (02:30 on a
   * spring-forward night in Los Angeles → 03:00 PDT). Unlike "shift forward by the gap" this is
   * monotone in `wallMs`, so an opening time never lands after its closing time.
   */
  firstInstantAtWall(wallMs: number): number {
    const firstDay = Math.floor((wallMs - WALL_SEARCH_SPAN) / MS_PER_DAY);
    const lastDay = Math.floor((wallMs + WALL_SEARCH_SPAN) / MS_PER_DAY);
    let best = Number.POSITIVE_INFINITY;
    for (let utcDay = firstDay; utcDay <= lastDay; utcDay++) {
      const { before, after } = this.dayRecord(utcDay);
      for (const offset of [before, after]) {
        const candidate = wallMs - offset;
        if (candidate < best && this.offsetAt(candidate) === offset) best = candidate;
      }
    }
    if (best !== Number.POSITIVE_INFINITY) return best;
    // No instant shows this wall time: it lies in a gap, which ends at a transition.
    for (let utcDay = firstDay; utcDay <= lastDay; utcDay++) {
      const { transition, after } = this.dayRecord(utcDay);
      if (transition < best && transition + after >= wallMs) best = transition;
    }
    if (best === Number.POSITIVE_INFINITY) {
      throw new RangeError(`cannot place wall time ${wallMs} in ${this.timeZone}`);
    }
    return best;
  }

  private dayRecord(utcDay: number): { before: number; transition: number; after: number } {
    const chunk = this.chunkFor(utcDay);
    const slot = utcDay & CHUNK_MASK;
    if (chunk.state[slot] === UNFILLED) this.fill(chunk, slot, utcDay);
    return { before: chunk.before[slot]!, transition: chunk.transition[slot]!, after: chunk.after[slot]! };
  }

  private chunkFor(utcDay: number): OffsetChunk {
    const index = utcDay >> CHUNK_BITS;
    if (index === this.lastChunkIndex) return this.lastChunk!;
    let chunk = this.chunks.get(index);
    if (!chunk) {
      chunk = new OffsetChunk();
      this.chunks.set(index, chunk);
    }
    this.lastChunkIndex = index;
    this.lastChunk = chunk;
    return chunk;
  }

  private fill(chunk: OffsetChunk, slot: number, utcDay: number): void {
    const start = utcDay * MS_PER_DAY;
    const last = start + MS_PER_DAY - 1;
    const before = this.rawOffset(start);
    const after = this.rawOffset(last);
    let transition = Number.POSITIVE_INFINITY;
    if (before !== after) {
      // Binary search to the millisecond: ~27 Intl calls, twice a year per zone.
      let lo = start;
      let hi = last;
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (this.rawOffset(mid) === before) lo = mid;
        else hi = mid;
      }
      transition = hi;
    }
    chunk.before[slot] = before;
    chunk.after[slot] = after;
    chunk.transition[slot] = transition;
    chunk.state[slot] = FILLED;
  }

  private rawOffset(atMs: number): number {
    // tzOffset reports minutes, with historical LMT seconds as a fraction.
    return Math.round(tzOffset(this.timeZone, new Date(atMs)) * 60_000);
  }
}
