import { formatDuration, type CountdownWords } from '../../lib/countdown';
import { formatInstant, t, uiLanguage } from '../../lib/i18n';
import type { Policy } from '../../lib/policy/schema';
import type { QueueItem } from '../../lib/queue';
import { composeEscalationMessage, type EscalationMessage, type EscalationRecipient } from '../../lib/view-model';
import type { PopupActions } from './popup-types';

/** Everyone to tell for the pending roles: each person found, or the role alone when nobody is known. */
export function recipientsFor(item: QueueItem, roles: readonly string[], actions: Pick<PopupActions, 'peopleFor'>, now: Date): EscalationRecipient[] {
  return roles.flatMap((role): EscalationRecipient[] => {
    const people = actions.peopleFor(item, role, now);
    if (people.length === 0) return [{ role, name: null, email: null }];
    return people.map((person) => ({ role, name: person.name, email: person.email ?? null }));
  });
}

/** The message in the UI language; instants in the ticket office's zone, named, so any reader can place them. */
export function escalationMessageFor(
  item: QueueItem,
  policy: Policy,
  recipients: readonly EscalationRecipient[],
  now: Date,
  words: CountdownWords,
): EscalationMessage {
  const zone = item.evaluation.timeZone;
  const locale = uiLanguage();
  return composeEscalationMessage({
    ticket: item.ticket,
    evaluation: item.evaluation,
    policy,
    now,
    recipients,
    translate: t,
    formatInstant: (at) => `${formatInstant(at, zone, locale)} (${zone})`,
    formatDuration: (ms) => formatDuration(ms, words),
  });
}
