/**
 * The calendar's per-day tables (an office's business days, a zone's UTC offsets) are filled
 * 64 days at a time on first use and then read in runs of neighbouring days. This keeps the
 * filled chunks by index and remembers the last one read, so a run of reads in one chunk costs
 * a comparison each instead of a Map lookup.
 */

export const DAY_CHUNK_BITS = 6;
export const DAY_CHUNK_SIZE = 1 << DAY_CHUNK_BITS;
export const DAY_CHUNK_MASK = DAY_CHUNK_SIZE - 1;

export class DayChunks<Chunk> {
  private readonly chunks = new Map<number, Chunk>();
  private lastChunkIndex = Number.NaN;
  private lastChunk: Chunk | undefined;

  /** `fill(firstDay)` builds the chunk for days `firstDay … firstDay + DAY_CHUNK_SIZE − 1`. */
  constructor(private readonly fill: (firstDay: number) => Chunk) {}

  /** The chunk holding day number `day`; its slot is `day & DAY_CHUNK_MASK`. */
  containing(day: number): Chunk {
    const index = day >> DAY_CHUNK_BITS;
    if (index === this.lastChunkIndex) return this.lastChunk!;
    let chunk = this.chunks.get(index);
    if (!chunk) {
      chunk = this.fill(index << DAY_CHUNK_BITS);
      this.chunks.set(index, chunk);
    }
    this.lastChunkIndex = index;
    this.lastChunk = chunk;
    return chunk;
  }
}
