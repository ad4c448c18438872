import type { PopupRow } from '../messages/popup-row';
import { currentUsersItem, type CurrentUsers } from '../storage/current-users';
import { directoryItem } from '../storage/directory-item';
import { getEffectivePolicy } from '../storage/policy-source';
import { generalSettingsItem, type GeneralSettings } from '../storage/settings';
import type { WatchedTicket } from '../storage/watched-ticket-schema';
import { watchedTicketsItem } from '../storage/watched-tickets';
import { popupRow } from '../view-model/popup-row';
import { nextTicketViewChangeAt } from '../view-model/ticket-view';
import { notificationSettingsItem } from '../storage/settings';
import { sortByUrgency } from '../view-model/urgency';
import type { BackgroundDeps } from './deps';
import { evaluateStoreShown } from './evaluate-store';
import { viewWords } from './view-words';

/**
 * Assigned to the engineer: by who the helpdesk says the engineer is (users/me, myself, learned
 * per origin), or by the identity given in the settings ("mine only").
 */
export function isMine(entry: WatchedTicket, general: GeneralSettings, currentUsers: CurrentUsers = {}): boolean {
  if (entry.assignee === undefined) return false;
  if (currentUsers[entry.origin] === entry.assignee) return true;
  const { email, zendeskUserId, jiraAccountId } = general.mine;
  return [email, zendeskUserId, jiraAccountId].some((id) => id !== null && id === entry.assignee);
}

export interface PopupList {
  /** Most urgent first, in the one order (lib/view-model/urgency.ts). */
  rows: PopupRow[];
  evaluatedAt: string;
  /** The next instant a row's state can change without new data: the popup asks again then. */
  refreshAt: string | null;
}

/**
 * The popup's list: every watched ticket evaluated once, here, and turned into rows by the view
 * model; the popup renders them as they are. A ticket that cannot be evaluated is logged and left out.
 */
export async function popupList(deps: Pick<BackgroundDeps, 'evaluate' | 'ports' | 'policyParsing'>): Promise<PopupList> {
  const now = deps.ports.now();
  const [store, policy, general, directory, currentUsers, notifications] = await Promise.all([
    watchedTicketsItem.get(),
    getEffectivePolicy(deps.policyParsing),
    generalSettingsItem.get(),
    directoryItem.get(),
    currentUsersItem.get(),
    notificationSettingsItem.get(),
  ]);
  const ackTimeouts = notifications.ackTimeoutMinutes;
  const evaluated = sortByUrgency(evaluateStoreShown(store, policy.policy, now, deps, ackTimeouts));
  const words = viewWords(deps.ports);
  const rows = evaluated.map((item) =>
    popupRow(
      {
        key: item.key,
        ticket: item.ticket,
        evaluation: item.evaluation,
        mine: isMine(item.entry, general, currentUsers),
        acknowledged: item.entry.acknowledged,
        refreshError: item.entry.refreshError?.message ?? null,
        fromView: item.entry.via === 'view',
      },
      { policy: policy.policy, directory, now, organization: item.ticket.organization ?? item.entry.organization ?? null, words, ackTimeouts },
    ),
  );
  const changes = evaluated
    // An acknowledgement timeout passing adds the Escalation Director to a row: ask again then too.
    .map((item) => nextTicketViewChangeAt(item.evaluation, ackTimeouts, now)?.getTime())
    .filter((at): at is number => at !== undefined);
  return {
    rows,
    evaluatedAt: now.toISOString(),
    refreshAt: changes.length > 0 ? new Date(Math.min(...changes)).toISOString() : null,
  };
}
