import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageSecondTicker } from '../countdown/second-ticker';
import type { AckNote } from '../helpdesks/ack-note';
import type { HelpdeskInPage, HelpdeskIo } from '../helpdesks/contract';
import type { TicketRef } from '../messages/protocol';
import { isContentMessage, parseContentMessage } from './content-messages';
import { startContentRuntime, type ContentRuntime } from './controller';
import { backgroundOverMessages } from './page-background';
import { recordAcknowledgement } from './record-acknowledgement';
import type { PageUi } from './ui-port';
import { onceLogger } from './runtime-deps';

/**
 * The browser side of a helpdesk content script, shared by zendesk.content.ts and
 * jira.content.ts so that each entrypoint only names its helpdesk.
 */
export interface PageWiring<Mapping> {
  /** The page half of the helpdesk (no zod, no engine: see lib/helpdesks/contract.ts). */
  helpdesk: HelpdeskInPage<Mapping>;
  /** How this helpdesk writes the "notified" note with the page's session; absent → no notes. */
  writeNote?: (ticketId: string, note: AckNote, io: HelpdeskIo, mapping: Mapping) => Promise<void>;
  /** The in-page components (page-ui.tsx of the components). */
  ui: PageUi;
}

const log = onceLogger((text, error) => console.warn(text, error));

function requestIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => callback(), { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }
  const handle = requestAnimationFrame(() => callback());
  return () => cancelAnimationFrame(handle);
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function startInPage<Mapping>(ctx: ContentScriptContext, wiring: PageWiring<Mapping>): ContentRuntime {
  const { helpdesk, writeNote } = wiring;
  // Content-script fetch must be called unbound-free: Firefox throws on a detached `fetch`.
  const pageFetch: typeof fetch = (input, init) => fetch(input, init);
  const background = backgroundOverMessages<Mapping>(helpdesk.system, (message) => browser.runtime.sendMessage(message));
  const changeListeners: Array<(ticket: TicketRef) => void> = [];

  const runtime = startContentRuntime<Mapping>({
    helpdesk,
    doc: document,
    win: window,
    signal: ctx.signal,
    onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl)),
    onTicketChanged: (listener) => changeListeners.push(listener),
    fetch: pageFetch,
    background,
    ui: wiring.ui,
    canWriteNotes: writeNote !== undefined,
    copyText,
    now: () => new Date(),
    clock: pageSecondTicker(),
    MutationObserver,
    IntersectionObserver,
    requestIdle,
    log,
  });

  const onMessage = (message: unknown) => {
    // Answer only our own kind of message; returning undefined leaves the others alone.
    if (!isContentMessage(message)) return undefined;
    if ((message as { type: unknown }).type === 'content:ticket-changed') {
      try {
        const { ticket } = parseContentMessage(message);
        for (const listener of changeListeners) listener(ticket);
      } catch (error) {
        log('message', error);
      }
      return undefined;
    }
    if (!writeNote) return undefined;
    const io: HelpdeskIo = { fetch: pageFetch, origin: helpdesk.restBase(document, new URL(location.href)) };
    return background
      .config()
      .then(({ mapping }) => recordAcknowledgement(message, helpdesk.system, (id, note, noteIo) => writeNote(id, note, noteIo, mapping), io))
      .catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return runtime;
}
