import { browser } from 'wxt/browser';
import { describeIssues, MessageError, type MessageInput, type MessageType, messageSchema } from './protocol';
import { type Envelope, envelopeSchema, type ResponseFor } from './responses';

/**
 * The typed way popup, options and content scripts talk to the background: the message is
 * checked before it leaves, the answer is parsed, and a failure is thrown as a MessageError.
 */

export type Transport = (message: unknown) => Promise<unknown>;

const runtimeTransport: Transport = (message) => browser.runtime.sendMessage(message);

export async function sendMessage<T extends MessageType>(
  message: Extract<MessageInput, { type: T }>,
  transport: Transport = runtimeTransport,
): Promise<ResponseFor<T>> {
  const outgoing = messageSchema.safeParse(message);
  if (!outgoing.success) throw new MessageError(`Not sent: ${describeIssues(outgoing.error)}`);
  const type = message.type as T;
  const reply = envelopeSchema(type).safeParse(await transport(message));
  if (!reply.success) throw new MessageError(`${type}: malformed answer: ${describeIssues(reply.error)}`);
  const envelope = reply.data as Envelope<ResponseFor<T>>;
  if (!envelope.ok) throw new MessageError(envelope.error);
  return envelope.data;
}
