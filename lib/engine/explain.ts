import type { OfficeCalendar } from '../calendar';
import { roleListText, type CompiledPolicy, type CompiledSeverity, type CumulativeRoles, type Target } from './compiled-policy';
import { countedLine, OfficeTimeText } from './office-time-text';
import type { TicketHistoryAtNow } from './ticket-history';
import type { Severity, Status, UpdateRule } from './types';

/**
 * The evaluation's explanation: short lines a person can read, times in the office's zone
 * ("Sev 1 since 14:02 (raised from Sev 3, clock restarted)", "level 3 at 18:02"). Everything
 * here is already computed by evaluate; this only turns numbers into words, cheaply.
 */

export interface ExplanationFacts {
  cal: OfficeCalendar;
  nowMs: number;
  compiled: CompiledPolicy;
  history: TicketHistoryAtNow;
  severity: Severity;
  severityPolicy: CompiledSeverity;
  countedMs: number;
  countedKind: 'wall' | 'business';
  /** Index into compiled.levels of the level reached. */
  levelIndex: number;
  /** Start of each level on the current clock (NaN: unscheduled or unknown). */
  levelAt: readonly number[];
  /** -1 when there is no next level. */
  nextLevelIndex: number;
  responseDueAt: number;
  updateDueAt: number;
  updateRule: UpdateRule | null;
  updateTarget: Target | null;
  /** The roles due so far (notify, onRequest and their display texts). */
  roles: CumulativeRoles;
  /** roles.notify minus the acknowledged, in the same order. */
  pending: readonly string[];
}

// Fixed phrases built once, so a line is a few concatenations (the engine's budget is µs).
const SEVERITIES = [1, 2, 3, 4] as const;
const SEV_SINCE = SEVERITIES.map((severity) => `Sev ${severity} since `);
const RAISED_FROM = SEVERITIES.map((severity) => ` (raised from Sev ${severity}, clock restarted)`);
const LEVEL_NUMBERS = Array.from({ length: 16 }, (_, index) => index + 1);
const LEVEL_SINCE = LEVEL_NUMBERS.map((level) => `level ${level} since `);
const LEVEL_AT = LEVEL_NUMBERS.map((level) => `level ${level} at `);

const STATUS_WORDS: Record<Status, string> = {
  active: 'active',
  waiting: 'waiting on customer',
  solved: 'solved',
};

export function explainEvaluation(facts: ExplanationFacts): string[] {
  const { cal, history, severity, severityPolicy } = facts;
  const text = new OfficeTimeText(cal, facts.nowMs);
  const lines: string[] = [];

  const clockReason = clockReasonText(history);
  const sevSince = SEV_SINCE[severity - 1] ?? `Sev ${severity} since `;
  if (history.severitySince > history.clockStart && history.severityBefore !== null) {
    lines.push(`${sevSince}${text.instant(history.severitySince)} (lowered from Sev ${history.severityBefore}, clock kept)`);
    lines.push('clock since ' + text.instant(history.clockStart) + clockReason);
  } else {
    lines.push(sevSince + text.instant(history.clockStart) + clockReason);
  }

  if (!severityPolicy.hasDeadlines) {
    lines.push(`no response, escalation or update deadlines for Sev ${severity}`);
    pushStatusLine(lines, history, text);
    return lines;
  }

  lines.push(countedLine(facts.countedMs, facts.countedKind));
  lines.push(
    (LEVEL_SINCE[facts.levelIndex] ?? `level ${facts.levelIndex + 1} since `) +
      text.instant(facts.levelAt[facts.levelIndex] ?? history.clockStart),
  );
  if (facts.nextLevelIndex >= 0) {
    const nextAt = facts.levelAt[facts.nextLevelIndex] ?? Number.NaN;
    lines.push(
      Number.isNaN(nextAt)
        ? `level ${facts.nextLevelIndex + 1} on hold while paused`
        : (LEVEL_AT[facts.nextLevelIndex] ?? `level ${facts.nextLevelIndex + 1} at `) + text.instant(nextAt),
    );
  }
  pushStatusLine(lines, history, text);

  if (severityPolicy.response) {
    const due = Number.isNaN(facts.responseDueAt)
      ? `response due after the pause (${severityPolicy.response.text} counted)`
      : 'response due ' + text.instant(facts.responseDueAt);
    const replied = Number.isNaN(history.respondedAt) ? ' · no reply yet' : ' · responded ' + text.instant(history.respondedAt);
    lines.push(due + replied);
  }
  if (facts.updateRule !== null && !Number.isNaN(facts.updateDueAt)) {
    const overdue = facts.nowMs >= facts.updateDueAt;
    const when = (overdue ? 'update overdue since ' : 'next update due ') + text.instant(facts.updateDueAt);
    lines.push(when + updateRuleText(facts, text));
  }

  if (facts.roles.notify.length > 0) lines.push(notifyLineOf(facts.roles, facts.pending, facts.compiled.roleNames));
  if (facts.roles.onRequest.length > 0) lines.push(`on request: ${facts.roles.onRequestText}`);
  return lines;
}

/** Bit masks of pending roles fit in 31 bits; a longer role list is not cached. */
const MAX_MASKED_ROLES = 31;

/** "notify Sales Rep, CTO (not yet acknowledged: CTO)", reused per set of pending roles. */
function notifyLineOf(roles: CumulativeRoles, pending: readonly string[], roleNames: ReadonlyMap<string, string>): string {
  const notify = roles.notify;
  if (notify.length > MAX_MASKED_ROLES) return notifyLineText(roles, pending, roleNames);
  // pending keeps notify's order, so one merge-like walk finds its members.
  let mask = 0;
  for (let i = 0, j = 0; i < notify.length && j < pending.length; i++) {
    if (notify[i] === pending[j]) {
      mask |= 1 << i;
      j++;
    }
  }
  let line = roles.notifyLines.get(mask);
  if (line === undefined) {
    line = notifyLineText(roles, pending, roleNames);
    roles.notifyLines.set(mask, line);
  }
  return line;
}

function notifyLineText(roles: CumulativeRoles, pending: readonly string[], roleNames: ReadonlyMap<string, string>): string {
  const acknowledgement =
    pending.length === 0
      ? 'all acknowledged'
      : pending.length === roles.notify.length
        ? 'none acknowledged yet'
        : `not yet acknowledged: ${roleListText(pending, roleNames)}`;
  return `notify ${roles.notifyText} (${acknowledgement})`;
}

export function explainUnknownSeverity(cal: OfficeCalendar, nowMs: number, history: TicketHistoryAtNow, unreadable = false): string[] {
  const text = new OfficeTimeText(cal, nowMs);
  const lines = [unreadable ? 'severity not readable from the page (the helpdesk API could not be read): no clock runs until it is' : 'no severity set: no clock runs until one is'];
  if (history.severityBefore !== null) lines.push(`severity cleared at ${text.instant(history.severitySince)} (was Sev ${history.severityBefore})`);
  pushStatusLine(lines, history, text);
  return lines;
}

/** A page read that could not tell when the ticket was opened: no clock, and why is in the ticket's gaps. */
export function explainUnknownCreation(cal: OfficeCalendar, nowMs: number, history: TicketHistoryAtNow): string[] {
  const lines = ['opened at an unknown time (the helpdesk API could not be read): no clock runs until it is known'];
  pushStatusLine(lines, history, new OfficeTimeText(cal, nowMs));
  return lines;
}

/** " (raised from Sev 3, clock restarted)", with its leading space and parentheses. */
function clockReasonText(history: TicketHistoryAtNow): string {
  if (history.clockStartReason === 'raised') {
    return (history.raisedFrom !== null ? RAISED_FROM[history.raisedFrom - 1] : undefined) ?? ' (raised, clock restarted)';
  }
  if (history.clockStartReason === 'set') return ' (severity set, clock started)';
  return ' (ticket opened)';
}

function pushStatusLine(lines: string[], history: TicketHistoryAtNow, text: OfficeTimeText): void {
  if (Number.isNaN(history.pausedSince)) return;
  lines.push(
    history.status === 'solved'
      ? `solved since ${text.instant(history.statusSince)} (clocks stopped)`
      : `paused: ${STATUS_WORDS[history.status]} since ${text.instant(history.pausedSince)} (deadlines move later while paused)`,
  );
}

/** " (1 h after the reply at 14:20)", with its leading space and parentheses. */
function updateRuleText(facts: ExplanationFacts, text: OfficeTimeText): string {
  if (facts.updateRule === 'response') return ' (the first response)';
  const cadence = facts.updateTarget ? facts.updateTarget.text : '';
  const workaround = facts.updateRule === 'afterWorkaround' ? ', workaround given)' : ')';
  return ' (' + cadence + ' after the reply at ' + text.instant(facts.history.lastReplyAt) + workaround;
}
