import { defaultPolicy, evaluate, ticketFromZendesk, type Evaluation, type Ticket } from '../lib/index';
import type { Directory } from '../lib/people';
import { holderNames, rolesToTell } from '../lib/view-model/people';
import { simRequest } from '../test/simulator/client';
import { sampleTickets } from '../test/simulator/seed';
import type { HelpdeskSimulator } from '../test/simulator/server';

/**
 * What the engine says of each sample ticket at `now`, from the same REST bodies the extension
 * reads (the ticket and every audit): the demo's table, and what the browser tests compare every
 * surface with. One computation for both.
 */

export const DEMO_HOST = 'acme.zendesk.com';

export interface SampleTruth {
  id: string;
  ticket: Ticket;
  evaluation: Evaluation;
}

export async function sampleTruth(sim: HelpdeskSimulator, now: Date, ids = sampleTickets().map((seed) => String(seed.id))): Promise<SampleTruth[]> {
  const get = (path: string) => simRequest(sim.port, DEMO_HOST, path).then((res) => res.json<Record<string, unknown>>());
  const out: SampleTruth[] = [];
  for (const id of ids) {
    const { ticket, users } = (await get(`/api/v2/tickets/${id}.json?include=users`)) as { ticket: object; users: object[] };
    const { audits } = (await get(`/api/v2/tickets/${id}/audits.json?include=users`)) as { audits: object[] };
    const mapped = ticketFromZendesk({ ticket, audits, users });
    out.push({ id, ticket: mapped, evaluation: evaluate(mapped, defaultPolicy, now) });
  }
  return out;
}

/** The demo's table rows; with a directory, whom to tell is named as every surface names them (lib/view-model). */
export function sampleTable(truth: readonly SampleTruth[], directory?: Directory, now = new Date()): Array<Record<string, string | number>> {
  const organizations = new Map(sampleTickets().map((seed) => [String(seed.id), seed.organization]));
  return truth.map(({ id, ticket, evaluation }) => {
    const people = { policy: defaultPolicy, directory: directory ?? { roles: {}, salesReps: [], directorRotations: {} }, now };
    const toTell = rolesToTell({ ...people, organization: ticket.organization ?? organizations.get(id) ?? null }, evaluation, evaluation.pending);
    const notify = toTell.map((role) => `${role.roleName}: ${holderNames(role) || 'nobody in the directory'}`).join('; ');
    const next = [evaluation.nextLevel?.at, evaluation.nextUpdateDueAt]
      .filter((d): d is Date => d instanceof Date)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    return {
      ticket: `#${ticket.id}`,
      sev: ticket.severity ?? '?',
      office: ticket.office ?? defaultPolicy.defaultOffice,
      state: evaluation.state,
      level: evaluation.level ? `${evaluation.level} ${evaluation.levelId}` : '-',
      'next deadline (UTC)': next ? next.toISOString().slice(0, 16).replace('T', ' ') : '-',
      notify: (directory ? notify : evaluation.pending.join(', ')) || '-',
    };
  });
}
