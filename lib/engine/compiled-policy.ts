import { formatDuration } from '../policy/duration';
import type { Duration, Policy, SeverityPolicy } from '../policy/schema';
import type { Severity, Status } from './types';

/**
 * The policy reshaped once for evaluation: targets as numbers, levels as arrays indexed by
 * position, on-request roles split off. Cached per policy object (policies are treated as
 * immutable values; a changed policy is a new object).
 */

export const WALL = 0;
export const BUSINESS_TIME = 1;
export const BUSINESS_DAYS = 2;
export type TargetKind = typeof WALL | typeof BUSINESS_TIME | typeof BUSINESS_DAYS;

/** A duration target: `amount` is ms for WALL and BUSINESS_TIME, a count of days for BUSINESS_DAYS. */
export interface Target {
  readonly kind: TargetKind;
  readonly amount: number;
  readonly source: Duration;
  /** As written, for explanations: "30 min", "1 business day". */
  readonly text: string;
}

export interface CompiledLevel {
  readonly id: string;
  readonly name: string;
  /** notify minus onRequest: the roles that nag. */
  readonly notify: readonly string[];
  readonly onRequest: readonly string[];
}

export interface CompiledSeverity {
  readonly name: string;
  readonly response: Target | null;
  /** Indexed like CompiledPolicy.levels; index 0 (level 1) is always null: it starts with the clock. */
  readonly escalate: readonly (Target | null)[];
  readonly every: Target | null;
  readonly afterWorkaround: Target | null;
  readonly warnBefore: Target | null;
  /** The kind of time the severity's clock is read in, for "counted" figures. */
  readonly countedKind: 'wall' | 'business' | null;
  /** Whether the severity has any response, escalation or update target at all. */
  readonly hasDeadlines: boolean;
}

/** Roles due once levels 1..k are all reached (the usual case), merged in level order. */
export interface CumulativeRoles {
  readonly notify: readonly string[];
  readonly onRequest: readonly string[];
  /** Display names, comma separated, for explanations. */
  readonly notifyText: string;
  readonly onRequestText: string;
  /**
   * The explanation's "notify …" line by which roles are still pending (bit i set: notify[i]
   * pending), filled on first use. A policy has few levels and roles, so few lines recur, and
   * reusing them spares each evaluation the name lookups and joins.
   */
  readonly notifyLines: Map<number, string>;
}

export type PausingStatuses = Readonly<Record<Status, boolean>>;

export interface CompiledPolicy {
  readonly levels: readonly CompiledLevel[];
  /** Index k: the roles of levels 1..k+1 together. */
  readonly cumulativeRoles: readonly CumulativeRoles[];
  /** Index severity − 1. */
  readonly severities: readonly CompiledSeverity[];
  /** Whether time stops in each status: always when solved, plus the policy's pauseWhile. */
  readonly pausing: PausingStatuses;
  /** Role id → display name (falls back to the id). */
  readonly roleNames: ReadonlyMap<string, string>;
  /** Office id → length of its Monday hours (extra working days use them), for businessDays warnings. */
  readonly businessDayLengthMs: ReadonlyMap<string, number>;
  /** The policy's hot accounts, trimmed and lower-cased (SPEC §1). */
  readonly hotAccounts: ReadonlySet<string>;
}

/** How organisation names are compared with the hot-account list: trimmed, case-insensitive. */
export function organizationKey(name: string): string {
  return name.trim().toLowerCase();
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const FALLBACK_BUSINESS_DAY_MS = 9 * MS_PER_HOUR;

const compiledByPolicy = new WeakMap<Policy, CompiledPolicy>();

export function compiledPolicyOf(policy: Policy): CompiledPolicy {
  let compiled = compiledByPolicy.get(policy);
  if (!compiled) {
    compiled = compilePolicy(policy);
    compiledByPolicy.set(policy, compiled);
  }
  return compiled;
}

export function targetOf(duration: Duration | undefined): Target | null {
  if (!duration) return null;
  const text = formatDuration(duration);
  if ('minutes' in duration) return { kind: WALL, amount: duration.minutes * MS_PER_MINUTE, source: duration, text };
  if ('hours' in duration) return { kind: WALL, amount: duration.hours * MS_PER_HOUR, source: duration, text };
  if ('businessHours' in duration) {
    return { kind: BUSINESS_TIME, amount: duration.businessHours * MS_PER_HOUR, source: duration, text };
  }
  // endOfNthBusinessDay needs a whole, positive count; the policy parser rejects anything else.
  return { kind: BUSINESS_DAYS, amount: Math.max(1, Math.round(duration.businessDays)), source: duration, text };
}

function compilePolicy(policy: Policy): CompiledPolicy {
  const levels = policy.levels.map((level): CompiledLevel => {
    const onRequest = Object.freeze([...(level.onRequest ?? [])]);
    return Object.freeze({
      id: level.id,
      name: level.name,
      notify: Object.freeze(dedupe(level.notify.filter((role) => !onRequest.includes(role)))),
      onRequest,
    });
  });
  const severityKeys = ['1', '2', '3', '4'] as const;
  const severities = severityKeys.map((key) => compileSeverity(policy.severities[key], policy));
  const pausing: PausingStatuses = {
    active: policy.pauseWhile.includes('active'),
    waiting: policy.pauseWhile.includes('waiting'),
    solved: true,
  };
  const roleNames = new Map(Object.entries(policy.roles).map(([id, role]) => [id, role.name]));
  const businessDayLengthMs = new Map(
    Object.entries(policy.offices).map(([id, office]) => [id, mondayLengthMs(office.hours.mon)]),
  );
  const hotAccounts = new Set((policy.hotAccounts ?? []).map(organizationKey));
  return { levels, cumulativeRoles: cumulativeRolesOf(levels, roleNames), severities, pausing, roleNames, businessDayLengthMs, hotAccounts };
}

/** Merges levels' roles in level order; an on-request role that another level notifies nags. */
export function mergeRoles(levels: readonly CompiledLevel[], roleNames: ReadonlyMap<string, string>): CumulativeRoles {
  const notify: string[] = [];
  const onRequest: string[] = [];
  for (const level of levels) for (const role of level.notify) if (!notify.includes(role)) notify.push(role);
  for (const level of levels) {
    for (const role of level.onRequest) if (!notify.includes(role) && !onRequest.includes(role)) onRequest.push(role);
  }
  return {
    notify,
    onRequest,
    notifyText: roleListText(notify, roleNames),
    onRequestText: roleListText(onRequest, roleNames),
    notifyLines: new Map(),
  };
}

export function roleListText(roles: readonly string[], roleNames: ReadonlyMap<string, string>): string {
  return roles.map((role) => roleNames.get(role) ?? role).join(', ');
}

function cumulativeRolesOf(levels: readonly CompiledLevel[], roleNames: ReadonlyMap<string, string>): CumulativeRoles[] {
  return levels.map((_, index) => {
    // Not frozen: evaluate copies these per call, and slice() on a frozen array takes V8's slow path.
    return mergeRoles(levels.slice(0, index + 1), roleNames);
  });
}

function compileSeverity(severity: SeverityPolicy, policy: Policy): CompiledSeverity {
  const escalate = policy.levels.map((level, index) =>
    index === 0 || !severity.escalate || !Object.hasOwn(severity.escalate, level.id)
      ? null
      : targetOf(severity.escalate[level.id]),
  );
  const response = targetOf(severity.response);
  const every = targetOf(severity.updates?.every);
  const firstTarget = response ?? escalate.find((target) => target !== null) ?? every;
  return {
    name: severity.name,
    response,
    escalate,
    every,
    afterWorkaround: targetOf(severity.updates?.afterWorkaround),
    warnBefore: targetOf(severity.warnBefore),
    countedKind: firstTarget ? (firstTarget.kind === WALL ? 'wall' : 'business') : null,
    hasDeadlines: firstTarget !== null && firstTarget !== undefined,
  };
}

function mondayLengthMs(range: readonly [string, string] | undefined): number {
  if (!range) return FALLBACK_BUSINESS_DAY_MS;
  const length = (minutesOf(range[1]) - minutesOf(range[0])) * MS_PER_MINUTE;
  return length > 0 ? length : FALLBACK_BUSINESS_DAY_MS;
}

function minutesOf(hhmm: string): number {
  const [hours = Number.NaN, minutes = Number.NaN] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

function dedupe(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) === index);
}

export function severityPolicyOf(compiled: CompiledPolicy, severity: Severity): CompiledSeverity {
  // severities always has four entries; the fallback only satisfies noUncheckedIndexedAccess.
  return compiled.severities[severity - 1] ?? EMPTY_SEVERITY;
}

const EMPTY_SEVERITY: CompiledSeverity = {
  name: '',
  response: null,
  escalate: [],
  every: null,
  afterWorkaround: null,
  warnBefore: null,
  countedKind: null,
  hasDeadlines: false,
};
