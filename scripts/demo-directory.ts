import type { Directory } from '../lib/people';

/**
 * The people the demo seeds into the extension (local:peopleDirectory), so its table and
 * screenshots name who to tell: a Sales Rep for each sample customer, the holders of the other
 * roles, and a weekly on-duty Escalation Director. Invented names at example.com addresses.
 */
const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com` });

export const demoDirectory: Directory = {
  roles: {
    'district-sales-manager': { '*': [person('Dana Wu')] },
    'escalation-director': { '*': [person('Morgan Ortiz')] },
    'regional-head-technical-support': { '*': [person('Priya Nair')] },
    'regional-head-professional-services': { '*': [person('Tomás Silva')] },
    'regional-sales-vp': { '*': [person('Avery Chen')] },
    'vp-engineering': { '*': [person('Sam Okafor')] },
    cto: { '*': [person('Robin Park')] },
    ceo: { '*': [person('Alex Morgan')] },
  },
  salesReps: [
    { organization: 'Globex', person: person('Jane Doe') },
    { organization: 'Initech', person: person('Lee Wong') },
    { organization: 'Umbrella', person: person('Kim Tan') },
    { organization: 'Hooli', person: person('Chris Lin') },
    { organization: 'Stark', person: person('Pat Rivera') },
    { organization: 'Wayne', person: person('Jo Müller') },
  ],
  directorRotations: {
    '*': {
      anchorDate: '2026-01-05',
      handoverTime: '09:00',
      timeZone: 'America/Los_Angeles',
      people: [person('Morgan Ortiz'), person('Taylor Brooks')],
    },
  },
};
