import type { OptionsServices, SettingsStore } from '../../components/options/options-services';
import type { SettingsArea } from '../../lib/messages';
import { defaultPolicy, parsePolicy } from '../../lib/policy';
import {
  directoryItem,
  fieldMappingsItem,
  generalSettingsItem,
  getEffectivePolicy,
  healthItem,
  helpdeskSitesItem,
  notificationSettingsItem,
  saveUserPolicy,
  userPolicyItem,
  type ParsedItem,
} from '../../lib/storage';
import { nudgeBackground } from './background-nudge';
import { dataCenterHosts } from '../../lib/permissions/data-center-hosts';
import { browserDownloads } from './file-downloads';
import { escalationRecordItem } from '../../lib/storage/escalation-record';

const parsing = { parsePolicy, defaultPolicy };

function settingsStore<T>(item: ParsedItem<T>, area: SettingsArea): SettingsStore<T> {
  return {
    load: () => item.get(),
    async save(value) {
      await item.set(value);
      await nudgeBackground(area);
    },
  };
}

/** The options page's storage and browser side, over the storage items of lib/storage. */
export function browserOptionsServices(): OptionsServices {
  return {
    policy: {
      load: () => getEffectivePolicy(parsing),
      async save(policy) {
        await saveUserPolicy(policy, parsing, new Date());
        await nudgeBackground('policy');
      },
      async reset() {
        await userPolicyItem.remove();
        await nudgeBackground('policy');
      },
    },
    sites: settingsStore(helpdeskSitesItem, 'sites'),
    mappings: settingsStore(fieldMappingsItem, 'mappings'),
    notifications: settingsStore(notificationSettingsItem, 'notifications'),
    general: settingsStore(generalSettingsItem, 'general'),
    directory: settingsStore(directoryItem, 'directory'),
    dataCenter: dataCenterHosts,
    files: browserDownloads,
    health: { load: () => healthItem.get() },
    record: { load: () => escalationRecordItem.get() },
  };
}
