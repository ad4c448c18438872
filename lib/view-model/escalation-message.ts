import { ownValue } from '../policy/reserved-names';
import type { Evaluation, Ticket } from '../engine/types';
import type { MessageKey, Substitutions } from '../i18n/t';
import type { Policy } from '../policy/schema';
import type { RoleToTell } from './people';
import type { ViewWords } from './words';

/**
 * The text an engineer sends to the people a level requires them to tell: a subject, a body
 * and a mailto: link carrying both. Pure: words, time and duration formats are passed in, so
 * the same message can be composed in any language and tested without a browser.
 */

export interface EscalationRecipient {
  role: string;
  /** A person from the directory, when one is known for this role, office and account. */
  name: string | null;
  email: string | null;
}

/** Everyone to tell for these roles: each holder, or the role alone when the directory has nobody. */
export function recipientsOf(roles: readonly RoleToTell[]): EscalationRecipient[] {
  return roles.flatMap((role): EscalationRecipient[] =>
    role.holders.length === 0
      ? [{ role: role.roleId, name: null, email: null }]
      : role.holders.map((holder) => ({ role: role.roleId, name: holder.name, email: holder.email })),
  );
}

export interface EscalationMessageInput {
  ticket: Ticket;
  evaluation: Evaluation;
  policy: Policy;
  now: Date;
  recipients: readonly EscalationRecipient[];
  translate: (key: MessageKey, substitutions?: Substitutions) => string;
  /** How an instant reads in the message, e.g. "Tue 14 Jul 16:02 (Asia/Shanghai)". */
  formatInstant: (at: Date) => string;
  /** How a duration reads, e.g. "4 h 10 min". */
  formatDuration: (ms: number) => string;
}

export interface EscalationMessage {
  subject: string;
  body: string;
  /** mailto: URI (RFC 6068) with recipients, subject and body; line breaks as CRLF. */
  mailto: string;
}

const roleName = (policy: Policy, role: string): string => ownValue(policy.roles, role)?.name ?? role;

const listOf = (names: readonly string[]): string => names.join(', ');

function recipientLabel(policy: Policy, recipient: EscalationRecipient): string {
  const role = roleName(policy, recipient.role);
  return recipient.name ? `${recipient.name} (${role})` : role;
}

function neededLines(input: EscalationMessageInput): string[] {
  const { evaluation, policy, translate, formatInstant, recipients } = input;
  const lines: string[] = [];
  const level = evaluation.levels.find((entry) => entry.level === evaluation.level);
  const engage = policy.levels.find((entry) => entry.id === evaluation.levelId)?.engage ?? [];
  if (engage.length > 0) lines.push(translate('escalationNeededEngage', listOf(engage.map((role) => roleName(policy, role)))));
  if (recipients.length > 0) {
    lines.push(translate('escalationNeededNotified', listOf(recipients.map((r) => recipientLabel(policy, r)))));
  }
  const onRequest = level?.onRequest ?? [];
  if (onRequest.length > 0) lines.push(translate('escalationNeededOnRequest', listOf(onRequest.map((role) => roleName(policy, role)))));
  if (evaluation.respondedAt === null && evaluation.responseDueAt) {
    lines.push(translate('escalationNeededResponse', formatInstant(evaluation.responseDueAt)));
  } else if (evaluation.nextUpdateDueAt) {
    lines.push(translate('escalationNeededUpdate', formatInstant(evaluation.nextUpdateDueAt)));
  }
  return lines;
}

export function composeEscalationMessage(input: EscalationMessageInput): EscalationMessage {
  const { ticket, evaluation, policy, now, recipients, translate, formatInstant, formatDuration } = input;
  const helpdesk = translate(ticket.system === 'zendesk' ? 'helpdeskZendesk' : 'helpdeskJira');
  const severityName = evaluation.severity === null ? '' : (policy.severities[evaluation.severity]?.name ?? '');
  const severityText = evaluation.severity === null ? translate('severityNone') : String(evaluation.severity);
  const current = evaluation.levels.find((entry) => entry.level === evaluation.level);
  const levelName = current?.name ?? evaluation.levelId;

  const subject = translate('escalationSubject', [severityText, evaluation.level, helpdesk, ticket.id, ticket.title]);

  const names = recipients.map((r) => r.name).filter((name): name is string => name !== null);
  const body = [
    names.length > 0 ? translate('escalationGreetingNamed', listOf(names)) : translate('escalationGreeting'),
    '',
    translate('escalationIntro', [helpdesk, ticket.id, evaluation.level, levelName]),
    '',
    translate('escalationTicket', [helpdesk, ticket.id, ticket.title]),
    translate('escalationLink', ticket.url),
    translate('escalationSeverity', [severityText, severityName]),
    current?.at
      ? translate('escalationLevelSince', [evaluation.level, levelName, formatInstant(current.at)])
      : translate('escalationLevel', [evaluation.level, levelName]),
    translate('escalationOpenFor', [formatDuration(now.getTime() - ticket.createdAt.getTime()), formatInstant(ticket.createdAt)]),
    ...(evaluation.nextLevel?.at
      ? [translate('escalationNextLevel', [evaluation.nextLevel.level, nextLevelName(evaluation), formatInstant(evaluation.nextLevel.at)])]
      : []),
    '',
    translate('escalationNeeded'),
    ...neededLines(input).map((line) => `- ${line}`),
  ].join('\n');

  return { subject, body, mailto: mailtoUri(recipients, subject, body) };
}

function nextLevelName(evaluation: Evaluation): string {
  const next = evaluation.nextLevel;
  return evaluation.levels.find((entry) => entry.level === next?.level)?.name ?? next?.id ?? '';
}

/** RFC 6068: addresses comma-separated, header values percent-encoded, CRLF line breaks. */
export function mailtoUri(recipients: readonly EscalationRecipient[], subject: string, body: string): string {
  const addresses = [...new Set(recipients.map((r) => r.email).filter((email): email is string => !!email))];
  const to = addresses.map((address) => encodeURIComponent(address).replace(/%40/g, '@')).join(',');
  const crlf = body.replace(/\r?\n/g, '\r\n');
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}

/**
 * The one copy / email message of every surface (panel per role, popup for every pending role):
 * in the UI language, instants in the ticket office's zone, named so any reader can place them,
 * each holder's address in the mailto "To:".
 */
export function escalationMessage(input: {
  ticket: Ticket;
  evaluation: Evaluation;
  policy: Policy;
  now: Date;
  roles: readonly RoleToTell[];
  words: ViewWords;
}): EscalationMessage {
  const zone = input.evaluation.timeZone;
  return composeEscalationMessage({
    ticket: input.ticket,
    evaluation: input.evaluation,
    policy: input.policy,
    now: input.now,
    recipients: recipientsOf(input.roles),
    translate: input.words.t,
    formatInstant: (at) => `${input.words.formatInstant(at, zone)} (${zone})`,
    formatDuration: input.words.formatDuration,
  });
}
