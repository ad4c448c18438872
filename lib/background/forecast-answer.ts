import { ticketFromJson } from '../engine/ticket-schema';
import type { ForecastAnswer } from '../messages/forecast-view';
import type { TicketRef } from '../messages/protocol';
import type { SenderKind } from '../messages/sender';
import { directoryItem } from '../storage/directory-item';
import { forecastSettingsItem } from '../storage/forecast-settings';
import { getEffectivePolicy } from '../storage/policy-source';
import { watchedTicketsItem } from '../storage/watched-tickets';
import { forecastView, type ForecastTicket } from '../view-model/forecast-view';
import type { BackgroundDeps } from './deps';
import { acknowledgedRoles } from './evaluate-store';
import { keyOfRef } from './ticket-ref';
import { viewWords } from './view-words';

/** The popup's "Next 24 h" and the forecast page: one day ahead unless asked otherwise. */
export const DEFAULT_FORECAST_HOURS = 24;

/**
 * The answer to 'forecast:get': every watched ticket's forecast, resolved by the view model
 * (lib/view-model/forecast-view.ts) with the directory and the engineer's office. A stored
 * ticket that cannot be read is logged and left out, as everywhere else.
 */
export async function forecastAnswer(
  deps: Pick<BackgroundDeps, 'ports' | 'policyParsing'>,
  request: { hours?: number | undefined; ticket?: TicketRef | undefined },
  sender: SenderKind,
): Promise<ForecastAnswer> {
  const now = deps.ports.now();
  const [store, policy, directory, settings] = await Promise.all([
    watchedTicketsItem.get(),
    getEffectivePolicy(deps.policyParsing),
    directoryItem.get(),
    forecastSettingsItem.get(),
  ]);
  const tickets: ForecastTicket[] = [];
  for (const [key, entry] of Object.entries(store)) {
    try {
      const ticket = ticketFromJson(entry.ticket);
      tickets.push({ key, ticket, acknowledged: acknowledgedRoles(entry), organization: ticket.organization ?? entry.organization ?? null });
    } catch (error) {
      deps.ports.log(`forecast: cannot read ${key}`, error);
    }
  }
  return forecastView({
    tickets,
    policy: policy.policy,
    directory,
    now,
    hours: request.hours ?? DEFAULT_FORECAST_HOURS,
    myOffice: settings.myOffice,
    ...(request.ticket ? { onlyTicket: keyOfRef(store, request.ticket, sender) } : {}),
    words: viewWords(deps.ports),
  });
}
