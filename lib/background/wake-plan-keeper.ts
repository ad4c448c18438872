import { decodeWakePlan, encodeWakePlan, wakePlanItem } from '../storage/wake-plan-item';
import type { BackgroundDeps } from './deps';
import { emptyPlan, planFromStored, planToStored, type WakePlan } from './wake-plan';

/**
 * The background's wake plan (wake-plan.ts) between wakes: in memory while the service worker
 * lives, in storage across workers. A new worker reads it once; only the wake writes it.
 */
export interface WakePlanKeeper {
  /** The plan, read from storage the first time (an unreadable one is an empty plan: the next wake evaluates every ticket). */
  plan(deps: Pick<BackgroundDeps, 'ports'>): Promise<WakePlan>;
  /** Stores the plan the last wake left. */
  save(deps: Pick<BackgroundDeps, 'ports'>): Promise<void>;
  /** Forgets it, in memory and in storage (a new build: its engine may compute other instants). */
  forget(deps: Pick<BackgroundDeps, 'ports'>): Promise<void>;
}

export function createWakePlanKeeper(): WakePlanKeeper {
  let current: WakePlan | null = null;
  /** The plan's change count when it was last read or stored: nothing new, nothing written. */
  let storedChanges = -1;
  return {
    async plan(deps) {
      if (current) return current;
      try {
        const text = await wakePlanItem.get();
        current = planFromStored(text === null ? null : decodeWakePlan(text));
      } catch (error) {
        deps.ports.log('wake plan not read; every ticket is evaluated', error);
        current = emptyPlan();
      }
      storedChanges = current.changes;
      return current;
    },
    async save(deps) {
      if (!current || current.changes === storedChanges) return;
      const stored = planToStored(current);
      try {
        await (stored === null ? wakePlanItem.remove() : wakePlanItem.set(encodeWakePlan(stored)));
        storedChanges = current.changes;
      } catch (error) {
        deps.ports.log('wake plan not stored; a new worker evaluates every ticket', error);
      }
    },
    async forget(deps) {
      current = emptyPlan();
      storedChanges = current.changes;
      await wakePlanItem.remove().catch((error: unknown) => deps.ports.log('wake plan not removed', error));
    },
  };
}
