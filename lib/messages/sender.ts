/**
 * Who sent a runtime message. Only this extension's own pages (popup, options) and its content
 * scripts on watched helpdesk origins may talk to the background.
 */

/** The fields of `runtime.MessageSender` the check needs (Chrome and Firefox both fill them). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

export type SenderKind =
  | { kind: 'extension-page' }
  | { kind: 'content'; origin: string; tabId: number | undefined };

export interface SenderPolicy {
  extensionId: string;
  /** runtime.getURL('/'): chrome-extension://<id>/ or moz-extension://<uuid>/ */
  extensionBaseUrl: string;
  isWatchedOrigin: (origin: string) => boolean;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The sender's kind, or the reason it is refused. */
export function classifySender(sender: SenderInfo, policy: SenderPolicy): SenderKind | { refused: string } {
  if (sender.id !== policy.extensionId) return { refused: `sender ${sender.id ?? '(no id)'} is not this extension` };
  const extensionOrigin = originOf(policy.extensionBaseUrl);
  const senderOrigin = originOf(sender.url) ?? sender.origin ?? null;
  if (senderOrigin !== null && senderOrigin === extensionOrigin) return { kind: 'extension-page' };
  if (!sender.tab) return { refused: `sender ${senderOrigin ?? '(no url)'} is neither an extension page nor a tab` };
  if (senderOrigin === null) return { refused: 'content script sender without a url' };
  if (!policy.isWatchedOrigin(senderOrigin)) return { refused: `content script on ${senderOrigin}, which is not a watched helpdesk` };
  return { kind: 'content', origin: senderOrigin, tabId: sender.tab.id };
}
