import { TZDate } from '@date-fns/tz';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { policySchema, type Policy } from '../../lib/policy/schema';
import type { Severity, Status, Ticket, TicketEvent } from '../../lib/engine/types';

/** The sample policy of shared/ (test/fixtures copy): its holiday lists are small and known. */
export const samplePolicy: Policy = policySchema.parse(
  JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/policy.sample.json', import.meta.url)), 'utf8')),
);

export const ZONES: Record<string, string> = {
  hq: 'America/Los_Angeles',
  shanghai: 'Asia/Shanghai',
  taichung: 'Asia/Taipei',
  singapore: 'Asia/Singapore',
  malaysia: 'Asia/Kuala_Lumpur',
};

export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** `local('hq', '2026-03-06 17:59')`: the instant an office wall clock shows that time (via @date-fns/tz, not the engine). */
export function local(office: string, wall: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(wall);
  const zone = ZONES[office];
  if (!match || !zone) throw new Error(`bad local time ${office} ${wall}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, zone).getTime());
}

export function plus(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

export interface TicketSketch {
  office?: string | null;
  createdAt: Date;
  severity?: Severity | null;
  status?: Status;
  workaround?: boolean;
  history?: TicketEvent[];
}

/** A ticket as a mapper would build it; history defaults to the initial severity at createdAt. */
export function ticket(sketch: TicketSketch): Ticket {
  const severity = sketch.severity === undefined ? 3 : sketch.severity;
  return {
    system: 'zendesk',
    id: '4242',
    url: 'https://acme.zendesk.com/agent/tickets/4242',
    title: 'Reports time out',
    createdAt: sketch.createdAt,
    severity,
    status: sketch.status ?? 'active',
    office: sketch.office === undefined ? 'hq' : sketch.office,
    workaround: sketch.workaround ?? false,
    history: sketch.history ?? [{ at: sketch.createdAt, kind: 'severity', to: severity }],
  };
}

export const sev = (at: Date, to: Severity | null): TicketEvent => ({ at, kind: 'severity', to });
export const status = (at: Date, to: Status): TicketEvent => ({ at, kind: 'status', to });
export const reply = (at: Date): TicketEvent => ({ at, kind: 'publicReply' });
export const workaround = (at: Date): TicketEvent => ({ at, kind: 'workaround' });
export const notified = (at: Date, role: string): TicketEvent => ({ at, kind: 'notified', role });
