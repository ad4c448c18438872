import type { NativeSlaComparison, TicketView } from '../view-model/rendered-view';
import type { NativeSlaTarget } from '../helpdesks/contract';

/** Our and the helpdesk's deadlines may differ by rounding; beyond a minute it is a real disagreement. */
export const DRIFT_TOLERANCE_MS = 60_000;

/** Our deadlines a native target can measure, as the background evaluated them. */
export type OurDeadlines = Pick<TicketView, 'responseDueAt' | 'nextUpdateDueAt'>;

/**
 * Which of our deadlines a native target measures, by its name: Zendesk's `first_reply_time`,
 * JSM's "Time to first response" ↔ our response deadline; `next_reply_time`, "update" ↔ our next
 * customer update. Targets we have no counterpart for (resolution time) are shown without drift.
 */
export function ourDeadlineFor(name: string, ours: OurDeadlines): Date | null | undefined {
  const text = name.toLowerCase().replace(/[_-]/g, ' ');
  if (/first (reply|response)/.test(text)) return ours.responseDueAt;
  if (/next (reply|response)|periodic update|update/.test(text)) return ours.nextUpdateDueAt;
  return undefined;
}

export function compareNativeSla(native: readonly NativeSlaTarget[], ours: OurDeadlines): NativeSlaComparison[] {
  return native.map((target) => {
    const deadline = ourDeadlineFor(target.name, ours) ?? null;
    const comparable = target.breachAt !== null && deadline !== null && !target.paused;
    const driftMs = comparable ? target.breachAt!.getTime() - deadline.getTime() : null;
    return {
      name: target.name,
      theirs: target.breachAt,
      ours: deadline,
      driftMs,
      drifting: driftMs !== null && Math.abs(driftMs) > DRIFT_TOLERANCE_MS,
      paused: target.paused,
      breached: target.breached,
    };
  });
}
