import { formatDuration } from '../countdown/format';
import { countdownWords } from '../../components/ticket/countdown-words';
import type { Evaluation, Ticket } from '../engine/types';
import { formatInstant, t, uiLanguage } from '../i18n';
import type { Policy } from '../policy/schema';
import { composeEscalationMessage, type EscalationMessage } from '../queue/escalation-message';

/**
 * The panel's "copy message" and "email" for one role, in the UI language, with instants in the
 * ticket office's zone (named, so the reader in another region knows which).
 */
export function escalationMessageForRole(input: {
  ticket: Ticket;
  evaluation: Evaluation;
  policy: Policy;
  roleId: string;
  now: Date;
}): EscalationMessage {
  const zone = input.evaluation.timeZone;
  const locale = uiLanguage();
  const words = countdownWords();
  return composeEscalationMessage({
    ticket: input.ticket,
    evaluation: input.evaluation,
    policy: input.policy,
    now: input.now,
    recipients: [{ role: input.roleId, name: null, email: null }],
    translate: t,
    formatInstant: (at) => `${formatInstant(at, zone, locale)} (${zone})`,
    formatDuration: (ms) => formatDuration(ms, words),
  });
}
