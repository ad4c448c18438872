import type { Evaluation } from '../engine/types';
import { peopleFor, type Directory, type Person } from '../people';
import type { Policy } from '../policy/schema';

/**
 * Who holds a role for one ticket: the customer's Sales Rep (by the ticket's organisation), the
 * Escalation Director on duty now, else the office's holder (lib/people/people-for.ts). An empty
 * `holders` means the directory has nobody for the role, which every surface says plainly.
 */

export interface Holder {
  name: string;
  /** The address that goes in the email's "To:"; null when the directory has none. */
  email: string | null;
}

export interface RoleToTell {
  roleId: string;
  /** The policy's name for the role ("Sales Rep"). */
  roleName: string;
  /** Empty: nobody in the directory holds this role for this ticket. */
  holders: Holder[];
  /** Added by an acknowledgement timeout (the on-duty Escalation Director): the level not acknowledged and after how many minutes. */
  addedBy?: AddedByTimeout;
}

/** The acknowledgement timeout that added a role to the people to notify. */
export interface AddedByTimeout {
  level: number;
  minutes: number;
}

/** What a lookup needs of a ticket and the world. */
export interface PeopleContext {
  policy: Policy;
  directory: Directory;
  now: Date;
  /** The customer organisation the helpdesk names, when known. */
  organization: string | null;
}

/** The policy's name for a role (own properties only: a role id is data, never a key of Object.prototype). */
export const roleName = (policy: Policy, role: string): string =>
  (Object.hasOwn(policy.roles, role) ? policy.roles[role]?.name : undefined) ?? role;

const holderOf = (person: Person): Holder => ({ name: person.name, email: person.email ?? null });

export function roleToTell(ctx: PeopleContext, evaluation: Pick<Evaluation, 'officeId'>, roleId: string): RoleToTell {
  return {
    roleId,
    roleName: roleName(ctx.policy, roleId),
    holders: peopleFor(ctx.directory, roleId, evaluation.officeId, ctx.organization, ctx.now).map(holderOf),
  };
}

export function rolesToTell(ctx: PeopleContext, evaluation: Pick<Evaluation, 'officeId'>, roles: readonly string[]): RoleToTell[] {
  return roles.map((role) => roleToTell(ctx, evaluation, role));
}

/** "Jane Doe, Sam Lee": the holders' names, or '' when the directory has nobody. */
export const holderNames = (role: Pick<RoleToTell, 'holders'>): string => role.holders.map((holder) => holder.name).join(', ');
