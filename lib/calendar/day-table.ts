import { MS_PER_DAY, MS_PER_MINUTE } from './civil-date';
import { DAY_CHUNK_SIZE, DayChunks } from './day-chunks';
import type { OfficeSchedule } from './office-schedule';
import type { ZoneOffsets } from './zone-offsets';

/**
 * An office's business days as instants, keyed by local day number (days since 1970-01-01 on
 * the office's wall clock) and filled 64 days at a time on first use. Besides each day's
 * [open, close) it keeps running totals of business time and business days per chunk, so
 * long spans cost one step per 64 days instead of one per day.
 */

export class DayChunk {
  /** 1 on a business day, else 0. */
  readonly isOpen = new Uint8Array(DAY_CHUNK_SIZE);
  readonly open = new Float64Array(DAY_CHUNK_SIZE);
  readonly close = new Float64Array(DAY_CHUNK_SIZE);
  /** Business ms of the chunk's days before each slot; index DAY_CHUNK_SIZE is the chunk's total. */
  readonly businessMsBefore = new Float64Array(DAY_CHUNK_SIZE + 1);
  /** Business days of the chunk before each slot; index DAY_CHUNK_SIZE is the chunk's total. */
  readonly businessDaysBefore = new Int32Array(DAY_CHUNK_SIZE + 1);
}

export class DayTable {
  private readonly chunks = new DayChunks((firstDay) => this.filledChunk(firstDay));

  constructor(
    private readonly zone: ZoneOffsets,
    private readonly schedule: OfficeSchedule,
  ) {}

  /** The chunk holding local day `dayNumber`; its slot is `dayNumber & DAY_CHUNK_MASK`. */
  chunkAt(dayNumber: number): DayChunk {
    return this.chunks.containing(dayNumber);
  }

  private filledChunk(firstDay: number): DayChunk {
    const chunk = new DayChunk();
    for (let slot = 0; slot < DAY_CHUNK_SIZE; slot++) {
      const dayNumber = firstDay + slot;
      const hours = this.schedule.hoursOn(dayNumber);
      let length = 0;
      if (hours) {
        const midnightWall = dayNumber * MS_PER_DAY;
        const open = this.zone.firstInstantAtWall(midnightWall + hours.open * MS_PER_MINUTE);
        const close = this.zone.firstInstantAtWall(midnightWall + hours.close * MS_PER_MINUTE);
        chunk.isOpen[slot] = 1;
        chunk.open[slot] = open;
        chunk.close[slot] = close;
        length = close - open;
      }
      chunk.businessMsBefore[slot + 1] = chunk.businessMsBefore[slot]! + length;
      chunk.businessDaysBefore[slot + 1] = chunk.businessDaysBefore[slot]! + (hours ? 1 : 0);
    }
    return chunk;
  }
}
