/** On-demand failures: the next `times` API requests whose path contains `pathIncludes` fail. */
export interface Fault {
  pathIncludes: string;
  status: number;
  times: number;
  /** Seconds, sent as Retry-After (with 429). */
  retryAfter?: number;
  /** Answer only after this delay (a slow or timing-out helpdesk); with status 200 the real body follows. */
  delayMs?: number;
}

export class FaultPlan {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault this request meets, consuming one of its uses. */
  take(path: string): Fault | null {
    const fault = this.faults.find((candidate) => candidate.times > 0 && path.includes(candidate.pathIncludes));
    if (!fault) return null;
    fault.times -= 1;
    return fault;
  }
}
