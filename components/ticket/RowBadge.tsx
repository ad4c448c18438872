import type { RowBadgeView } from '../../lib/view-model/rendered-view';
import { stateLabel } from './badge-summary';
import { Countdown } from './Countdown';

export type { RowBadgeView };

/** A list row's badge: the state colour and the time to the next deadline, nothing more. */
export function RowBadge({ view }: { view: RowBadgeView }) {
  return (
    <span class={`ew-row-badge ew-state-${view.state}`} title={stateLabel(view.state)}>
      <span class="ew-dot" aria-hidden="true" />
      <span class="ew-visually-hidden">{stateLabel(view.state)}</span>
      {view.nextDeadlineAt ? <Countdown until={view.nextDeadlineAt} /> : null}
    </span>
  );
}
