import type { Severity, Status, Ticket, TicketEvent } from '../lib/engine/types';

/**
 * Deterministic synthetic tickets for the benchmark: mixed severities (including unset), all
 * offices, 20 history events each on whole minutes, some of them after `now`. Realistic shape:
 * the initial severity at creation, then raises and lowerings, waiting/solved spells, public
 * replies, workarounds and notification records.
 */

export interface GeneratedCase {
  ticket: Ticket;
  now: Date;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const YEAR_START = Date.UTC(2026, 0, 5);
const YEAR_SPAN_MINUTES = (350 * DAY) / MINUTE;
const ROLES = ['sales-rep', 'district-sales-manager', 'escalation-director', 'cto'] as const;

/** mulberry32: tiny, fast, good enough to spread test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function generateCases(count: number, offices: readonly string[], seed = 20260301, eventsPerTicket = 20): GeneratedCase[] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const cases: GeneratedCase[] = [];
  for (let n = 0; n < count; n++) {
    const createdAt = YEAR_START + Math.floor(random() * YEAR_SPAN_MINUTES) * MINUTE;
    // Ages from minutes to a few weeks: short-lived Sev 1s and long Sev 3s both matter.
    const ageMinutes = Math.floor(random() ** 2 * 21 * 24 * 60);
    const now = createdAt + ageMinutes * MINUTE;
    const spanMinutes = Math.max(eventsPerTicket, Math.floor(ageMinutes * 1.1));

    const initial: Severity | null = random() < 0.03 ? null : pick([1, 2, 3, 4, 3, 2] as const);
    const times: number[] = [];
    for (let i = 1; i < eventsPerTicket; i++) times.push(createdAt + Math.floor(random() * spanMinutes) * MINUTE);
    times.sort((a, b) => a - b);

    const history: TicketEvent[] = [{ at: new Date(createdAt), kind: 'severity', to: initial }];
    let severity = initial;
    let status: Status = 'active';
    let workaround = false;
    for (const at of times) {
      const roll = random();
      let event: TicketEvent;
      if (roll < 0.1) {
        severity = random() < 0.05 ? null : pick([1, 2, 3, 4] as const);
        event = { at: new Date(at), kind: 'severity', to: severity };
      } else if (roll < 0.35) {
        status = status === 'active' ? (random() < 0.75 ? 'waiting' : 'solved') : 'active';
        event = { at: new Date(at), kind: 'status', to: status };
      } else if (roll < 0.8) {
        event = { at: new Date(at), kind: 'publicReply' };
      } else if (roll < 0.85) {
        workaround = true;
        event = { at: new Date(at), kind: 'workaround' };
      } else {
        event = { at: new Date(at), kind: 'notified', role: pick(ROLES) };
      }
      history.push(event);
    }
    cases.push({
      ticket: {
        system: n % 3 === 0 ? 'jira' : 'zendesk',
        id: n % 3 === 0 ? `OPS-${n}` : String(30_000 + n),
        url: `https://acme.example/tickets/${n}`,
        title: `Synthetic ticket ${n}`,
        createdAt: new Date(createdAt),
        severity,
        status,
        office: offices[n % offices.length] ?? null,
        workaround,
        history,
      },
      now: new Date(now),
    });
  }
  return cases;
}
