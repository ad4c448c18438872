import { z } from 'zod';
import { jiraMappingDefaults, jiraMappingSchema, parseJiraMapping, type JiraMapping } from '../../../lib/helpdesks/jira/mapping';
import { defaultZendeskMapping, parseZendeskMapping, zendeskMappingSchema, type ZendeskMapping } from '../../../lib/helpdesks/zendesk/mapping';
import type { FieldMappings } from '../../../lib/storage';
import type { SettingsStore } from '../options-services';

/** Both mappings resolved (defaults filled in), as the editor shows them. */
export interface EditableMappings {
  zendesk: ZendeskMapping;
  jira: JiraMapping;
}

export const editableMappingsSchema: z.ZodType<EditableMappings> = z.object({ zendesk: zendeskMappingSchema, jira: jiraMappingSchema });

/** A stored mapping that no longer parses is shown as the default; saving replaces it. */
function resolve<T>(stored: unknown, parse: (json: unknown) => T, fallback: T): T {
  if (stored === null || stored === undefined) return structuredClone(fallback);
  try {
    return parse(stored);
  } catch {
    return structuredClone(fallback);
  }
}

/** The stored JSON mappings (null = default) seen as two complete, typed mappings. */
export function editableMappingsStore(store: SettingsStore<FieldMappings>): SettingsStore<EditableMappings> {
  return {
    async load() {
      const stored = await store.load();
      return {
        zendesk: resolve(stored.zendesk, parseZendeskMapping, defaultZendeskMapping),
        jira: resolve(stored.jira, parseJiraMapping, jiraMappingDefaults),
      };
    },
    save: (value) => store.save({ zendesk: z.json().parse(value.zendesk), jira: z.json().parse(value.jira) }),
  };
}
