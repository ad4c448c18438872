import { t } from '../../lib/i18n';
import type { RowBadgeView } from '../../lib/view-model/rendered-view';
import { unavailableReasonKey } from '../../lib/view-model/state';
import { stateLabel } from './badge-summary';
import { Countdown } from './Countdown';

export type { RowBadgeView };

/**
 * A list row's badge: the state colour and the time to the next deadline, nothing more. A row
 * whose history the helpdesk will not give says so in words, and why in its tooltip.
 */
export function RowBadge({ view }: { view: RowBadgeView }) {
  if (view.state === 'unavailable') {
    const why = t(unavailableReasonKey(view.unavailable ?? 'unreadable'));
    return (
      <span class="ew-row-badge ew-state-unavailable" title={why} aria-label={why} role="img">
        <span class="ew-dot" aria-hidden="true" />
        <span class="ew-row-word" aria-hidden="true">
          {stateLabel(view.state)}
        </span>
      </span>
    );
  }
  return (
    <span class={`ew-row-badge ew-state-${view.state}`} title={stateLabel(view.state)}>
      <span class="ew-dot" aria-hidden="true" />
      <span class="ew-visually-hidden">{stateLabel(view.state)}</span>
      {view.nextDeadlineAt ? <Countdown until={view.nextDeadlineAt} /> : null}
    </span>
  );
}
