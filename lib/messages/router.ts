import { describeIssues, type Message, MessageError, type MessageType, parseMessage } from './protocol';
import { type Envelope, type ResponseFor, responseSchemas } from './responses';
import { classifySender, type SenderInfo, type SenderKind, type SenderPolicy } from './sender';

/**
 * The background's single entry point for runtime messages: parse, check who is asking, route
 * to the handler, check the answer. Every failure comes back as `{ ok: false, error }`.
 */

export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

export type MessageHandlers = {
  [T in MessageType]: (message: MessageOf<T>, sender: SenderKind) => Promise<ResponseFor<T>>;
};

type SenderKindName = SenderKind['kind'];

/**
 * Which part of the extension may send what. Content scripts run inside helpdesk pages, next to
 * the page's own scripts: they may send only the messages they use, each answered for the
 * sender's origin alone — never the directory, the policy or another site's tickets.
 */
export const allowedSenders: Record<MessageType, readonly SenderKindName[]> = {
  'ticket:seen': ['content'],
  'tickets:list': ['extension-page'],
  'ticket:get': ['extension-page'],
  'ticket:acknowledge': ['content', 'extension-page'],
  'ticket:snooze': ['extension-page'],
  'ticket:open': ['extension-page'],
  'ticket:forget': ['extension-page'],
  'tickets:forget-view': ['extension-page'],
  'tickets:watch-view': ['extension-page'],
  'ticket:watch': ['extension-page'],
  'policy:get': ['extension-page'],
  'settings:changed': ['extension-page'],
  'directory:get': ['extension-page'],
  'ticket:ingest': ['content'],
  'tickets:ingest-many': ['content'],
  'ticket:view': ['content'],
  'page:config': ['content'],
  'options:open': ['content', 'extension-page'],
  'forecast:get': ['extension-page'],
};

export interface RouterDeps {
  senderPolicy: () => Promise<SenderPolicy> | SenderPolicy;
  handlers: MessageHandlers;
  /** Where refusals are logged (they indicate a bug or a hostile page). */
  log?: (text: string) => void;
}

function failure(error: string): Envelope<never> {
  return { ok: false, error };
}

async function dispatch<T extends MessageType>(
  message: MessageOf<T>,
  sender: SenderKind,
  handlers: MessageHandlers,
): Promise<ResponseFor<T>> {
  const handler = handlers[message.type] as (m: MessageOf<T>, s: SenderKind) => Promise<ResponseFor<T>>;
  return handler(message, sender);
}

export async function handleMessage(raw: unknown, sender: SenderInfo, deps: RouterDeps): Promise<Envelope<unknown>> {
  const log = deps.log ?? ((text: string) => console.warn(`[Escalation Watch] ${text}`));
  let message: Message;
  try {
    message = parseMessage(raw);
  } catch (error) {
    const text = error instanceof MessageError ? error.message : `Rejected message: ${String(error)}`;
    log(text);
    return failure(text);
  }
  const kind = classifySender(sender, await deps.senderPolicy());
  if ('refused' in kind) {
    const text = `Rejected ${message.type}: ${kind.refused}`;
    log(text);
    return failure(text);
  }
  if (!allowedSenders[message.type].includes(kind.kind)) {
    const from = kind.kind === 'content' ? 'a content script' : 'an extension page';
    const text = `Rejected ${message.type}: not accepted from ${from}`;
    log(text);
    return failure(text);
  }
  try {
    const data = await dispatch(message, kind, deps.handlers);
    const checked = responseSchemas[message.type].safeParse(data);
    if (!checked.success) {
      const text = `${message.type}: the background produced a malformed answer: ${describeIssues(checked.error)}`;
      log(text);
      return failure(text);
    }
    return { ok: true, data: checked.data };
  } catch (error) {
    return failure(`${message.type} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
