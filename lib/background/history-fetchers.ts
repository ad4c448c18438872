import { fetchAllAudits } from '../helpdesks/zendesk/rest-reads';
import type { HistoryFetcher } from './history-reads';

/**
 * How the background completes a list row's read with its history. Zendesk: every page of the
 * ticket's audits (one request for up to 100 audits), joined to the show_many ticket body the page
 * sent, the same shape a ticket page reads (zendesk/rest-reads.ts). Jira has none: its list reads
 * already complete every changelog and comment page (jira/rest-reads.ts), so they arrive whole.
 */
export const historyFetchers: Partial<Record<'zendesk' | 'jira', HistoryFetcher>> = {
  zendesk: async (job, io) => {
    const { audits, users } = await fetchAllAudits(job.id, io);
    return { ticket: job.listRaw.ticket, audits, users };
  },
};
