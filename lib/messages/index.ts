export {
  messageSchema,
  ticketRefSchema,
  settingsAreaSchema,
  parseMessage,
  MessageError,
  type Message,
  type MessageInput,
  type MessageType,
  type ContentMessage,
  type TicketRef,
  type SettingsArea,
} from './protocol';
export {
  responseSchemas,
  envelopeSchema,
  watchedTicketViewSchema,
  recordAcknowledgementReplySchema,
  type ResponseFor,
  type Envelope,
  type WatchedTicketView,
  type RecordAcknowledgementReply,
} from './responses';
export { sendMessage, type Transport } from './send';
export { handleMessage, allowedSenders, type MessageHandlers, type MessageOf, type RouterDeps } from './router';
export { classifySender, type SenderInfo, type SenderKind, type SenderPolicy } from './sender';
export {
  readForecastAnswer,
  type ForecastAnswer,
  type ForecastItem,
  type OfficeStripView,
  type HandoffView,
  type HandoffDueView,
} from './forecast-view';
