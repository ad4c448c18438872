import { formatInstant, t, uiLanguage } from '../../lib/i18n';
import type { QueueItem } from '../../lib/queue';
import { holderNames } from '../../lib/view-model/people';

interface PeopleToNotifyProps {
  item: QueueItem;
  onMarkNotified: (role: string, person: string | null) => void;
  onAddPeople: () => void;
  busyRoles: ReadonlySet<string>;
}

/** Why a role joined the people to notify: an acknowledgement timeout added it (the on-duty Escalation Director). Short on the line, whole in the tooltip. */
const addedText = (addedBy: { level: number; minutes: number }): string => t('popupAddedByTimeout', [String(addedBy.level), String(addedBy.minutes)]);
const addedFullText = (addedBy: { level: number; minutes: number }): string =>
  t('inpagePersonAddedByTimeout', [String(addedBy.level), String(addedBy.minutes)]);

/** The whole line as a tooltip: a line of a fixed-height row cuts long names, never silently. */
function fullText(role: QueueItem['toTell'][number]): string {
  const { roleName, holders } = role;
  // The line's own words (a cut line's tooltip carries it whole); the whole reason is the mark's own tooltip.
  const added = role.addedBy ? ` · ${addedText(role.addedBy)}` : '';
  if (holders.length === 0) return `${roleName}${added} · ${t('popupNobodyInDirectory')}`;
  const emails = holders.flatMap((holder) => (holder.email ? [holder.email] : []));
  return `${roleName}${added} · ${holders.map((holder) => holder.name).join(', ')}${emails.length > 0 ? ` (${emails.join(', ')})` : ''}`;
}

/**
 * The roles still to tell, one line each: the role, who holds it for this ticket (or plainly that
 * the directory has nobody, with the way to add someone) and the "Mark notified" action.
 */
export function PeopleToNotify({ item, onMarkNotified, onAddPeople, busyRoles }: PeopleToNotifyProps) {
  if (item.toTell.length === 0) return null;
  return (
    <ul class="ew-people" aria-label={t('popupPeopleToNotify')}>
      {item.toTell.map((role) => {
        const names = holderNames(role);
        const who = names === '' ? role.roleName : `${role.roleName} · ${names}`;
        return (
          <li key={role.roleId} class="ew-person">
            <span class="ew-person-who" title={fullText(role)}>
              <span class="ew-person-role">
                {role.roleName}
                {role.addedBy ? (
                  <span class="ew-person-added" data-ew="added-by-timeout" title={addedFullText(role.addedBy)}>
                    {' · '}
                    {addedText(role.addedBy)}
                  </span>
                ) : null}
              </span>
              <span class="ew-person-sep">{' · '}</span>
              {names === '' ? (
                // Said plainly, and the way to fix it: the words open the options at People.
                <button type="button" class="ew-link ew-person-nobody" onClick={onAddPeople} aria-label={t('popupAddPeopleLabel', role.roleName)}>
                  {t('popupNobodyInDirectory')}
                </button>
              ) : (
                <span class="ew-person-name">{names}</span>
              )}
            </span>
            <button
              type="button"
              class="ew-button ew-mark"
              disabled={busyRoles.has(role.roleId)}
              aria-label={t('popupMarkNotifiedLabel', [who, item.ticket.id])}
              title={t('popupMarkNotified')}
              onClick={() => onMarkNotified(role.roleId, names === '' ? null : names)}
            >
              {t('popupMarkNotifiedShort')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The roles already told, as plain text with the time: a fact, not a button. */
export function NotifiedFacts({ item, engineerTimeZone }: { item: QueueItem; engineerTimeZone: string }) {
  if (item.notified.length === 0) return null;
  const locale = uiLanguage();
  const facts = item.notified.map(
    (told) =>
      `✓ ${t('popupNotifiedFact', [told.roleName, formatInstant(told.at, engineerTimeZone, locale, 'time')])}${told.onTicket ? ` · ${t('popupNotifiedOnTicket')}` : ''}`,
  );
  return (
    <p class="ew-notified" title={facts.join(' · ')}>
      {item.notified.map((told) => (
        <span key={told.roleId} class="ew-fact">
          <span aria-hidden="true">✓ </span>
          {t('popupNotifiedFact', [told.roleName, formatInstant(told.at, engineerTimeZone, locale, 'time')])}
          {told.onTicket ? <span class="ew-muted"> · {t('popupNotifiedOnTicket')}</span> : null}
        </span>
      ))}
    </p>
  );
}
