/**
 * The one view model: from one evaluation plus the people directory and the settings, what every
 * surface shows — the ticket badge and panel, a view's row, the popup's row, the notification and
 * the copy / email message — with one state word each and one urgency order.
 */
export { stateWordKey, unavailableReasonKey, VIEW_STATES, EVALUATION_STATES, UNAVAILABLE_REASONS, type ViewState, type UnavailableReason } from './state';
export { compareUrgency, sortByUrgency, urgencyGroup, urgencyInstant, type Ranked } from './urgency';
export { roleToTell, rolesToTell, roleName, holderNames, type Holder, type RoleToTell, type PeopleContext, type AddedByTimeout } from './people';
export {
  composeEscalationMessage,
  escalationMessage,
  mailtoUri,
  recipientsOf,
  type EscalationMessage,
  type EscalationMessageInput,
  type EscalationRecipient,
} from './escalation-message';
export { pageTicketView, pageRowView, checkingRowView, unavailableRowView, nextStateChangeAt, nextTicketViewChangeAt, type ViewContext, type TicketRead } from './ticket-view';
export { stillToTell, directorToTell, directorAdded, type StillToTellContext } from './still-to-tell';
export { shownEvaluation } from './shown-evaluation';
export { renderNotification, peopleLines, ticketLabel, type ContentContext, type NotificationContent, type Translate } from './notification-text';
export type { ViewWords } from './words';
export type { RowBadgeView, TicketView, PersonToNotify, TimelineStep, NativeSlaComparison, AckNoteSetting, AcknowledgeOutcome, TicketPanelActions } from './rendered-view';
export { popupRow, popupMessage, type PopupRowInput } from './popup-row';
export { evaluationToJson, evaluationFromJson } from './evaluation-json';
