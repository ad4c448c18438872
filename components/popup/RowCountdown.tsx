import { useComputed } from '@preact/signals';
import { formatCountdown, type CountdownWords } from '../../lib/countdown';
import { usePopupClock } from './popup-clock';

/**
 * Time left until `until`, or how long overdue. The text is a computed signal rendered as a text
 * child: a tick rewrites one text node, no row re-renders.
 */
export function RowCountdown({ until, words }: { until: Date; words: CountdownWords }) {
  const clock = usePopupClock();
  const text = useComputed(() => formatCountdown(until.getTime() - clock.now.value, words));
  return <span class="ew-countdown">{text}</span>;
}
