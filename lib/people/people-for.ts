import { ownValue } from '../policy/reserved-names';
import { ANY_OFFICE, type Directory, type Person } from './directory-schema';
import { onDutyDirector } from './on-duty-director';

/** Role ids with special lookups (the default policy's ids; other roles are looked up per office). */
export const SALES_REP_ROLE = 'sales-rep';
export const ESCALATION_DIRECTOR_ROLE = 'escalation-director';

const normaliseOrganization = (name: string) => name.trim().toLocaleLowerCase();

function roleHolders(directory: Directory, role: string, officeId: string): Person[] {
  const offices = ownValue(directory.roles, role);
  if (!offices) return [];
  const own = ownValue(offices, officeId) ?? [];
  return own.length > 0 ? own : (ownValue(offices, ANY_OFFICE) ?? []);
}

/**
 * The people to tell for a role on a ticket of this office: the organisation's own Sales Rep,
 * the Escalation Director on duty now, else whoever holds the role in the office (or in any office).
 */
export function peopleFor(
  directory: Directory,
  role: string,
  officeId: string,
  organization: string | null | undefined,
  now: Date,
): Person[] {
  if (role === SALES_REP_ROLE && organization) {
    const wanted = normaliseOrganization(organization);
    const reps = directory.salesReps.filter((rep) => normaliseOrganization(rep.organization) === wanted).map((rep) => rep.person);
    if (reps.length > 0) return reps;
  }
  if (role === ESCALATION_DIRECTOR_ROLE) {
    const onDuty = onDutyDirector(directory, officeId, now) ?? onDutyDirector(directory, ANY_OFFICE, now);
    if (onDuty) return [onDuty.current.person];
  }
  return roleHolders(directory, role, officeId);
}
