import { render, type ComponentChild } from 'preact';

/**
 * Our UI lives in a shadow root on an `ew-*` host element, with its stylesheet inside the root:
 * the page's styles cannot reach in and ours cannot leak out. Equivalent to WXT's
 * createShadowRootUi with cssInjectionMode 'ui', but synchronous (the CSS is a string in the
 * bundle, no fetch of a CSS file), which matters for the badge-within-300-ms budget and for
 * hundreds of row badges. A <style> element is used rather than adoptedStyleSheets because a
 * sheet built in a Firefox content script cannot be adopted by the page's shadow root.
 */

export type HostPlacement = 'after' | 'append' | 'prepend';

export interface ShadowHost {
  host: HTMLElement;
  render(content: ComponentChild): void;
  /** Puts a host created with `detached` into the page. */
  attach(): void;
  /** Moves the host (with its UI state) next to another element, e.g. when the page re-rendered. */
  moveTo(anchor: Element, placement: HostPlacement, hostClass: string): void;
  remove(): void;
}

export function createShadowHost(
  anchor: Element,
  placement: HostPlacement,
  options: { tag: `ew-${string}`; hostClass: string; css: string; detached?: boolean },
): ShadowHost {
  const doc = anchor.ownerDocument;
  const host = doc.createElement(options.tag);
  host.className = options.hostClass;
  // Closed: page scripts cannot read our UI or reach in to click "Mark notified" (which also
  // ignores clicks that are not trusted). Only this script holds the root.
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = options.css;
  const container = doc.createElement('div');
  container.className = 'ew-root';
  root.append(style, container);
  // Keys typed into our panel must not reach the helpdesk's keyboard shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }
  let mounted = true;
  const insert = (target: Element, where: HostPlacement) => {
    if (where === 'after') target.after(host);
    else if (where === 'prepend') target.prepend(host);
    else target.append(host);
  };
  const attach = () => {
    if (mounted && !host.isConnected) insert(anchor, placement);
  };
  if (!options.detached) attach();
  return {
    host,
    render(content) {
      if (mounted) render(content, container);
    },
    attach,
    moveTo(target, where, hostClass) {
      if (!mounted) return;
      host.className = hostClass;
      insert(target, where);
    },
    remove() {
      if (!mounted) return;
      mounted = false;
      render(null, container);
      host.remove();
    },
  };
}
