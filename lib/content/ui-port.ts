import type { ComponentChild } from 'preact';
import type { SecondTicker } from '../countdown/second-ticker';
import type { AckNoteSetting, RowBadgeView, TicketPanelActions, TicketView } from '../view-model/rendered-view';
import type { ErrorBadgeKind } from './failure-plan';

/**
 * What the content runtime renders, handed in by the entrypoint (page-ui.tsx of the components) so that
 * lib never reaches up into the components: the runtime decides when and where, the components how.
 */
export interface PageUi {
  /** Styles of the ticket badge and panel's shadow root. */
  ticketCss: string;
  /** Styles of a view row badge's shadow root. */
  rowCss: string;
  ticket(input: { view: TicketView; actions: TicketPanelActions; ackNoteSetting: AckNoteSetting; clock: SecondTicker }): ComponentChild;
  error(kind: ErrorBadgeKind): ComponentChild;
  row(view: RowBadgeView, clock: SecondTicker): ComponentChild;
}
