/**
 * Our shadow roots are closed (lib/content/shadow-host.ts), so `host.shadowRoot` is null. Test pages
 * keep each root as it is attached, as only the content script itself could. Importing this module
 * installs the wrapper once; it has no test-runner imports, so both the vitest harness and the
 * in-browser measurement page (bundled for a real browser) use it.
 */
const attachedRoots = new WeakMap<Element, ShadowRoot>();

if (typeof Element !== 'undefined') {
  // Files that only use pure helpers run without a DOM.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = attachShadow.call(this, init);
    attachedRoots.set(this, root);
    return root;
  };
}

/** The (closed) shadow root of one of our hosts, or null. */
export function shadowRootOf(host: Element | null | undefined): ShadowRoot | null {
  return (host && attachedRoots.get(host)) ?? null;
}
