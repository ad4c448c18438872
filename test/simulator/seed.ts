/**
 * Seed tickets for the helpdesk simulator, in helpdesk-neutral terms. Instants are minutes
 * relative to the simulator's anchor (negative = in the past), so "advancing the clock" moves
 * the anchor back and every ticket looks older to a browser that reads the real time.
 */

export type SimPriority = 'urgent' | 'high' | 'normal' | 'low' | null;
export type SimStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';

export type SimEvent =
  | { atMin: number; type: 'priority'; to: SimPriority }
  | { atMin: number; type: 'status'; to: SimStatus }
  | { atMin: number; type: 'agentReply'; body: string }
  | { atMin: number; type: 'customerComment'; body: string }
  | { atMin: number; type: 'internalNote'; body: string }
  | { atMin: number; type: 'tags'; add: string[]; remove?: string[] };

export interface SimTicket {
  /** Zendesk id; the Jira key is derived (SUP-<id mod 10000>). */
  id: number;
  subject: string;
  organization: string;
  createdMin: number;
  /** Values at creation; events change them. */
  priority: SimPriority;
  status: SimStatus;
  tags: string[];
  events: SimEvent[];
}

export const OFFICES = ['hq', 'shanghai', 'taichung', 'singapore', 'malaysia'] as const;

export function jiraKeyOf(ticket: SimTicket): string {
  return `SUP-${ticket.id % 10000}`;
}

/** The current value of every field after all events at or before `atMin`. */
export function currentState(ticket: SimTicket, atMin = Number.POSITIVE_INFINITY) {
  let priority = ticket.priority;
  let status = ticket.status;
  const tags = new Set(ticket.tags);
  for (const event of ticket.events) {
    if (event.atMin > atMin) continue;
    if (event.type === 'priority') priority = event.to;
    if (event.type === 'status') status = event.to;
    if (event.type === 'tags') {
      event.add.forEach((tag) => tags.add(tag));
      event.remove?.forEach((tag) => tags.delete(tag));
    }
  }
  return { priority, status, tags: [...tags] };
}

/** A hand-picked set covering every severity, level, office and state. */
export function sampleTickets(): SimTicket[] {
  return [
    {
      id: 35436,
      subject: 'Production database cluster down after upgrade',
      organization: 'Globex',
      createdMin: -130,
      priority: 'urgent',
      status: 'new',
      tags: ['office_hq'],
      events: [
        { atMin: -125, type: 'status', to: 'open' },
        { atMin: -20, type: 'agentReply', body: 'We are restoring the replica set; next update within the hour.' },
      ],
    },
    {
      id: 35437,
      subject: 'Checkout API returns 502 for all EU customers',
      organization: 'Initech',
      createdMin: -250,
      priority: 'urgent',
      status: 'open',
      tags: ['office_shanghai'],
      events: [
        { atMin: -240, type: 'agentReply', body: 'Investigating the load balancer logs.' },
        { atMin: -180, type: 'internalNote', body: 'Checked LB config, nothing obvious.' },
        { atMin: -90, type: 'agentReply', body: 'Root cause isolated, fix in progress.' },
      ],
    },
    {
      id: 35438,
      subject: 'Report export is very slow',
      organization: 'Umbrella',
      createdMin: -300,
      priority: 'high',
      status: 'open',
      tags: ['office_taichung'],
      events: [
        { atMin: -280, type: 'agentReply', body: 'Can you send us the export job id?' },
        { atMin: -279, type: 'status', to: 'pending' },
      ],
    },
    {
      id: 35439,
      subject: 'Installer fails on a non-default path',
      organization: 'Hooli',
      createdMin: -3 * 24 * 60,
      priority: 'normal',
      status: 'open',
      tags: ['office_singapore'],
      events: [{ atMin: -3 * 24 * 60 + 30, type: 'agentReply', body: 'Thanks, reproducing now.' }],
    },
    {
      id: 35440,
      subject: 'How do I rotate API keys?',
      organization: 'Stark',
      createdMin: -600,
      priority: 'low',
      status: 'open',
      tags: ['office_malaysia'],
      events: [],
    },
    {
      id: 35441,
      subject: 'Login page typo',
      organization: 'Wayne',
      createdMin: -2000,
      priority: 'normal',
      status: 'open',
      tags: ['office_hq'],
      events: [
        { atMin: -1900, type: 'agentReply', body: 'Fixed in the next release.' },
        { atMin: -1800, type: 'status', to: 'solved' },
      ],
    },
    {
      id: 35442,
      subject: 'Replication lag grows until nodes fall over',
      organization: 'Globex',
      createdMin: -400,
      priority: 'normal',
      status: 'open',
      tags: ['office_shanghai'],
      events: [
        { atMin: -380, type: 'agentReply', body: 'Collecting metrics.' },
        { atMin: -45, type: 'priority', to: 'urgent' },
        { atMin: -10, type: 'agentReply', body: 'Raised to Sev 1; L2 engaged.' },
      ],
    },
    {
      id: 35443,
      subject: 'Dashboard widgets empty',
      organization: 'Initech',
      createdMin: -200,
      priority: 'urgent',
      status: 'open',
      tags: ['office_taichung', 'workaround_provided'],
      events: [{ atMin: -170, type: 'agentReply', body: 'Workaround: clear the widget cache.' }],
    },
    {
      id: 35444,
      subject: 'Request: dark mode for the admin UI',
      organization: 'Hooli',
      createdMin: -90,
      priority: null,
      status: 'new',
      tags: [],
      events: [],
    },
  ];
}

/** A deterministic pseudo-random generator (mulberry32) for large list views. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRIORITIES: SimPriority[] = ['urgent', 'high', 'normal', 'low'];

/** `count` generated tickets with ids from `firstId`, for views of many rows. */
export function generatedTickets(count: number, seed = 1, firstId = 50000): SimTicket[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const createdMin = -Math.floor(random() * 5 * 24 * 60);
    const replied = random() < 0.7;
    return {
      id: firstId + index,
      subject: `Generated ticket ${index + 1}`,
      organization: 'Generated Co',
      createdMin,
      priority: PRIORITIES[Math.floor(random() * PRIORITIES.length)] ?? 'normal',
      status: random() < 0.1 ? 'pending' : 'open',
      tags: [`office_${OFFICES[Math.floor(random() * OFFICES.length)] ?? 'hq'}`],
      events: replied
        ? [{ atMin: Math.floor(createdMin / 2), type: 'agentReply', body: 'Looking into it.' }]
        : [],
    } satisfies SimTicket;
  });
}
