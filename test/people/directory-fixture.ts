import type { Directory } from '../../lib/people';

/** A small directory covering each kind of entry. */
export function sampleDirectory(): Directory {
  return {
    roles: {
      'sales-rep': { '*': [{ name: 'Default Sales', email: 'sales@example.com' }] },
      'district-sales-manager': {
        hq: [{ name: 'Dana Manager', email: 'dana@example.com', phone: '+1 555 0100' }],
        '*': [{ name: 'Global DSM', email: 'dsm@example.com' }],
      },
      'escalation-director': { hq: [{ name: 'Fallback Director' }] },
    },
    salesReps: [{ organization: 'Acme Corp', person: { name: 'Jane Doe', email: 'jane@example.com', chat: 'https://chat.example.com/jane' } }],
    directorRotations: {
      hq: {
        anchorDate: '2026-03-02',
        handoverTime: '09:00',
        timeZone: 'America/Los_Angeles',
        people: [{ name: 'Alex Week-One' }, { name: 'Blair Week-Two' }, { name: 'Casey Week-Three' }],
      },
      shanghai: {
        anchorDate: '2026-07-06',
        handoverTime: '09:00',
        timeZone: 'Asia/Shanghai',
        people: [{ name: 'Wang Wei' }, { name: 'Li Na' }],
      },
    },
  };
}
