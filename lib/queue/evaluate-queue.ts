import { evaluate } from '../engine/evaluate';
import type { Policy } from '../policy/schema';
import type { QueueEntry, QueueItem } from './queue-item';

/** Key of a (ticket, role) acknowledgement made in this popup and not yet seen back from storage. */
export const justAcknowledgedKey = (entry: Pick<QueueEntry, 'ticket'>, role: string): string =>
  `${entry.ticket.system}:${entry.ticket.id}|${role}`;

/**
 * Evaluates every watched ticket at `now`. Acknowledgements the engineer just clicked count at
 * once, before the background has stored them, so the row does not flicker back.
 */
export function evaluateQueue(
  entries: readonly QueueEntry[],
  policy: Policy,
  now: Date,
  justAcknowledged: ReadonlySet<string> = new Set(),
): QueueItem[] {
  const roles = Object.keys(policy.roles);
  return entries.map((entry) => {
    const acknowledged = [...entry.acknowledged];
    if (justAcknowledged.size > 0) {
      for (const role of roles) if (justAcknowledged.has(justAcknowledgedKey(entry, role))) acknowledged.push(role);
    }
    return { ...entry, evaluation: evaluate(entry.ticket, policy, now, acknowledged) };
  });
}
