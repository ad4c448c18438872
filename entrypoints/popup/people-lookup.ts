import type { Directory, Person } from '../../lib/people/directory-schema';
import { ANY_OFFICE } from '../../lib/people/directory-schema';

/**
 * Who holds a role for a ticket: the organisation's Sales Rep, else the role's people in the
 * ticket's office, else those listed for any office.
 * TODO(lib/people): switch to its resolver (with the on-duty director rotation) when it lands.
 */
export function peopleForRole(directory: Directory, role: string, office: string, organization: string | null): Person[] {
  if (role === 'sales-rep' && organization) {
    const wanted = organization.trim().toLocaleLowerCase();
    const rep = directory.salesReps.find((entry) => entry.organization.trim().toLocaleLowerCase() === wanted);
    if (rep) return [rep.person];
  }
  const byOffice = directory.roles[role];
  return byOffice?.[office] ?? byOffice?.[ANY_OFFICE] ?? [];
}
