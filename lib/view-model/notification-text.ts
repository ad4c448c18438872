import type { AlarmEvent, AlarmTicket } from '../alarms/alarm-events';
import type { PlannedNotification } from '../alarms/due-notifications';
import type { MessageKey } from '../i18n/t';
import type { Directory } from '../people';
import type { Policy } from '../policy/schema';
import { roleName, roleToTell, type Holder } from './people';

/**
 * The words of a notification: title with the ticket and what happened, body with what is due
 * and the people to notify, resolved through the directory. Pure: text comes from the `t`
 * passed in (browser.i18n in the extension, the catalog in tests).
 */

export type Translate = (key: MessageKey, substitutions?: string[]) => string;

export interface ContentContext {
  t: Translate;
  policy: Policy;
  directory: Directory;
  now: Date;
  /** The engineer's local time of day, e.g. "14:02". */
  formatTime: (instant: Date) => string;
}

export interface NotificationContent {
  id: string;
  title: string;
  message: string;
  /** The ticket's title, shown smaller (plain text; notifications never render HTML). */
  contextMessage?: string;
  ticketKey: string | null;
  url: string | null;
  /** Sev 1 stays on screen until dismissed. */
  requireInteraction: boolean;
  /** Offer "Mark notified" (roles pending) — browsers without buttons ignore it. */
  canMarkNotified: boolean;
}

export function ticketLabel(ticket: AlarmTicket['ticket']): string {
  return ticket.system === 'zendesk' ? `#${ticket.id}` : ticket.id;
}

function holderText(holder: Holder): string {
  return holder.email ? `${holder.name} (${holder.email})` : holder.name;
}

/** "Sales Rep: Jane Doe (jane@example.com)" per pending role, or that the directory has nobody. */
export function peopleLines(item: AlarmTicket, roles: readonly string[], ctx: ContentContext): string[] {
  const people = { policy: ctx.policy, directory: ctx.directory, now: ctx.now, organization: item.organization ?? null };
  return roles.map((role) => {
    const { roleName: name, holders } = roleToTell(people, item.evaluation, role);
    const who = holders.length > 0 ? holders.map(holderText).join(', ') : ctx.t('notifNobodyListed');
    return ctx.t('notifPersonLine', [name, who]);
  });
}

function levelRolesText(event: AlarmEvent, ctx: ContentContext): string {
  const roles = event.level?.notify ?? [];
  return roles.length > 0 ? roles.map((r) => roleName(ctx.policy, r)).join(', ') : (event.level?.name ?? '');
}

function eventTitle(item: AlarmTicket, event: AlarmEvent, ctx: ContentContext): string {
  const label = ticketLabel(item.ticket);
  const at = ctx.formatTime(event.deadline);
  switch (event.kind) {
    case 'level':
      return ctx.t('notifLevelTitle', [label, String(event.level?.level ?? ''), levelRolesText(event, ctx)]);
    case 'warn-level':
      return ctx.t('notifWarnLevelTitle', [label, String(event.level?.level ?? ''), at]);
    case 'response':
      return ctx.t('notifResponseTitle', [label]);
    case 'update':
      return ctx.t('notifUpdateTitle', [label]);
    case 'warn-update':
      return ctx.t(item.evaluation.updateRule === 'response' ? 'notifWarnResponseTitle' : 'notifWarnUpdateTitle', [label, at]);
    case 'reminder':
      return ctx.t('notifReminderTitle', [label]);
    case 'ack-timeout':
      return ctx.t('notifAckTimeoutTitle', [label, String(event.ackTimeout?.minutes ?? ''), String(event.level?.level ?? '')]);
  }
}

function eventBody(item: AlarmTicket, event: AlarmEvent, ctx: ContentContext): string {
  const lines: string[] = [];
  const pending = item.evaluation.pending;
  if (event.kind === 'level' && pending.length > 0) lines.push(ctx.t('notifNotifyNow'), ...peopleLines(item, pending, ctx));
  // A reminder names everyone still to tell, the director a passed timeout added included.
  const reminded = event.roles ?? pending;
  if (event.kind === 'reminder' && reminded.length > 0) lines.push(ctx.t('notifNotifyNow'), ...peopleLines(item, reminded, ctx));
  if (event.kind === 'ack-timeout' && event.ackTimeout) {
    lines.push(ctx.t(event.ackTimeout.directorAdded ? 'notifAckTimeoutDirectorAdded' : 'notifNotifyNow'), ...peopleLines(item, event.ackTimeout.roles, ctx));
  }
  if (event.kind === 'warn-level' && event.level) {
    lines.push(ctx.t('notifWillNotify'), ...peopleLines(item, event.level.notify, ctx));
  }
  const due = item.evaluation.nextUpdateDueAt;
  if (due && event.kind !== 'update' && event.kind !== 'response' && event.kind !== 'warn-update') {
    lines.push(ctx.t('notifNextUpdate', [ctx.formatTime(due)]));
  }
  return lines.join('\n');
}

function summaryLine(item: AlarmTicket, event: AlarmEvent, ctx: ContentContext): string {
  const label = ticketLabel(item.ticket);
  const level = String(event.level?.level ?? '');
  const what =
    event.kind === 'level'
      ? ctx.t('notifSummaryLevel', [label, level])
      : event.kind === 'ack-timeout'
        ? ctx.t('notifSummaryAckTimeout', [label, level])
        : ctx.t(event.kind === 'response' ? 'notifSummaryResponse' : 'notifSummaryUpdate', [label]);
  return ctx.t('notifSummaryLine', [what, ctx.formatTime(event.at)]);
}

const SUMMARY_LINES = 4;

export function renderNotification(plan: PlannedNotification, ctx: ContentContext): NotificationContent {
  if (plan.kind === 'summary') {
    const lines = plan.events.slice(0, SUMMARY_LINES).map(({ event, ticket }) => summaryLine(ticket, event, ctx));
    if (plan.events.length > SUMMARY_LINES) lines.push(ctx.t('notifSummaryMore', [String(plan.events.length - SUMMARY_LINES)]));
    return {
      id: plan.id,
      title: ctx.t('notifSummaryTitle', [String(plan.events.length)]),
      message: lines.join('\n'),
      ticketKey: null,
      url: null,
      requireInteraction: plan.events.some(({ ticket }) => ticket.evaluation.severity === 1),
      canMarkNotified: false,
    };
  }
  const { event, ticket } = plan;
  return {
    id: plan.id,
    title: eventTitle(ticket, event, ctx),
    message: eventBody(ticket, event, ctx),
    contextMessage: ticket.ticket.title,
    ticketKey: ticket.key,
    url: ticket.ticket.url,
    requireInteraction: ticket.evaluation.severity === 1,
    canMarkNotified:
      event.kind === 'reminder'
        ? (event.roles ?? ticket.evaluation.pending).length > 0
        : event.kind === 'ack-timeout'
          ? (event.ackTimeout?.roles.length ?? 0) > 0
          : ticket.evaluation.pending.length > 0 && event.kind === 'level',
  };
}
