import type { Directory } from '../people/directory-schema';
import { backgroundStateItem, type BackgroundState } from '../storage/background-state';
import { directoryItem } from '../storage/directory-item';
import { type EffectivePolicy, getEffectivePolicy } from '../storage/policy-source';
import {
  fieldMappingsItem,
  type FieldMappings,
  generalSettingsItem,
  type GeneralSettings,
  helpdeskSitesItem,
  type HelpdeskSites,
  notificationSettingsItem,
  type NotificationSettings,
} from '../storage/settings';
import type { BackgroundDeps } from './deps';

/** Everything a wake reads besides the ticket store, read fresh each time (a restart loses nothing). */
export interface BackgroundContext {
  policy: EffectivePolicy;
  notifications: NotificationSettings;
  general: GeneralSettings;
  sites: HelpdeskSites;
  mappings: FieldMappings;
  directory: Directory;
  state: BackgroundState;
}

export async function loadContext(deps: Pick<BackgroundDeps, 'policyParsing'>): Promise<BackgroundContext> {
  const [policy, notifications, general, sites, mappings, directory, state] = await Promise.all([
    getEffectivePolicy(deps.policyParsing),
    notificationSettingsItem.get(),
    generalSettingsItem.get(),
    helpdeskSitesItem.get(),
    fieldMappingsItem.get(),
    directoryItem.get(),
    backgroundStateItem.get(),
  ]);
  return { policy, notifications, general, sites, mappings, directory, state };
}
