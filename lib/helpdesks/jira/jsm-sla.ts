import { HelpdeskError, isSideReadFailure, type HelpdeskIo } from '../contract';
import { getJson } from '../http';
import { listAt, objectAt } from '../json-shape';
import { restUrl } from './rest-paths';

/**
 * Jira Service Management's own SLA clocks, read by the page and shown beside ours as a
 * cross-check ("drift"); jsm-sla-targets.ts parses them in the background. Not every service
 * project has SLAs, and agents without the JSM licence get 403: both mean "no native SLA", not
 * a failure of the ticket. Any other failure (5xx, time-out, a page not shaped as documented) is
 * a gap said in the explanation, never a failed issue (issue 13).
 */

const MAX_PAGES = 20;

/** The raw `values` of every page of GET /rest/servicedeskapi/request/{key}/sla. */
export async function fetchJsmSlaValues(key: string, io: HelpdeskIo, gaps: string[] = []): Promise<unknown[]> {
  const values: unknown[] = [];
  try {
    for (let page = 0, start = 0; page < MAX_PAGES; page++) {
      const body = objectAt(
        await getJson(restUrl(io, `/rest/servicedeskapi/request/${encodeURIComponent(key)}/sla`, { start, limit: 50 }), io),
        `${key}: SLA page`,
      );
      const pageValues = listAt(body.values, `${key}: SLA values`);
      values.push(...pageValues);
      start += pageValues.length;
      if (body.isLastPage !== false || pageValues.length === 0) break;
    }
  } catch (error) {
    if (error instanceof HelpdeskError && (error.kind === 'notFound' || error.kind === 'forbidden')) return [];
    if (!isSideReadFailure(error)) throw error;
    gaps.push(`Jira Service Management's own SLA could not be read (${error.message}), so no cross-check`);
    return [];
  }
  return values;
}
