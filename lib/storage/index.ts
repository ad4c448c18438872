/** Typed, versioned storage items (every read parsed with zod) and pure operations on them. */
export { defineParsedItem, StorageWriteError, type ParsedItem, type ParsedItemOptions } from './parsed-item';
export { setStorageProblemSink, type StorageProblem, type StorageProblemSink } from './storage-log';
export {
  watchedTicketKey,
  ticketKeyAt,
  watchedEntryKey,
  entryAt,
  watchedTicketSchema,
  watchedStoreSchema,
  type WatchedTicket,
  type WatchedStore,
  type Acknowledgement,
  type RefreshError,
} from './watched-ticket-schema';
export { watchedTicketsItem, repairWatchedStore, WATCHED_TICKETS_VERSION } from './watched-tickets';
export type { StoreRevisions, EntryRevision } from './watched-store-revisions';
export {
  recordSeenTicket,
  recordRefreshAttempt,
  recordRefreshFailure,
  acknowledgeRole,
  snoozeTicket,
  markShown,
  forgetTicket,
  pruneStore,
  defaultStoreLimits,
  type SeenTicket,
  type StoreLimits,
} from './watched-store';
export {
  notificationSettingsItem,
  generalSettingsItem,
  helpdeskSitesItem,
  fieldMappingsItem,
  notificationSettingsSchema,
  generalSettingsSchema,
  helpdeskSitesSchema,
  fieldMappingsSchema,
  defaultNotificationSettings,
  defaultGeneralSettings,
  defaultHelpdeskSites,
  defaultFieldMappings,
  type NotificationSettings,
  type GeneralSettings,
  type HelpdeskSites,
  type FieldMappings,
  type AckNoteMode,
  type Weekday,
} from './settings';
export { SYNC_QUOTA_BYTES_PER_ITEM, syncItemBytes } from './sync-quota';
export {
  userPolicyItem,
  storedPolicyJson,
  getEffectivePolicy,
  saveUserPolicy,
  choosePolicy,
  readManagedPolicyJson,
  MANAGED_POLICY_KEY,
  MANAGED_POLICY_JSON_KEY,
  type EffectivePolicy,
  type PolicySourceKind,
  type PolicyParsing,
  type UserPolicyStored,
} from './policy-source';
export { directoryItem, repairDirectory } from './directory-item';
export { backgroundStateItem, initialBackgroundState, type BackgroundState } from './background-state';
export { notificationLogItem, appendRaised, NOTIFICATION_LOG_CAP, type RaisedNotification } from './notification-log';
export { currentUsersItem, type CurrentUsers } from './current-users';
export {
  healthItem,
  healthSchema,
  emptyHealth,
  recordWake,
  recordRefused,
  recordOriginError,
  HEALTH_LIMITS,
  type Health,
  type HeldNotification,
  type RefusedTicket,
  type WakeRecord,
} from './health';
