import { z } from 'zod';
import { defineParsedItem } from './parsed-item';

/**
 * Who the engineer is at each helpdesk, learned from the helpdesk itself (Zendesk
 * `GET /api/v2/users/me.json` → `user.id`, Jira `GET /rest/api/{3|2}/myself` → `accountId`, Data
 * Center `key`/`name`): origin → id, compared with each ticket's assignee for the popup's "Mine".
 */

export const currentUsersSchema = z.record(z.url(), z.string().min(1).max(200));
export type CurrentUsers = z.infer<typeof currentUsersSchema>;

export const currentUsersItem = defineParsedItem<CurrentUsers>({
  key: 'local:currentUsers',
  version: 1,
  schema: currentUsersSchema,
  fallback: () => ({}),
  repair: (raw, report) => {
    if (typeof raw !== 'object' || raw === null) return {};
    const kept: CurrentUsers = {};
    for (const [origin, id] of Object.entries(raw)) {
      if (currentUsersSchema.safeParse({ [origin]: id }).success) kept[origin] = id as string;
      else report(`currentUsers.${origin}: dropped, not an origin and an id`);
    }
    return kept;
  },
});
