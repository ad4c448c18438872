import type { Evaluation } from '../engine/types';

/**
 * The toolbar icon badge: how many tickets are overdue or have roles to notify, coloured by the
 * worst of them; empty (cleared) when none.
 */

export interface ToolbarBadge {
  text: string;
  /** null when the badge is cleared. */
  color: string | null;
}

export const BADGE_COLORS = { overdue: '#C5221F', notify: '#E37400' } as const;

export function toolbarBadge(evaluations: Iterable<Pick<Evaluation, 'state'>>): ToolbarBadge {
  let overdue = 0;
  let notify = 0;
  for (const { state } of evaluations) {
    if (state === 'overdue') overdue++;
    else if (state === 'notify') notify++;
  }
  const count = overdue + notify;
  if (count === 0) return { text: '', color: null };
  return { text: count > 99 ? '99+' : String(count), color: overdue > 0 ? BADGE_COLORS.overdue : BADGE_COLORS.notify };
}
