import type { QueueItem } from '../../lib/queue';
import { t } from '../../lib/i18n';
import type { Policy } from '../../lib/policy/schema';
import type { PopupActions } from './popup-types';

interface PeopleToNotifyProps {
  item: QueueItem;
  policy: Policy;
  now: Date;
  actions: Pick<PopupActions, 'peopleFor'>;
  onMarkNotified: (role: string, person: string | null) => void;
  busyRoles: ReadonlySet<string>;
}

/** The roles still to notify, each with the people who hold it and a one-click "mark notified". */
export function PeopleToNotify({ item, policy, now, actions, onMarkNotified, busyRoles }: PeopleToNotifyProps) {
  const { pending } = item.evaluation;
  if (pending.length === 0) return null;
  return (
    <ul class="ew-people" aria-label={t('popupPeopleToNotify')}>
      {pending.map((role) => {
        const roleName = policy.roles[role]?.name ?? role;
        const people = actions.peopleFor(item, role, now);
        const names = people.map((person) => person.name).join(', ');
        const who = names === '' ? roleName : `${roleName} · ${names}`;
        return (
          <li key={role} class="ew-person">
            <span class="ew-person-name">{who}</span>
            <button
              type="button"
              class="ew-button ew-mark"
              disabled={busyRoles.has(role)}
              aria-label={t('popupMarkNotifiedLabel', [who, item.ticket.id])}
              title={t('popupMarkNotified')}
              onClick={() => onMarkNotified(role, names === '' ? null : names)}
            >
              {t('popupMarkNotifiedShort')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
