import type { Scope } from './scope';
import { createShadowHost, type ShadowHost } from './shadow-host';

/** How long to wait for the ticket header before showing the badge floating in a corner instead. */
export const ANCHOR_GRACE_MS = 4_000;

const ANCHORED = 'ew-host-ticket';
const FLOATING = 'ew-host-ticket ew-host-floating';

export interface BadgePlacement {
  /** Resolves once the badge has a place: next to the anchor, or floating after the grace period. */
  placed: Promise<void>;
  host(): ShadowHost | null;
  /** Takes the badge off the page for good (a ticket that does not exist). */
  remove(): void;
}

/**
 * Keeps the ticket badge next to `findAnchor()`. Single-page apps render the header after the
 * route changes and re-render it at will (tabs, saves), dropping our host with the old DOM; one
 * MutationObserver, owned by the ticket's scope, puts the same host (and its open panel) back
 * next to the current header. A page that changed shape has no header, and a header that goes
 * away or cannot be told from another tab's takes the anchor with it: the badge then floats in a
 * corner rather than not showing at all.
 */
export function placeTicketBadge(
  doc: Document,
  findAnchor: () => Element | null,
  scope: Scope,
  Observer: typeof MutationObserver,
  /** Styles of the badge's shadow root (ticket styles of the components). */
  css: string,
  onCreated: (host: ShadowHost) => void,
): BadgePlacement {
  let host: ShadowHost | null = null;
  let placedAt: Element | null = null;
  let removed = false;
  let resolvePlaced: () => void = () => undefined;
  const placed = new Promise<void>((resolve) => (resolvePlaced = resolve));

  const create = (target: Element, placement: 'after' | 'append', hostClass: string) => {
    const created = createShadowHost(target, placement, { tag: 'ew-ticket-badge', hostClass, css });
    host = created;
    scope.onDispose(() => created.remove());
    resolvePlaced();
    onCreated(created);
  };

  const place = () => {
    if (removed || scope.disposed) return;
    const anchor = anchorOrNull(findAnchor);
    if (!anchor) {
      // Anchored once, and the anchor is gone or can no longer be told (another tab's pane shown,
      // the header re-rendered away): float rather than sit hidden in a stale pane.
      if (host && placedAt !== null) {
        host.moveTo(doc.body, 'append', FLOATING);
        placedAt = null;
      }
      return;
    }
    if (!host) create(anchor, 'after', ANCHORED);
    else if (anchor !== placedAt || !host.host.isConnected) host.moveTo(anchor, 'after', ANCHORED);
    placedAt = anchor;
  };

  const observer = scope.observe(
    new Observer((records) => {
      // Our own host being inserted or moved is a mutation too; it never moves the header.
      if (records.every((record) => [...record.addedNodes, ...record.removedNodes].every(isOurs))) return;
      place();
    }),
  );
  observer.observe(doc.body, { childList: true, subtree: true });
  place();

  scope.timeout(() => {
    if (host || removed) return;
    create(doc.body, 'append', FLOATING);
  }, ANCHOR_GRACE_MS);

  return {
    placed,
    host: () => host,
    remove() {
      removed = true;
      scope.release(observer);
      host?.remove();
      host = null;
      resolvePlaced();
    },
  };
}

/** A page reader that throws is a page that changed shape: no anchor, never no badge. */
function anchorOrNull(findAnchor: () => Element | null): Element | null {
  try {
    return findAnchor();
  } catch {
    return null;
  }
}

function isOurs(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName.startsWith('EW-');
}
