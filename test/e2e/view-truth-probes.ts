import type { Page } from 'puppeteer-core';
import { inShadowRoots } from './closed-shadow';
import { waitUntil } from './harness';

/** Reading a view's row badges the way a person sees them. */

/** Each row's badge state by ticket id (the row's first cell, "#35436"); null for a row without a badge yet. */
export async function readRowStates(page: Page): Promise<Record<string, string | null>> {
  return inShadowRoots(page, 'ew-row-badge', (roots) => {
    const badgeOf = new Map(roots.map((root) => [root.host.closest('tr'), root.querySelector('.ew-row-badge')]));
    const states: Record<string, string | null> = {};
    for (const row of document.querySelectorAll('tr')) {
      const id = (row.querySelector('td')?.textContent ?? '').replace(/[^0-9]/g, '');
      if (!id) continue;
      const badge = badgeOf.get(row);
      states[id] = [...(badge?.classList ?? [])].find((c) => c.startsWith('ew-state-'))?.slice('ew-state-'.length) ?? null;
    }
    return states;
  });
}

/**
 * Waits until every row of `ids` shows a state other than "checking", recording every state each
 * row showed on the way (polled from the test runner; the page runs no loop of ours).
 */
export async function settledRowStates(
  page: Page,
  ids: readonly string[],
  timeoutMs = 45_000,
): Promise<{ states: Record<string, string | null>; seen: Map<string, Set<string>> }> {
  const seen = new Map<string, Set<string>>();
  const states = await waitUntil(
    async () => {
      const now = await readRowStates(page);
      for (const [id, state] of Object.entries(now)) if (state) seen.set(id, new Set([...(seen.get(id) ?? []), state]));
      return now;
    },
    (now) => ids.every((id) => now[id] !== null && now[id] !== undefined && now[id] !== 'checking'),
    timeoutMs,
    'every row showing its state',
  );
  return { states, seen };
}
