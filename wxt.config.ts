import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // MV2 (Firefox) has no optional_host_permissions (WXT drops it): hosts go in optional_permissions.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.manifest_version === 2) {
        manifest.optional_permissions = [...(manifest.optional_permissions ?? []), 'https://*/*'];
      }
      // Chrome: the schema of the policy IT may push through storage.managed (Firefox uses enterprise policies).
      if (manifest.manifest_version === 3) {
        manifest.storage = { managed_schema: 'managed_schema.json' };
      }
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    host_permissions: ['https://*.zendesk.com/*', 'https://*.atlassian.net/*'],
    // Self-hosted Jira (Data Center): each host is asked for at run time from the options page.
    optional_host_permissions: ['https://*/*'],
    browser_specific_settings: {
      gecko: {
        id: 'escalation-watch@example.com',
        strict_min_version: '115.0',
        // Nothing is collected or sent anywhere but the helpdesk's own origin.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
