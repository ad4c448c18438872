/** The engine's public contract (SPEC §3). Code outside the project relies on these names. */

export type Severity = 1 | 2 | 3 | 4;
export type Status = 'active' | 'waiting' | 'solved';
export type HelpdeskSystem = 'zendesk' | 'jira';

export type TicketEvent =
  | { at: Date; kind: 'severity'; to: Severity | null }
  | { at: Date; kind: 'status'; to: Status }
  | { at: Date; kind: 'publicReply' }
  | { at: Date; kind: 'workaround' }
  | { at: Date; kind: 'notified'; role: string };

export interface Ticket {
  system: HelpdeskSystem;
  /** '35436' for Zendesk, 'OPS-42' for Jira. */
  id: string;
  url: string;
  title: string;
  createdAt: Date;
  /** Severity now. */
  severity: Severity | null;
  /** Status now. */
  status: Status;
  /** Office id; null means the policy's default office. */
  office: string | null;
  /** Whether a workaround or action plan has been given (now). */
  workaround: boolean;
  /** Oldest first; may be empty, then the current values held all along. */
  history: TicketEvent[];
}

export type EvaluationState = 'unknown' | 'stopped' | 'paused' | 'overdue' | 'notify' | 'warning' | 'ok';

export interface NextLevel {
  level: number;
  id: string;
  /** null while the clock is paused. */
  at: Date | null;
}

export interface Evaluation {
  ticketId: string;
  severity: Severity | null;
  state: EvaluationState;
  clockStart: Date | null;
  /** 1..5; 0 when the severity is unknown. */
  level: number;
  levelId: string;
  nextLevel: NextLevel | null;
  responseDueAt: Date | null;
  respondedAt: Date | null;
  /** null while paused. */
  nextUpdateDueAt: Date | null;
  /** Role ids due so far, cumulative, without on-request roles. */
  notify: string[];
  /** notify minus acknowledged. */
  pending: string[];
  explanation: string[];
}
