import type { EscalationRecord } from '../storage/escalation-record';
import { acknowledgementDelayMs } from './record-rows';

/**
 * Acknowledgement delay per level over a recent window (the options page's chart): how long
 * after a level started its roles were acknowledged — median and 90th percentile (nearest rank),
 * per level, over the acknowledgements made in (now − days, now]. Pure.
 */

export interface LevelDelay {
  level: number;
  count: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
}

const DAY_MS = 86_400_000;

/** The nearest-rank percentile of sorted values (p in (0, 1]); the values must not be empty. */
export function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

export function ackDelayByLevel(record: EscalationRecord, now: Date, days = 30): LevelDelay[] {
  const since = now.getTime() - days * DAY_MS;
  const byLevel = new Map<number, number[]>();
  for (const ticket of Object.values(record)) {
    for (const ack of ticket.acknowledgements) {
      const at = Date.parse(ack.at);
      const delay = acknowledgementDelayMs(ack.levelStartedAt, ack.at);
      if (delay === null || at <= since || at > now.getTime()) continue;
      byLevel.set(ack.level, [...(byLevel.get(ack.level) ?? []), delay]);
    }
  }
  return [...byLevel.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, delays]) => {
      const sorted = [...delays].sort((a, b) => a - b);
      return { level, count: sorted.length, medianMs: nearestRank(sorted, 0.5), p90Ms: nearestRank(sorted, 0.9), maxMs: sorted.at(-1) ?? 0 };
    });
}
