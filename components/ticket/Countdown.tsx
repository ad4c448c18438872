import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatCountdown } from '../../lib/countdown/format';
import { usePageClock } from './clock-context';
import { countdownWords } from '../../lib/countdown/countdown-words';

/**
 * Time left until `until` (or how long overdue), from the page's one clock. The shown text is
 * the state: a tick re-renders this countdown only when its text changes (most ticks of
 * "3 h 05 min" change nothing), and never the badge around it.
 */
export function Countdown({ until }: { until: Date }) {
  const clock = usePageClock();
  const words = useMemo(countdownWords, []);
  const deadline = until.getTime();
  const textAt = (now: number) => formatCountdown(deadline - now, words);
  const [, setText] = useState(() => textAt(clock.now()));
  useEffect(() => clock.subscribe((now) => setText(textAt(now))), [clock, deadline, words]);
  const now = clock.now();
  return <span class={deadline <= now ? 'ew-countdown ew-countdown-overdue' : 'ew-countdown'}>{textAt(now)}</span>;
}
