import type { PlannedNotification } from '../alarms/due-notifications';
import { ticketFromJson } from '../engine/ticket-schema';
import {
  acknowledgementEntry,
  type AcknowledgementInput,
  noteAcknowledgements,
  raisedNotifications,
  reachedLevels,
  ticketFacts,
  withAcknowledgement,
  withLevels,
  withNotifications,
} from '../record';
import type { EscalationRecord } from '../storage/escalation-record';
import { escalationRecordItem } from '../storage/escalation-record';
import { directoryItem } from '../storage/directory-item';
import { notificationSettingsItem } from '../storage/settings';
import { type AckTimeoutMinutes, directorAddedBy, directorStillToTell, toldRoles } from '../alarms/ack-timeouts';
import { ESCALATION_DIRECTOR_ROLE } from '../people/people-for';
import { getEffectivePolicy } from '../storage/policy-source';
import type { WatchedTicket } from '../storage/watched-ticket-schema';
import { holderNames, roleToTell } from '../view-model/people';
import type { BackgroundDeps } from './deps';
import type { EvaluatedTicket } from './evaluate-store';

/**
 * Keeps the escalation record (issue 15 item 5) as the background works: after a wake, the levels
 * reached, the notifications raised and the acknowledgements read back from notes on tickets read
 * since the last wake; after "Mark notified", that acknowledgement. The record is read and written
 * only when there is something new. A failure is logged and never stops a wake or an acknowledgement.
 */

export interface WakeRecordInput {
  evaluated: readonly EvaluatedTicket[];
  planned: readonly PlannedNotification[];
  /** ticket key → notification keys recorded as shown now (levels reached, silent ones included). */
  recorded: ReadonlyMap<string, readonly string[]>;
  shown: readonly string[];
  lastCheckedAt: Date | null;
  now: Date;
  /** The engineer's acknowledgement timeouts: a note for the director one added is recorded too. */
  ackTimeouts?: AckTimeoutMinutes;
}

type RecordChange = (record: EscalationRecord) => EscalationRecord;

/** The record's changes after one wake: empty when nothing new happened. Pure. */
export function wakeRecordChanges(input: WakeRecordInput): RecordChange[] {
  const { evaluated, now } = input;
  const raised = raisedNotifications(input.planned, new Set(input.shown), now);
  const changes: RecordChange[] = [];
  for (const item of evaluated) {
    const facts = ticketFacts(item.key, item);
    const newKeys = input.recorded.get(item.key) ?? [];
    if (newKeys.length > 0 || raised.has(item.key)) {
      const levels = reachedLevels(item.evaluation);
      if (levels.length > 0) changes.push((record) => withLevels(record, facts, levels, now));
    }
    const notifications = raised.get(item.key);
    if (notifications) changes.push((record) => withNotifications(record, facts, notifications, now));
    // Notes come in with a read of the ticket: only tickets read since the last wake can bring one.
    const readSince = input.lastCheckedAt === null || Date.parse(item.entry.fetchedAt) >= input.lastCheckedAt.getTime();
    if (readSince) {
      const added = directorAddedBy(item.evaluation, input.ackTimeouts, now, toldRoles(item.ticket, item.entry.acknowledged));
      const director = added ? { role: ESCALATION_DIRECTOR_ROLE, level: added.level, startedAt: added.levelStartedAt } : undefined;
      for (const ack of noteAcknowledgements(item, director)) changes.push((record) => withAcknowledgement(record, facts, ack, now));
    }
  }
  return changes;
}

async function applyChanges(deps: Pick<BackgroundDeps, 'ports'>, changes: readonly RecordChange[]): Promise<void> {
  if (changes.length === 0) return;
  try {
    await escalationRecordItem.update((record) => changes.reduce((next, change) => change(next), record));
  } catch (error) {
    deps.ports.log('escalation record not written', error);
  }
}

export async function recordWakeEscalations(deps: Pick<BackgroundDeps, 'ports'>, input: WakeRecordInput): Promise<void> {
  let changes: RecordChange[] = [];
  try {
    changes = wakeRecordChanges(input);
  } catch (error) {
    deps.ports.log('escalation record: the wake could not be recorded', error);
  }
  await applyChanges(deps, changes);
}

/**
 * One acknowledgement, as the engineer made it. Who was told: the name they gave, else the
 * directory's holders of the role for this ticket at that instant.
 */
export async function recordAcknowledgementOf(
  deps: Pick<BackgroundDeps, 'ports' | 'policyParsing' | 'evaluate'>,
  key: string,
  entry: WatchedTicket,
  input: Omit<AcknowledgementInput, 'person'> & { person?: string | undefined },
): Promise<void> {
  try {
    const [policy, directory, notifications] = await Promise.all([
      getEffectivePolicy(deps.policyParsing),
      directoryItem.get(),
      notificationSettingsItem.get(),
    ]);
    const ticket = ticketFromJson(entry.ticket);
    // The evaluation as it was before this acknowledgement: the role's level and its start.
    const evaluation = deps.evaluate(ticket, policy.policy, input.at, []);
    const people = { policy: policy.policy, directory, now: input.at, organization: entry.organization ?? null };
    const person = input.person ?? (holderNames(roleToTell(people, evaluation, input.role)) || null);
    // The Escalation Director an acknowledgement timeout added: recorded at the level that timed out.
    const added =
      input.role === ESCALATION_DIRECTOR_ROLE
        ? directorStillToTell(evaluation, notifications.ackTimeoutMinutes, input.at, toldRoles(ticket, entry.acknowledged))
        : null;
    const ack = acknowledgementEntry(evaluation, {
      ...input,
      person,
      ...(added ? { addedBy: { level: added.level, startedAt: added.levelStartedAt } } : {}),
    });
    const facts = ticketFacts(key, { ticket, evaluation });
    await applyChanges(deps, [(record) => withAcknowledgement(record, facts, ack, input.at)]);
  } catch (error) {
    deps.ports.log(`escalation record: acknowledgement of ${key} ${input.role} not recorded`, error);
  }
}
