/**
 * Where storage problems go. A dropped or repaired value is never silent: the reason is logged
 * (and kept for the options page's diagnostics), but reading storage never throws because of it.
 */

export interface StorageProblem {
  key: string;
  reason: string;
}

export type StorageProblemSink = (problem: StorageProblem) => void;

const defaultSink: StorageProblemSink = ({ key, reason }) => {
  console.warn(`[Escalation Watch] storage ${key}: ${reason}`);
};

let sink: StorageProblemSink = defaultSink;

/** Tests and the background install their own sink; `undefined` restores the console. */
export function setStorageProblemSink(next: StorageProblemSink | undefined): void {
  sink = next ?? defaultSink;
}

export function reportStorageProblem(key: string, reason: string): void {
  sink({ key, reason });
}
