import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageSharedClock } from '../countdown/clock';
import { evaluate } from '../engine/evaluate';
import { sendMessage } from '../messages/send';
import { fieldMappingsItem, generalSettingsItem, type FieldMappings } from '../storage/settings';
import { startContentRuntime, type ContentRuntime } from './controller';
import type { ContentRuntimeDeps } from './runtime-deps';
import { escalationMessageForRole } from './escalation-message';
import { recordAcknowledgement, type AckNoteWriter } from './record-acknowledgement';
import { onceLogger } from './runtime-deps';

/**
 * The browser side of a helpdesk content script, shared by zendesk.content.ts and
 * jira.content.ts so that each entrypoint only names its helpdesk.
 */
export interface PageWiring<Mapping> {
  helpdesk: ContentRuntimeDeps<Mapping>['helpdesk'];
  /** This helpdesk's mapping from the stored field mappings (null → its default). */
  mappingFrom: (stored: FieldMappings) => Mapping;
  /** How this helpdesk writes the "notified" note; absent → no notes. */
  writeNote?: AckNoteWriter;
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
  const runtime = startContentRuntime<Mapping>({
    helpdesk,
    doc: document,
    win: window,
    signal: ctx.signal,
    onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl)),
    fetch: pageFetch,
    send: (message) => sendMessage(message),
    loadPolicy: async () => (await sendMessage({ type: 'policy:get' })).policy,
    loadMapping: async () => wiring.mappingFrom(await fieldMappingsItem.get()),
    loadAckNoteSetting: async () => (await generalSettingsItem.get()).ackNoteMode,
    evaluate,
    composeMessage: escalationMessageForRole,
    acknowledge: async ({ ticket, role, recordOnTicket }) => {
      const reply = await sendMessage({ type: 'ticket:acknowledge', ticket, role, recordOnTicket });
      return reply.recordError === undefined ? {} : { recordError: reply.recordError };
    },
    canWriteNotes: writeNote !== undefined,
    copyText,
    now: () => new Date(),
    clock: pageSharedClock(),
    MutationObserver,
    IntersectionObserver,
    requestIdle,
    log,
  });

  if (writeNote) {
    const onMessage = (message: unknown) => {
      // Answer only our own kind of message; returning undefined leaves the others alone.
      if (!isOurs(message)) return undefined;
      return recordAcknowledgement(message, helpdesk.system, writeNote, { fetch: pageFetch, origin: location.origin });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  }
  return runtime;
}

function isOurs(message: unknown): boolean {
  return typeof message === 'object' && message !== null && 'type' in message && String(message.type).startsWith('content:');
}
