import type { Evaluation, HelpdeskSystem, Ticket } from '../engine/types';
import type { FetchedTicket, HelpdeskIo } from '../helpdesks/contract';
import type { HistoryBudget, HistoryFetcher } from './history-reads';
import type { Policy } from '../policy/schema';
import type { PolicyParsing } from '../storage/policy-source';
import type { StoreLimits } from '../storage/watched-store';
import type { BackgroundPorts } from './ports';
import type { RefreshLimits } from './refresh-plan';

/** A helpdesk's fetchTicket with its field mapping (stored JSON, null → default) parsed inside. */
export type TicketFetcher = (id: string, io: HelpdeskIo, mappingJson: unknown) => Promise<FetchedTicket>;

export interface BackgroundDeps {
  ports: BackgroundPorts;
  policyParsing: PolicyParsing;
  evaluate: (ticket: Ticket, policy: Policy, now: Date, acknowledged: readonly string[]) => Evaluation;
  fetchers: Partial<Record<HelpdeskSystem, TicketFetcher>>;
  /** Completes a list row's read with its history (history-fetchers.ts); absent → rows stay "checking". */
  historyFetchers?: Partial<Record<HelpdeskSystem, HistoryFetcher>>;
  /** Timer for waits inside the background (the history budget); defaults to setTimeout. */
  setTimer?: (callback: () => void, ms: number) => () => void;
  limits?: {
    store?: Partial<StoreLimits>;
    refresh?: RefreshLimits;
    history?: HistoryBudget;
    /** See dueNotifications: a deadline due longer ago than this after the last check was slept through. */
    sleepGapMs?: number;
  };
}

/** The one browser.alarms entry: re-armed for the next instant after every wake. */
export const WAKE_ALARM = 'escalation-watch:wake';
