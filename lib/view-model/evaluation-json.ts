import type { Evaluation } from '../engine/types';
import type { EvaluationJson } from '../messages/popup-row';

/** An evaluation crosses to the popup as JSON (instants as ISO strings) and comes back whole. */

const iso = (at: Date | null): string | null => (at === null ? null : at.toISOString());
const date = (at: string | null): Date | null => (at === null ? null : new Date(at));

export function evaluationToJson(evaluation: Evaluation): EvaluationJson {
  return {
    ...evaluation,
    clockStart: iso(evaluation.clockStart),
    nextLevel: evaluation.nextLevel ? { ...evaluation.nextLevel, at: iso(evaluation.nextLevel.at) } : null,
    responseDueAt: iso(evaluation.responseDueAt),
    respondedAt: iso(evaluation.respondedAt),
    nextUpdateDueAt: iso(evaluation.nextUpdateDueAt),
    notify: [...evaluation.notify],
    pending: [...evaluation.pending],
    explanation: [...evaluation.explanation],
    pausedSince: iso(evaluation.pausedSince),
    levels: evaluation.levels.map((level) => ({ ...level, at: iso(level.at), notify: [...level.notify], onRequest: [...level.onRequest] })),
    onRequest: [...evaluation.onRequest],
    workaroundAt: iso(evaluation.workaroundAt),
    lastReplyAt: iso(evaluation.lastReplyAt),
    nextDeadline: evaluation.nextDeadline
      ? { ...evaluation.nextDeadline, at: evaluation.nextDeadline.at.toISOString(), warnAt: iso(evaluation.nextDeadline.warnAt) }
      : null,
    warnAt: iso(evaluation.warnAt),
  };
}

export function evaluationFromJson(json: EvaluationJson): Evaluation {
  return {
    ...json,
    clockStart: date(json.clockStart),
    nextLevel: json.nextLevel ? { ...json.nextLevel, at: date(json.nextLevel.at) } : null,
    responseDueAt: date(json.responseDueAt),
    respondedAt: date(json.respondedAt),
    nextUpdateDueAt: date(json.nextUpdateDueAt),
    pausedSince: date(json.pausedSince),
    levels: json.levels.map((level) => ({ ...level, at: date(level.at) })),
    workaroundAt: date(json.workaroundAt),
    lastReplyAt: date(json.lastReplyAt),
    nextDeadline: json.nextDeadline
      ? { ...json.nextDeadline, at: new Date(json.nextDeadline.at), warnAt: date(json.nextDeadline.warnAt) }
      : null,
    warnAt: date(json.warnAt),
  };
}
