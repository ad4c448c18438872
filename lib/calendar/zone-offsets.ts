import { tzOffset } from '@date-fns/tz';
import { MS_PER_DAY, MS_PER_HOUR } from './civil-date';
import { DAY_CHUNK_MASK, DAY_CHUNK_SIZE, DayChunks } from './day-chunks';

/**
 * A time zone's UTC offset as a table keyed by UTC day number, filled 64 days at a time. Each
 * UTC day holds the offset at its start, the instant of a change inside it (if any) and the
 * offset after it, so `offsetAt` is a couple of array reads once the chunk exists. Intl (through
 * @date-fns/tz `tzOffset`, a few µs per call) is consulted only while filling: once per UTC
 * midnight, plus a binary search to the second on the two or so days a year with a change.
 *
 * Assumes the offset changes at most once per UTC day and only on whole seconds, which holds for
 * every zone in the IANA database.
 */

/** Wider than any real UTC offset (−12 h … +14 h), so a window this wide always holds the answer. */
const WALL_SEARCH_SPAN = 18 * MS_PER_HOUR;
const SECONDS_PER_DAY = 86_400;

class OffsetChunk {
  readonly before = new Float64Array(DAY_CHUNK_SIZE);
  /** First instant of the day with the `after` offset; +Infinity when the day has no change. */
  readonly transition = new Float64Array(DAY_CHUNK_SIZE);
  readonly after = new Float64Array(DAY_CHUNK_SIZE);
}

export class ZoneOffsets {
  readonly timeZone: string;
  private readonly chunks = new DayChunks((firstDay) => this.filledChunk(firstDay));

  constructor(timeZone: string) {
    if (Number.isNaN(tzOffset(timeZone, new Date(0)))) {
      throw new RangeError(`"${timeZone}" is not a known IANA time zone`);
    }
    this.timeZone = timeZone;
  }

  /** Offset (local − UTC) in ms in effect at instant `atMs`. */
  offsetAt(atMs: number): number {
    const utcDay = Math.floor(atMs / MS_PER_DAY);
    const chunk = this.chunks.containing(utcDay);
    const slot = utcDay & DAY_CHUNK_MASK;
    return atMs < chunk.transition[slot]! ? chunk.before[slot]! : chunk.after[slot]!;
  }

  /**
   * The first instant at which the local wall clock reads `wallMs` (ms since 1970-01-01T00:00
   * local) or later. This is the exact instant for ordinary times, the earlier of the two
   * instants for a time repeated when clocks go back, and the moment of the jump for a time
   * skipped when clocks go forward (02:30 on a spring-forward night in Los Angeles → 03:00 PDT).
   * Unlike "shift forward by the gap" this is monotone in `wallMs`, so an opening time never
   * lands after its closing time.
   */
  firstInstantAtWall(wallMs: number): number {
    const firstDay = Math.floor((wallMs - WALL_SEARCH_SPAN) / MS_PER_DAY);
    const lastDay = Math.floor((wallMs + WALL_SEARCH_SPAN) / MS_PER_DAY);
    let best = Number.POSITIVE_INFINITY;
    for (let utcDay = firstDay; utcDay <= lastDay; utcDay++) {
      const chunk = this.chunks.containing(utcDay);
      const slot = utcDay & DAY_CHUNK_MASK;
      best = this.earlierExactInstant(wallMs, chunk.before[slot]!, best);
      best = this.earlierExactInstant(wallMs, chunk.after[slot]!, best);
    }
    if (best !== Number.POSITIVE_INFINITY) return best;
    // No instant shows this wall time: it lies in a gap, which ends at a transition.
    for (let utcDay = firstDay; utcDay <= lastDay; utcDay++) {
      const chunk = this.chunks.containing(utcDay);
      const slot = utcDay & DAY_CHUNK_MASK;
      const transition = chunk.transition[slot]!;
      if (transition < best && transition + chunk.after[slot]! >= wallMs) best = transition;
    }
    if (best === Number.POSITIVE_INFINITY) {
      throw new RangeError(`cannot place wall time ${wallMs} in ${this.timeZone}`);
    }
    return best;
  }

  /** `wallMs − offset` when that instant really has `offset` and is earlier than `best`. */
  private earlierExactInstant(wallMs: number, offset: number, best: number): number {
    const candidate = wallMs - offset;
    return candidate < best && this.offsetAt(candidate) === offset ? candidate : best;
  }

  private filledChunk(firstDay: number): OffsetChunk {
    const chunk = new OffsetChunk();
    let before = this.rawOffset(firstDay * MS_PER_DAY);
    for (let slot = 0; slot < DAY_CHUNK_SIZE; slot++) {
      const dayStart = (firstDay + slot) * MS_PER_DAY;
      const after = this.rawOffset(dayStart + MS_PER_DAY);
      chunk.before[slot] = before;
      chunk.after[slot] = after;
      chunk.transition[slot] = after === before ? Number.POSITIVE_INFINITY : this.changeInstant(dayStart, before);
      before = after;
    }
    return chunk;
  }

  /** First whole second of the day starting at `dayStart` whose offset is no longer `before`. */
  private changeInstant(dayStart: number, before: number): number {
    let lo = dayStart / 1000;
    let hi = lo + SECONDS_PER_DAY;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (this.rawOffset(mid * 1000) === before) lo = mid;
      else hi = mid;
    }
    return hi * 1000;
  }

  private rawOffset(atMs: number): number {
    // tzOffset reports minutes, with historical LMT seconds as a fraction.
    return Math.round(tzOffset(this.timeZone, new Date(atMs)) * 60_000);
  }
}
