import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import type { Policy } from '../policy/schema';
import { defineParsedItem } from './parsed-item';
import { reportStorageProblem } from './storage-log';

/**
 * Which policy is in force: one pushed by IT through `storage.managed` wins and is read-only,
 * else the engineer's own, else the built-in default.
 */

/**
 * The engineer's policy as they saved it, as JSON text, checked by `parsePolicy` on every read.
 * Text, because the policy's order is meaning: its offices, roles and severities are JSON objects
 * listed in the order the policy gives them (strips, "My office", the options' lists), and
 * Chrome's `storage.local` keeps an object as a `base::Value` dictionary, whose keys come back
 * sorted; a string comes back as it went in.
 */
export const userPolicyStoredSchema = z.object({
  policyJson: z.string(),
  savedAt: z.iso.datetime({ offset: true }),
});
export type UserPolicyStored = z.infer<typeof userPolicyStoredSchema>;

/**
 * v1 held the policy as an object (`{ policy, savedAt }`). In Chrome its keys already came back
 * sorted, so it loads in that order until the next save; in Firefox in the order it was saved.
 */
function migrateUserPolicyV1(old: unknown): unknown {
  if (old === null || typeof old !== 'object' || !('policy' in old)) return old;
  const { policy, ...rest } = old as { policy: unknown };
  return { ...rest, policyJson: JSON.stringify(policy) ?? 'null' };
}

export const userPolicyItem = defineParsedItem<UserPolicyStored | null>({
  key: 'local:userPolicy',
  version: 2,
  migrations: { 2: migrateUserPolicyV1 },
  schema: userPolicyStoredSchema.nullable(),
  fallback: () => null,
});

/** The saved policy's JSON value, its objects' keys in the order they were saved. */
export function storedPolicyJson(stored: UserPolicyStored): unknown {
  return JSON.parse(stored.policyJson) as unknown;
}

/** Keys inside `storage.managed`, described by public/managed_schema.json: the policy as an object, or as JSON text. */
export const MANAGED_POLICY_KEY = 'managed:policy';
export const MANAGED_POLICY_JSON_KEY = 'managed:policyJson';

export type PolicySourceKind = 'managed' | 'user' | 'default';

export interface EffectivePolicy {
  policy: Policy;
  source: PolicySourceKind;
  /** Why a managed or user policy present in storage is not in force (shown by the options page). */
  problems: string[];
}

export interface PolicyParsing {
  parsePolicy: (json: unknown) => Policy;
  defaultPolicy: Policy;
}

/** Firefox without an enterprise policy throws on storage.managed; that simply means "none". */
export async function readManagedPolicyJson(): Promise<unknown> {
  try {
    const value = (await storage.getItem<unknown>(MANAGED_POLICY_KEY)) ?? (await storage.getItem<unknown>(MANAGED_POLICY_JSON_KEY));
    // Admin consoles often only take strings: accept the policy as JSON text too.
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch (error) {
      // Not JSON: still "managed" (the engineer must not override IT), but never in force.
      return { unreadableManagedPolicy: error instanceof Error ? error.message : String(error) };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/manifest|not (found|supported|available)/i.test(message)) return null;
    reportStorageProblem(MANAGED_POLICY_KEY, `unreadable: ${message}`);
    return null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function choosePolicy(
  managedJson: unknown,
  user: UserPolicyStored | null,
  parsing: PolicyParsing,
): EffectivePolicy {
  const problems: string[] = [];
  if (managedJson != null) {
    try {
      return { policy: parsing.parsePolicy(managedJson), source: 'managed', problems };
    } catch (error) {
      problems.push(`managed policy ignored: ${describe(error)}`);
    }
  }
  if (user) {
    try {
      return { policy: parsing.parsePolicy(storedPolicyJson(user)), source: 'user', problems };
    } catch (error) {
      problems.push(`your saved policy is not in force: ${describe(error)}`);
    }
  }
  return { policy: parsing.defaultPolicy, source: 'default', problems };
}

/**
 * The last choice per parser, with the stored JSON it was made from: the policy is parsed once
 * per change, not on every message (parsing checks every office calendar and time zone).
 */
const lastChoice = new WeakMap<PolicyParsing, { signature: string; effective: EffectivePolicy }>();

export async function getEffectivePolicy(parsing: PolicyParsing): Promise<EffectivePolicy> {
  const [managed, user] = await Promise.all([readManagedPolicyJson(), userPolicyItem.get()]);
  const signature = JSON.stringify([managed ?? null, user?.policyJson ?? null]);
  const cached = lastChoice.get(parsing);
  if (cached?.signature === signature) return cached.effective;
  const effective = choosePolicy(managed, user, parsing);
  lastChoice.set(parsing, { signature, effective });
  for (const problem of effective.problems) reportStorageProblem('policy', problem);
  return effective;
}

/** The options page saves here; refuses while IT manages the policy. */
export async function saveUserPolicy(json: unknown, parsing: PolicyParsing, now: Date): Promise<Policy> {
  if ((await readManagedPolicyJson()) != null) {
    throw new Error('The policy is managed by your organisation and cannot be changed here.');
  }
  const policy = parsing.parsePolicy(json); // throws PolicyError naming every problem; nothing saved
  // Text as given keeps its order to the letter; an object is written out in its own key order.
  const policyJson = typeof json === 'string' ? json : JSON.stringify(z.json().parse(json));
  await userPolicyItem.set({ policyJson, savedAt: now.toISOString() });
  return policy;
}
