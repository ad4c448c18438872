import { HelpdeskError, type HelpdeskIo, type NativeSlaTarget } from '../contract';
import { getJson } from '../http';
import { restUrl } from './rest-paths';
import { jsmSlaPageSchema, type JsmSlaPage } from './schemas';

/**
 * Jira Service Management's own SLA clocks, shown beside ours as a cross-check ("drift").
 * Not every service project has SLAs, and agents without the JSM licence get 403: both mean
 * "no native SLA", not a failure of the ticket.
 */

const MAX_PAGES = 20;

export async function fetchJsmSlas(key: string, io: HelpdeskIo): Promise<NativeSlaTarget[]> {
  const targets: NativeSlaTarget[] = [];
  try {
    for (let page = 0, start = 0; page < MAX_PAGES; page++) {
      const body = await getJson(
        restUrl(io, `/rest/servicedeskapi/request/${encodeURIComponent(key)}/sla`, { start, limit: 50 }),
        io,
        { schema: jsmSlaPageSchema },
      );
      targets.push(...body.values.map(slaTarget));
      start += body.values.length;
      if (body.isLastPage !== false || body.values.length === 0) break;
    }
  } catch (error) {
    if (error instanceof HelpdeskError && (error.kind === 'notFound' || error.kind === 'forbidden')) return [];
    throw error;
  }
  return targets;
}

/** The running cycle, else the last completed one (e.g. a met "Time to first response"). */
function slaTarget(value: JsmSlaPage['values'][number]): NativeSlaTarget {
  const cycle = value.ongoingCycle ?? value.completedCycles.at(-1);
  return {
    name: value.name,
    breachAt: cycle?.breachTime ?? null,
    paused: value.ongoingCycle?.paused ?? false,
    breached: cycle?.breached ?? false,
  };
}
