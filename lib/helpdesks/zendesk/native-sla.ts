import type { NativeSlaTarget } from '../contract';
import type { MetricEvent, SlaPolicyMetric } from './schemas';

/**
 * Zendesk's own SLA targets, shown beside ours to flag drift. Pure: `now` decides "breached".
 */

/** From the `slas.policy_metrics` sideload (?include=slas): stage active | paused | achieved. */
export function nativeSlaFromPolicyMetrics(metrics: readonly SlaPolicyMetric[], now: Date): NativeSlaTarget[] {
  return metrics.map((metric) => {
    const breachAt = metric.breach_at ?? null;
    return {
      name: metric.metric,
      breachAt,
      paused: metric.stage === 'paused',
      breached: metric.stage !== 'achieved' && breachAt !== null && breachAt.getTime() <= now.getTime(),
    };
  });
}

/**
 * From ticket metric events: each (metric, instance) with an applied SLA is one target. Zendesk
 * writes the `breach` event ahead of time and marks it deleted when the target is met or moved,
 * so the live breach time is the latest breach event that is not deleted.
 */
export function nativeSlaFromMetricEvents(events: readonly MetricEvent[], now: Date): NativeSlaTarget[] {
  const byInstance = new Map<string, MetricEvent[]>();
  for (const event of [...events].sort((a, b) => a.time.getTime() - b.time.getTime())) {
    const key = `${event.metric}#${event.instance_id}`;
    const instanceEvents = byInstance.get(key);
    if (instanceEvents) instanceEvents.push(event);
    else byInstance.set(key, [event]);
  }
  const targets: NativeSlaTarget[] = [];
  for (const instanceEvents of byInstance.values()) {
    const first = instanceEvents[0];
    if (!first || !instanceEvents.some((event) => event.type === 'apply_sla')) continue;
    const breach = instanceEvents.filter((event) => event.type === 'breach' && event.deleted !== true).at(-1);
    const fulfilled = instanceEvents.some((event) => event.type === 'fulfill');
    const lastClock = instanceEvents.filter((event) => event.type === 'pause' || event.type === 'activate').at(-1);
    const breachAt = breach?.time ?? null;
    targets.push({
      name: metricName(first.metric, first.instance_id),
      breachAt,
      paused: !fulfilled && lastClock?.type === 'pause',
      breached: breachAt !== null && breachAt.getTime() <= now.getTime() && !fulfilledBefore(instanceEvents, breachAt),
    });
  }
  return targets;
}

function fulfilledBefore(events: readonly MetricEvent[], at: Date): boolean {
  return events.some((event) => event.type === 'fulfill' && event.time.getTime() < at.getTime());
}

/** reply_time instance 1 is the first reply; later instances are next replies (Zendesk's own naming). */
function metricName(metric: string, instance: number): string {
  if (metric !== 'reply_time') return metric;
  return instance === 1 ? 'first_reply_time' : 'next_reply_time';
}
