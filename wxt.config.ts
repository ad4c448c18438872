import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

/**
 * The in-page stylesheets (components/ticket/styles.ts) are CSS in template strings, which no
 * minifier touches: drop their comments and spare whitespace at build time, so every content
 * script stays within its 30 KB gzipped budget (`npm run size`) while the source stays readable.
 */
function minifyInPageCss(): Plugin {
  const minify = (css: string) =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // Only declarations and media features have ": " (no selector does).
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}');
  return {
    name: 'escalation-watch:minify-in-page-css',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('/components/ticket/styles.ts')) return null;
      return { code: code.replace(/`([^`]*)`/g, (_literal, css: string) => `\`${minify(css)}\``), map: null };
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), minifyInPageCss()],
  }),
  hooks: {
    // Content scripts have a 30 KB gzipped budget each (`npm run size`): terser, two passes, on top
    // of what esbuild gives, saves about 4 % there. The other entrypoints keep esbuild's faster build.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (entrypoints.length > 0 && entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) {
        viteConfig.build = { ...viteConfig.build, minify: 'terser', terserOptions: { compress: { passes: 2 }, format: { comments: false } } };
      }
    },
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
