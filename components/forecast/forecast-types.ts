import type { ForecastAnswer } from '../../lib/messages/forecast-view';

/** What the forecast view asks of its host (popup or forecast page); the entrypoint implements it. */
export interface ForecastActions {
  /** The background's forecast ('forecast:get'). */
  load(): Promise<ForecastAnswer>;
  /** Called when what the forecast depends on changes (a ticket read, an acknowledgement); returns an unsubscribe. */
  onChange(callback: () => void): () => void;
  /** Store the engineer's office (null: every office). */
  setMyOffice(officeId: string | null): Promise<void>;
  copyText(text: string): Promise<void>;
  openTicket(item: { system: 'zendesk' | 'jira'; ticketId: string; url: string }): Promise<void>;
}
