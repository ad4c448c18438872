import { useComputed } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { formatCountdown } from '../../lib/countdown/format';
import { useSharedClock } from './clock-context';
import { countdownWords } from './countdown-words';

/**
 * Time left until `until` (or how long overdue). The text is a computed signal rendered as a text
 * child, so a tick rewrites one text node instead of re-rendering the badge, and only when the
 * shown text actually changes.
 */
export function Countdown({ until }: { until: Date }) {
  const clock = useSharedClock();
  const words = useMemo(countdownWords, []);
  const text = useComputed(() => formatCountdown(until.getTime() - clock.now.value, words));
  const overdue = useComputed(() => until.getTime() <= clock.now.value);
  return (
    <span class={overdue.value ? 'ew-countdown ew-countdown-overdue' : 'ew-countdown'}>
      {text}
    </span>
  );
}
