/**
 * Runs tasks one at a time, in order. Two alarm wakes, a message and a notification click that
 * arrive together must not both read "not yet shown" and both notify.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Like run, but a request made while an earlier one is still waiting to start joins it. */
  coalesce<T>(name: string, task: () => Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  const waiting = new Map<string, Promise<unknown>>();
  const run = <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
  return {
    run,
    coalesce<T>(name: string, task: () => Promise<T>): Promise<T> {
      const pending = waiting.get(name);
      if (pending) return pending as Promise<T>;
      const result = run(async () => {
        waiting.delete(name); // from now on a new request must run again: this one has started
        return task();
      });
      waiting.set(name, result);
      return result;
    },
  };
}
