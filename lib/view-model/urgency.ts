import type { Evaluation } from '../engine/types';

/**
 * The one "most urgent first" order (issue 6), used by the background for the popup's list and
 * nowhere re-decided: overdue, then a role still to notify, then the nearest deadline. Tickets
 * without a running deadline come after every ticket that has one.
 */

/** Anything ranked: a ticket's key ("zendesk:35436") and its evaluation. */
export interface Ranked {
  key: string;
  evaluation: Evaluation;
}

/** Lower is more urgent. */
export function urgencyGroup(evaluation: Evaluation): number {
  switch (evaluation.state) {
    case 'overdue':
      return 0;
    case 'notify':
      return 1;
    case 'warning':
    case 'ok':
      return 2;
    case 'unknown':
      return 3; // needs a severity before any clock runs
    case 'paused':
      return 4;
    case 'stopped':
      return 5;
  }
}

const earliest = (instants: ReadonlyArray<Date | null | undefined>): number | null => {
  let best: number | null = null;
  for (const at of instants) {
    if (at && (best === null || at.getTime() < best)) best = at.getTime();
  }
  return best;
};

/**
 * The instant that orders a ticket inside its group: for an overdue ticket the deadline it
 * missed (the longest overdue first), otherwise the next deadline ahead.
 */
export function urgencyInstant(evaluation: Evaluation): number | null {
  const unansweredResponse = evaluation.respondedAt === null ? evaluation.responseDueAt : null;
  if (evaluation.state === 'overdue') return earliest([unansweredResponse, evaluation.nextUpdateDueAt]);
  return earliest([evaluation.nextDeadline?.at, evaluation.nextLevel?.at, evaluation.nextUpdateDueAt, unansweredResponse]);
}

export function compareUrgency(a: Ranked, b: Ranked): number {
  const group = urgencyGroup(a.evaluation) - urgencyGroup(b.evaluation);
  if (group !== 0) return group;
  const atA = urgencyInstant(a.evaluation);
  const atB = urgencyInstant(b.evaluation);
  if (atA !== atB) {
    if (atA === null) return 1;
    if (atB === null) return -1;
    return atA - atB;
  }
  // Same deadline: the more severe ticket first, then a stable order by ticket.
  const sevA = a.evaluation.severity ?? 5;
  const sevB = b.evaluation.severity ?? 5;
  if (sevA !== sevB) return sevA - sevB;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** A sorted copy; the input is left as it was. Each item's group and instant are worked out once. */
export function sortByUrgency<T extends Ranked>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({
    item,
    group: urgencyGroup(item.evaluation),
    at: urgencyInstant(item.evaluation),
    severity: item.evaluation.severity ?? 5,
  }));
  keyed.sort((a, b) => {
    if (a.group !== b.group) return a.group - b.group;
    if (a.at !== b.at) {
      if (a.at === null) return 1;
      if (b.at === null) return -1;
      return a.at - b.at;
    }
    if (a.severity !== b.severity) return a.severity - b.severity;
    return a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0;
  });
  return keyed.map(({ item }) => item);
}
