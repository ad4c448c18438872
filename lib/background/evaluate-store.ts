import type { AlarmTicket } from '../alarms/alarm-events';
import { ticketFromJson } from '../engine/ticket-schema';
import type { Evaluation } from '../engine/types';
import type { AckTimeoutMinutes } from '../alarms/ack-timeouts';
import type { Policy } from '../policy/schema';
import { shownEvaluation } from '../view-model/shown-evaluation';
import type { WatchedStore, WatchedTicket } from '../storage/watched-ticket-schema';
import type { BackgroundDeps } from './deps';

export interface EvaluatedTicket extends AlarmTicket {
  entry: WatchedTicket;
}

/** Roles acknowledged locally (by this engineer) or recorded on the ticket by this extension. */
export function acknowledgedRoles(entry: WatchedTicket): string[] {
  return Object.keys(entry.acknowledged);
}

/** Every watched ticket with its evaluation; one that cannot be evaluated is logged and skipped. */
export function evaluateStore(
  store: WatchedStore,
  policy: Policy,
  now: Date,
  deps: Pick<BackgroundDeps, 'evaluate' | 'ports'>,
  /** Told about each ticket that cannot be evaluated, with why (the Health tab lists them). */
  onRefused?: (key: string, origin: string, reason: string) => void,
): EvaluatedTicket[] {
  const evaluated: EvaluatedTicket[] = [];
  for (const [key, entry] of Object.entries(store)) {
    let evaluation: Evaluation;
    try {
      const ticket = ticketFromJson(entry.ticket);
      evaluation = deps.evaluate(ticket, policy, now, acknowledgedRoles(entry));
      evaluated.push({
        key,
        entry,
        ticket,
        evaluation,
        shown: entry.shown,
        acknowledged: entry.acknowledged,
        ...(entry.snoozedUntil ? { snoozedUntil: entry.snoozedUntil } : {}),
        ...(entry.organization ? { organization: entry.organization } : {}),
      });
    } catch (error) {
      deps.ports.log(`cannot evaluate ${key}`, error);
      onRefused?.(key, entry.origin, `cannot be evaluated: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return evaluated;
}

/**
 * Every watched ticket with the evaluation the surfaces show (a director an acknowledgement
 * timeout added, still to tell, reads "notify": lib/view-model/shown-evaluation.ts), for the
 * popup's list and order. The wake keeps the engine's own (evaluateStore) for its alarms.
 */
export function evaluateStoreShown(
  store: WatchedStore,
  policy: Policy,
  now: Date,
  deps: Pick<BackgroundDeps, 'evaluate' | 'ports'>,
  ackTimeouts: AckTimeoutMinutes | undefined,
): EvaluatedTicket[] {
  return evaluateStore(store, policy, now, deps).map((item) => ({
    ...item,
    evaluation: shownEvaluation(item.ticket, item.evaluation, ackTimeouts, item.entry.acknowledged, now),
  }));
}
