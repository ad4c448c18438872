import { t } from '../../lib/i18n';
import type { TicketView } from '../../lib/view-model/rendered-view';
import { stateWordKey, type ViewState } from '../../lib/view-model/state';

/** "Sev 1 · L2 · Sales Rep" (a hot account: "Sev 1 · hot account · L2 · Sales Rep"): severity, level, who that level brings in. */
export function badgeSummary(view: Pick<TicketView, 'severity' | 'level' | 'levelRoleNames'> & { hotAccount?: boolean; unread?: TicketView['unread'] }): string {
  if (view.severity === null) return t(view.unread?.includes('severity') ? 'inpageBadgeSeverityUnread' : 'inpageBadgeSeverityUnknown');
  const parts = [view.hotAccount ? t('inpageBadgeSeverityHotAccount', view.severity) : t('inpageBadgeSeverity', view.severity)];
  if (view.level > 0) parts.push(t('inpageBadgeLevelShort', view.level));
  if (view.levelRoleNames.length > 0) parts.push(view.levelRoleNames.join(', '));
  return parts.join(' · ');
}

/** The state in words, for people who cannot tell the colours apart and for screen readers: one word per state on every surface. */
export function stateLabel(state: ViewState): string {
  return t(stateWordKey(state));
}

/**
 * The ticket badge's state word: a page read that could not read the creation time or the
 * severity says that, rather than "no severity set" (issue 13).
 */
export function ticketStateLabel(view: Pick<TicketView, 'state' | 'unread'>): string {
  if (view.state === 'unknown' && view.unread.includes('createdAt')) return t('inpageStateCreatedUnknown');
  if (view.state === 'unknown' && view.unread.includes('severity')) return t('inpageStateSeverityUnread');
  return stateLabel(view.state);
}

/** How agents write the ticket's id: "#35436" on Zendesk, "OPS-42" on Jira. */
export function ticketReference(view: Pick<TicketView, 'system' | 'ticketId'>): string {
  return view.system === 'zendesk' ? `#${view.ticketId}` : view.ticketId;
}

/**
 * Whom to tell now, named: the holders of the roles still pending ("tell Jane Doe, Dana Wu"), or
 * that the directory has nobody for them; null when nobody is pending. The panel has the details.
 */
export function whoToTell(view: Pick<TicketView, 'people'>): string | null {
  const pending = view.people.filter((person) => person.pending);
  if (pending.length === 0) return null;
  const names = [...new Set(pending.flatMap((person) => person.holders.map((holder) => holder.name)))];
  if (names.length === 0) return t('inpageBadgeNobody');
  const shown = names.length > 2 ? [...names.slice(0, 2), `+${names.length - 2}`] : names;
  return t('inpageBadgeTell', shown.join(', '));
}
