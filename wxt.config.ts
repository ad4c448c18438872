import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://*.zendesk.com/*', 'https://*.atlassian.net/*'],
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
