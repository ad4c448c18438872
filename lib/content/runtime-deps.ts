import type { SecondTicker } from '../countdown/second-ticker';
import type { HelpdeskInPage } from '../helpdesks/contract';
import type { TicketRef } from '../messages/protocol';
import type { PageBackground } from './page-background';
import type { PageUi } from './ui-port';

/**
 * Everything the content-script runtime needs from the outside world, injected so the runtime
 * can be driven in tests with a fake helpdesk, a fake background and spy observers.
 */
export interface ContentRuntimeDeps<Mapping = unknown> {
  /** The page half of the helpdesk: page kinds, raw REST reads, the DOM fallback. */
  helpdesk: HelpdeskInPage<Mapping>;
  doc: Document;
  win: Window;
  /** Aborted when the content script is invalidated (ctx.signal). */
  signal: AbortSignal;
  /** Calls back on every SPA route change (ctx.addEventListener(window, 'wxt:locationchange')). */
  onLocationChange: (listener: (url: URL) => void) => void;
  /** Calls back when the background says a ticket's view changed ('content:ticket-changed'). */
  onTicketChanged: (listener: (ticket: TicketRef) => void) => void;
  fetch: typeof fetch;
  /** The brain: parses what the page read, evaluates it and answers views to render. */
  background: PageBackground<Mapping>;
  /** What to render (the components), handed in so lib does not import the components. */
  ui: PageUi;
  /** Whether this helpdesk can write acknowledgement notes; if not the panel offers none. */
  canWriteNotes: boolean;
  copyText: (text: string) => Promise<boolean>;
  now: () => Date;
  /** The page's one clock for every countdown. */
  clock: SecondTicker;
  MutationObserver: typeof MutationObserver;
  IntersectionObserver: typeof IntersectionObserver;
  /** Runs work when the main thread is idle (requestIdleCallback, or rAF where missing). */
  requestIdle: (callback: () => void) => () => void;
  /** Errors are caught per feature and reported here; the runtime logs each kind once. */
  log: (feature: string, error: unknown) => void;
}

/** A log that reports each (feature, message) pair once, so a broken page does not flood the console. */
export function onceLogger(write: (text: string, error: unknown) => void): (feature: string, error: unknown) => void {
  const seen = new Set<string>();
  return (feature, error) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const key = `${feature}|${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    write(`[Escalation Watch] ${feature}: ${message}`, error);
  };
}
