import type { EvaluationState } from '../engine/types';
import type { MessageKey } from '../i18n/t';

/**
 * The one set of states a surface can show, and the one word for each. 'checking' belongs to a
 * view row whose ticket history is not known yet: neutral, never a state the history could
 * contradict. 'unavailable' is final and as neutral: the helpdesk will not give this ticket's
 * history (404, 403, or the list read left the ticket out), said with why, never a countdown.
 */

export type ViewState = EvaluationState | 'checking' | 'unavailable';

/** Why a row's history is unavailable; each has its own explanation (unavailableReasonKey). */
export const UNAVAILABLE_REASONS = ['notFound', 'forbidden', 'notReturned', 'unreadable'] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

export const EVALUATION_STATES: readonly EvaluationState[] = ['unknown', 'stopped', 'paused', 'overdue', 'notify', 'warning', 'ok'];
export const VIEW_STATES: readonly ViewState[] = [...EVALUATION_STATES, 'checking', 'unavailable'];

const STATE_WORDS: Record<ViewState, MessageKey> = {
  ok: 'inpageStateOk',
  warning: 'inpageStateWarning',
  notify: 'inpageStateNotify',
  overdue: 'inpageStateOverdue',
  paused: 'inpageStatePaused',
  stopped: 'inpageStateStopped',
  unknown: 'inpageStateUnknown',
  checking: 'inpageStateChecking',
  unavailable: 'inpageStateUnavailable',
};

const UNAVAILABLE_WORDS: Record<UnavailableReason, MessageKey> = {
  notFound: 'inpageUnavailableNotFound',
  forbidden: 'inpageUnavailableForbidden',
  notReturned: 'inpageUnavailableNotReturned',
  unreadable: 'inpageUnavailableUnreadable',
};

/** The catalog key saying why a row's history is unavailable (the badge's tooltip). */
export function unavailableReasonKey(reason: UnavailableReason): MessageKey {
  return UNAVAILABLE_WORDS[reason];
}

/** The catalog key of a state's words; every surface says a state with this one key. */
export function stateWordKey(state: ViewState): MessageKey {
  return STATE_WORDS[state];
}
