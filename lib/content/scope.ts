/**
 * Everything a feature sets up on the page — listeners, observers, timers, mounted UI — is
 * registered in a Scope and undone by `dispose()`. A ticket's scope is disposed when the route
 * leaves it, so nothing outlives its ticket; the root scope dies with the content script.
 * The live counts exist so tests can prove that.
 */

export interface LiveResources {
  listeners: number;
  observers: number;
  timers: number;
  scopes: number;
}

/** Cleanups may be reached twice (released early, then the scope ends): run them once. */
function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}

interface Disconnectable {
  disconnect(): void;
}

export class Scope {
  private readonly abort = new AbortController();
  private readonly cleanups = new Set<() => void>();
  private readonly children = new Set<Scope>();
  private readonly observerCleanups = new Map<Disconnectable, () => void>();
  private listeners = 0;
  private observers = 0;
  private timers = 0;

  constructor(private readonly parent?: Scope) {
    parent?.children.add(this);
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get disposed(): boolean {
    return this.abort.signal.aborted;
  }

  child(): Scope {
    if (this.disposed) throw new Error('Scope: cannot open a child of a disposed scope');
    return new Scope(this);
  }

  listen<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  listen<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  listen(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  listen(target: EventTarget, type: string, handler: (event: never) => void, options: AddEventListenerOptions = {}): void {
    if (this.disposed) return;
    target.addEventListener(type, handler as (event: Event) => void, { ...options, signal: this.abort.signal });
    this.listeners++;
    // Removal is the abort signal's job (every supported browser honours it); this only counts.
    this.cleanups.add(once(() => {
      this.listeners--;
    }));
  }

  observe<T extends Disconnectable>(observer: T): T {
    if (this.disposed) {
      observer.disconnect();
      return observer;
    }
    this.observers++;
    const cleanup = once(() => {
      observer.disconnect();
      this.observers--;
      this.observerCleanups.delete(observer);
    });
    this.observerCleanups.set(observer, cleanup);
    this.cleanups.add(cleanup);
    return observer;
  }

  /** Disconnects an observer before the scope ends (it found what it waited for). */
  release(observer: Disconnectable): void {
    const cleanup = this.observerCleanups.get(observer);
    if (!cleanup) return;
    this.cleanups.delete(cleanup);
    cleanup();
  }

  /** A one-shot timer that is cleared with the scope. */
  timeout(callback: () => void, ms: number): () => void {
    if (this.disposed) return () => undefined;
    const cleanup = once(() => {
      clearTimeout(handle);
      this.timers--;
    });
    const handle = setTimeout(() => {
      this.cleanups.delete(cleanup);
      cleanup();
      callback();
    }, ms);
    this.timers++;
    this.cleanups.add(cleanup);
    return () => {
      if (!this.cleanups.delete(cleanup)) return;
      cleanup();
    };
  }

  onDispose(cleanup: () => void): void {
    if (this.disposed) {
      cleanup();
      return;
    }
    this.cleanups.add(cleanup);
  }

  dispose(): void {
    if (this.disposed) return;
    for (const child of [...this.children]) child.dispose();
    this.abort.abort();
    for (const cleanup of [...this.cleanups].reverse()) {
      try {
        cleanup();
      } catch {
        // A cleanup that throws must not keep the others from running.
      }
    }
    this.cleanups.clear();
    this.parent?.children.delete(this);
  }

  /** What is still alive in this scope and all its children. */
  live(): LiveResources {
    const total: LiveResources = { listeners: this.listeners, observers: this.observers, timers: this.timers, scopes: 0 };
    for (const child of this.children) {
      const counts = child.live();
      total.listeners += counts.listeners;
      total.observers += counts.observers;
      total.timers += counts.timers;
      total.scopes += 1 + counts.scopes;
    }
    return total;
  }
}
