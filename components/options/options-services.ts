import type { Directory } from '../../lib/people/directory-schema';
import type { Policy } from '../../lib/policy/schema';
import type { Health } from '../../lib/storage/health';
import type { EscalationRecord } from '../../lib/storage/escalation-record';
import type { EffectivePolicy, FieldMappings, GeneralSettings, HelpdeskSites, NotificationSettings } from '../../lib/storage';

/**
 * What the options page reads and writes, behind one interface: components stay free of
 * storage and browser APIs; the entrypoint provides the real thing, tests a fake or the real
 * thing over WXT's fake browser.
 */

export interface PolicyStore {
  load(): Promise<EffectivePolicy>;
  /** Saves a policy parsePolicy accepted; refuses while the policy is managed. */
  save(policy: Policy): Promise<void>;
  /** Drops the engineer's own policy: the built-in default (or the managed one) applies. */
  reset(): Promise<void>;
}

export interface SettingsStore<T> {
  load(): Promise<T>;
  save(value: T): Promise<void>;
}

import type { DataCenterHosts } from '../../lib/permissions/data-center-hosts';

export type { DataCenterAccess, DataCenterHosts } from '../../lib/permissions/data-center-hosts';

export interface FileDownloads {
  download(filename: string, text: string, type: string): void;
}

/** The background's own record of what it did (lib/storage/health.ts); read-only here. */
export interface HealthStore {
  load(): Promise<Health>;
}

/** The escalation record the background keeps (lib/storage/escalation-record.ts); read-only here. */
export interface RecordStore {
  load(): Promise<EscalationRecord>;
}

export interface OptionsServices {
  policy: PolicyStore;
  sites: SettingsStore<HelpdeskSites>;
  mappings: SettingsStore<FieldMappings>;
  notifications: SettingsStore<NotificationSettings>;
  general: SettingsStore<GeneralSettings>;
  directory: SettingsStore<Directory>;
  dataCenter: DataCenterHosts;
  files: FileDownloads;
  /** The Health tab's source; absent in tests that do not need it. */
  health?: HealthStore;
  /** The Record tab's source; absent in tests that do not need it. */
  record?: RecordStore;
}
