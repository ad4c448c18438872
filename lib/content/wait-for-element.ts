import type { Scope } from './scope';

/**
 * Resolves with the element once `find` returns one: at once if it is already there, else on the
 * DOM mutation that brings it (single-page apps render the ticket header after the route
 * changes). The observer belongs to `scope`, so leaving the ticket disconnects it; then the
 * promise resolves with null.
 */
export function waitForElement<T extends Element>(
  root: Node,
  find: () => T | null,
  scope: Scope,
  Observer: typeof MutationObserver,
): Promise<T | null> {
  const found = find();
  if (found) return Promise.resolve(found);
  if (scope.disposed) return Promise.resolve(null);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: T | null, observer: MutationObserver) => {
      if (settled) return;
      settled = true;
      scope.release(observer);
      resolve(value);
    };
    const observer = scope.observe(
      new Observer(() => {
        const element = find();
        if (element) settle(element, observer);
      }),
    );
    observer.observe(root, { childList: true, subtree: true });
    scope.onDispose(() => settle(null, observer));
  });
}
