import type { PageUi } from '../lib/content/ui-port';
import { ClockContext } from './ticket/clock-context';
import { ErrorBadge } from './ticket/ErrorBadge';
import { RowBadge } from './ticket/RowBadge';
import { rowBadgeCss, ticketUiCss } from './ticket/styles';
import { TicketWidget } from './ticket/TicketWidget';

/** The in-page components as the content runtime renders them (lib/content/ui-port.ts). */
export const pageUi: PageUi = {
  ticketCss: ticketUiCss,
  rowCss: rowBadgeCss,
  ticket: ({ view, actions, ackNoteSetting, clock }) => (
    <ClockContext.Provider value={clock}>
      <TicketWidget view={view} actions={actions} ackNoteSetting={ackNoteSetting} />
    </ClockContext.Provider>
  ),
  error: (kind) => <ErrorBadge kind={kind} />,
  row: (view, clock) => (
    <ClockContext.Provider value={clock}>
      <RowBadge view={view} />
    </ClockContext.Provider>
  ),
};
