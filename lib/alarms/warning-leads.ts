import type { Severity } from '../engine/types';
import { wallClockMinutes } from '../policy/duration';
import type { Policy } from '../policy/schema';
import type { NotificationSettings } from '../storage/settings';
import type { WarningLeads } from './alarm-events';

/** The warning lead per severity: the engineer's override, else the policy's wall-clock warnBefore. */
export function warningLeadsFrom(policy: Policy, settings: Pick<NotificationSettings, 'warnBeforeMinutes'>): WarningLeads {
  const fromPolicy: Partial<Record<Severity, number | null>> = {};
  for (const severity of [1, 2, 3, 4] as const) {
    const warnBefore = policy.severities[String(severity) as '1' | '2' | '3' | '4'].warnBefore;
    if (warnBefore) fromPolicy[severity] = wallClockMinutes(warnBefore);
  }
  return { override: settings.warnBeforeMinutes, policy: fromPolicy };
}
