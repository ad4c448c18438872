import { useEffect, useRef, useState } from 'preact/hooks';
import { TicketBadge } from './TicketBadge';
import { TicketPanel } from './TicketPanel';
import type { AckNoteSetting, TicketPanelActions, TicketView } from '../../lib/view-model/rendered-view';

interface TicketWidgetProps {
  view: TicketView;
  actions: TicketPanelActions;
  ackNoteSetting: AckNoteSetting;
}

/** Badge plus its panel. Escape closes the panel and gives focus back to the badge. */
export function TicketWidget({ view, actions, ackNoteSetting }: TicketWidgetProps) {
  const [expanded, setExpanded] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = `ew-panel-${view.system}-${view.ticketId}`;

  useEffect(() => {
    if (!expanded) return;
    const root = rootRef.current;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setExpanded(false);
      root?.querySelector<HTMLElement>('.ew-badge')?.focus();
    };
    root?.addEventListener('keydown', onKeyDown);
    return () => root?.removeEventListener('keydown', onKeyDown);
  }, [expanded]);

  return (
    <div class="ew-widget" ref={rootRef}>
      <TicketBadge
        view={view}
        expanded={expanded}
        panelId={panelId}
        onToggle={() => {
          if (!expanded) actions.opened?.();
          setExpanded(!expanded);
        }}
      />
      {expanded ? (
        <TicketPanel
          id={panelId}
          view={view}
          actions={actions}
          ackNoteSetting={ackNoteSetting}
          onClose={() => setExpanded(false)}
        />
      ) : null}
    </div>
  );
}
