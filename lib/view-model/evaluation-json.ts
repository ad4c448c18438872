import type { Evaluation } from '../engine/types';
import type { EvaluationJson } from '../messages/popup-row';

/** An evaluation crosses to the popup as JSON (instants as epoch milliseconds) and comes back whole. */

const ms = (at: Date | null): number | null => (at === null ? null : at.getTime());
const date = (at: number | null): Date | null => (at === null ? null : new Date(at));

export function evaluationToJson(evaluation: Evaluation): EvaluationJson {
  return {
    ...evaluation,
    clockStart: ms(evaluation.clockStart),
    nextLevel: evaluation.nextLevel ? { ...evaluation.nextLevel, at: ms(evaluation.nextLevel.at) } : null,
    responseDueAt: ms(evaluation.responseDueAt),
    respondedAt: ms(evaluation.respondedAt),
    nextUpdateDueAt: ms(evaluation.nextUpdateDueAt),
    notify: [...evaluation.notify],
    pending: [...evaluation.pending],
    explanation: [...evaluation.explanation],
    pausedSince: ms(evaluation.pausedSince),
    levels: evaluation.levels.map((level) => ({ ...level, at: ms(level.at), notify: [...level.notify], onRequest: [...level.onRequest] })),
    onRequest: [...evaluation.onRequest],
    workaroundAt: ms(evaluation.workaroundAt),
    lastReplyAt: ms(evaluation.lastReplyAt),
    nextDeadline: evaluation.nextDeadline
      ? { ...evaluation.nextDeadline, at: evaluation.nextDeadline.at.getTime(), warnAt: ms(evaluation.nextDeadline.warnAt) }
      : null,
    warnAt: ms(evaluation.warnAt),
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
