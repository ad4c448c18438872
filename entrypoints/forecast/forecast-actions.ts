import { browser } from 'wxt/browser';
import type { ForecastActions, ForecastSettingsStore } from '../../components/forecast';
import { sendMessage } from '../../lib/messages';
import { watchedTicketsItem } from '../../lib/storage';
import { forecastSettingsItem, forecastSettingsSchema } from '../../lib/storage/forecast-settings';

/** The forecast's side effects for the popup and the forecast page: messages, storage, clipboard, tabs. */

async function saveForecastSettings(update: Parameters<typeof forecastSettingsItem.update>[0]): Promise<void> {
  await forecastSettingsItem.update(update);
  // The background re-arms the handoff notice for the office and minutes now stored.
  await sendMessage({ type: 'settings:changed', area: 'forecast' });
}

export function browserForecastActions(): ForecastActions {
  return {
    load: () => sendMessage({ type: 'forecast:get' }),
    onChange: (callback) => watchedTicketsItem.watch(() => callback()),
    setMyOffice: (office) => saveForecastSettings((settings) => ({ ...settings, myOffice: office })),
    copyText: (text) => navigator.clipboard.writeText(text),
    async openTicket(item) {
      await sendMessage({ type: 'ticket:open', ticket: { system: item.system, id: item.ticketId, origin: new URL(item.url).origin } });
    },
  };
}

export function browserForecastSettings(): ForecastSettingsStore {
  return {
    load: () => forecastSettingsItem.get(),
    save: (settings) => saveForecastSettings(() => forecastSettingsSchema.parse(settings)),
  };
}

/** One ticket's coming events over two weeks, for its calendar file. */
export async function ticketEvents(ticket: { system: 'zendesk' | 'jira'; id: string; url: string }) {
  const answer = await sendMessage({
    type: 'forecast:get',
    hours: 24 * 14,
    ticket: { system: ticket.system, id: ticket.id, origin: new URL(ticket.url).origin },
  });
  return { items: answer.events, now: answer.now };
}

export const forecastPageUrl = () => browser.runtime.getURL('/forecast.html');
