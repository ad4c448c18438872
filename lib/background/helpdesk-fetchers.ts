import { jira, jiraMappingDefaults, parseJiraMapping } from '../helpdesks/jira';
import { defaultZendeskMapping, parseZendeskMapping, zendesk } from '../helpdesks/zendesk';
import type { BackgroundDeps } from './deps';

/**
 * Each helpdesk's fetchTicket with its stored field mapping (null → the default). A stored
 * mapping that no longer parses fails the refresh with the mapping's own error, visible on the
 * ticket, instead of silently using a different mapping.
 */
export const helpdeskFetchers: BackgroundDeps['fetchers'] = {
  zendesk: (id, io, mappingJson) =>
    zendesk.fetchTicket(id, io, mappingJson == null ? defaultZendeskMapping : parseZendeskMapping(mappingJson)),
  jira: (id, io, mappingJson) => jira.fetchTicket(id, io, mappingJson == null ? jiraMappingDefaults : parseJiraMapping(mappingJson)),
};
