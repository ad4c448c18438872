import { wakePlanItem } from '../storage/wake-plan-item';
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
  return {
    async plan(deps) {
      if (current) return current;
      try {
        current = planFromStored(await wakePlanItem.get());
      } catch (error) {
        deps.ports.log('wake plan not read; every ticket is evaluated', error);
        current = emptyPlan();
      }
      return current;
    },
    async save(deps) {
      if (!current) return;
      try {
        await wakePlanItem.set(planToStored(current));
      } catch (error) {
        deps.ports.log('wake plan not stored; a new worker evaluates every ticket', error);
      }
    },
    async forget(deps) {
      current = emptyPlan();
      await wakePlanItem.remove().catch((error: unknown) => deps.ports.log('wake plan not removed', error));
    },
  };
}
