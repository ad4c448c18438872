/**
 * The simulator's controllable clock. Seeds are relative to `anchorMs`; advancing the clock
 * moves the anchor back, so every ticket looks older to a browser reading the real time.
 */
export class SimClock {
  constructor(private anchorMs: number) {}

  /** The instant of a seed offset, in minutes from the anchor. */
  at(minutes: number): Date {
    return new Date(this.anchorMs + minutes * 60_000);
  }

  /** Minutes from the anchor of an instant (for writes made "now"). */
  minutesOf(instant: Date): number {
    return (instant.getTime() - this.anchorMs) / 60_000;
  }

  advance(minutes: number): void {
    this.anchorMs -= minutes * 60_000;
  }
}

/** Zendesk formats instants without milliseconds: 2026-07-14T09:30:00Z. */
export function zendeskInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Jira formats instants with milliseconds and a numeric offset: 2026-07-14T09:30:00.000+0000. */
export function jiraInstant(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}
