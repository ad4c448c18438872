import type { EvaluationState } from '../../lib/engine/types';
import { stateLabel } from './badge-summary';
import { Countdown } from './Countdown';

export interface RowBadgeView {
  state: EvaluationState;
  /** The next deadline of any kind (level, response, update); null when none runs. */
  nextDeadlineAt: Date | null;
}

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
