import { signal } from '@preact/signals';
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { PopupApp } from '../../components/popup/PopupApp';
import { PopupClockContext } from '../../components/popup/popup-clock';
import type { PopupActions, PopupData } from '../../components/popup/popup-types';
import { createSharedClock } from '../../lib/countdown';
import type { Ticket, TicketEvent } from '../../lib/engine/types';
import { evaluate } from '../../lib/engine/evaluate';
import { emptyDirectory, type Directory } from '../../lib/people';
import { defaultPolicy } from '../../lib/policy';
import { queueItemsFromRows, type QueueItem } from '../../lib/queue';
import { popupRow, sortByUrgency } from '../../lib/view-model';
import { englishWords } from '../view-model/view-fixtures';

/** Tuesday 14 July 2026, 11:00 in Los Angeles (the default office, hq): inside business hours. */
export const NOW = new Date('2026-07-14T18:00:00Z');
export const minutesFromNow = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000);

/** A clock frozen at NOW: countdowns render, nothing ticks. */
export const frozenClock = () =>
  createSharedClock({
    now: () => NOW.getTime(),
    isVisible: () => false,
    visibilityTarget: new EventTarget(),
    setTimeout: () => 0,
    clearTimeout: () => undefined,
  });

interface TicketSpec {
  id: string;
  system?: Ticket['system'];
  title?: string;
  severity: Ticket['severity'];
  openedMinutesAgo: number;
  repliedMinutesAgo?: number[];
  status?: Ticket['status'];
  office?: string | null;
}

export function watchedTicket(spec: TicketSpec): Ticket {
  const system = spec.system ?? 'zendesk';
  const createdAt = minutesFromNow(-spec.openedMinutesAgo);
  const history: TicketEvent[] = (spec.repliedMinutesAgo ?? []).map((ago) => ({ at: minutesFromNow(-ago), kind: 'publicReply' as const }));
  return {
    system,
    id: spec.id,
    url: system === 'zendesk' ? `https://acme.zendesk.com/agent/tickets/${spec.id}` : `https://acme.atlassian.net/browse/${spec.id}`,
    title: spec.title ?? `Ticket ${spec.id}`,
    createdAt,
    severity: spec.severity,
    status: spec.status ?? 'active',
    office: spec.office ?? null,
    workaround: false,
    history,
  };
}

export interface EntrySpec {
  mine?: boolean;
  organization?: string | null;
  /** Role → when it was marked notified, as stored. */
  acknowledged?: Record<string, { at: string; by: 'local' | 'ticket' }>;
  directory?: Directory;
  refreshError?: string | null;
  /** The engineer's acknowledgement timeouts (notification settings). */
  ackTimeouts?: Partial<Record<'1' | '2' | '3' | '4', number>>;
}

/** A popup row exactly as the background answers it (evaluated at NOW, resolved by the view model, through JSON). */
export function entry(ticket: Ticket, spec: EntrySpec = {}): QueueItem {
  const acknowledged = spec.acknowledged ?? {};
  const evaluation = evaluate(ticket, defaultPolicy, NOW, Object.keys(acknowledged));
  const row = popupRow(
    { key: `${ticket.system}:${ticket.id}`, ticket, evaluation, mine: spec.mine ?? false, acknowledged, refreshError: spec.refreshError ?? null },
    {
      policy: defaultPolicy,
      directory: spec.directory ?? emptyDirectory(),
      now: NOW,
      organization: spec.organization ?? null,
      words: englishWords,
      ...(spec.ackTimeouts ? { ackTimeouts: spec.ackTimeouts } : {}),
    },
  );
  return queueItemsFromRows([JSON.parse(JSON.stringify(row))])[0] as QueueItem;
}

/** The background's one order. */
export const inBackgroundOrder = (items: readonly QueueItem[]): QueueItem[] => sortByUrgency(items);

export function fakeActions(overrides: Partial<PopupActions> = {}): PopupActions {
  return {
    acknowledge: vi.fn(async () => ({ noteError: null })),
    copyText: vi.fn(async () => undefined),
    openTicket: vi.fn(async () => undefined),
    openOptions: vi.fn(async () => undefined),
    forget: vi.fn(async () => undefined),
    forgetViewTickets: vi.fn(async () => 0),
    watchViewTickets: vi.fn(async () => undefined),
    watchAgain: vi.fn(async () => undefined),
    ...overrides,
  };
}

export function renderPopup(items: QueueItem[], options: { actions?: PopupActions; data?: Partial<PopupData> } = {}) {
  const actions = options.actions ?? fakeActions();
  const data = signal<PopupData | null>({
    items,
    policy: defaultPolicy,
    mineConfigured: true,
    ackNoteMode: 'off',
    watchViewTickets: true,
    ...options.data,
  });
  const view = render(
    <PopupClockContext.Provider value={frozenClock()}>
      <PopupApp data={data} loadError={signal(null)} actions={actions} engineerTimeZone="Asia/Shanghai" />
    </PopupClockContext.Provider>,
  );
  return { ...view, actions, data };
}

/** Ticket ids in the order the popup lists them. */
export function listedIds(container: Element): string[] {
  return [...container.querySelectorAll('.ew-list-item .ew-ticket-id')].map((node) => node.textContent ?? '');
}
