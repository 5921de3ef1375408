/**
 * How often one connection is sent a fresh snapshot on `resync`. A client that sees a gap asks once; a socket that
 * asks hundreds of times a second (a bug, or someone pulling snapshots to load the server) is answered at most once
 * per interval: the asks that arrive meanwhile are answered together, with one snapshot, when the interval is over.
 */
export const RESYNC_INTERVAL_MS = 1000;

/** Asks waiting for one answer beyond this are dropped unanswered: a client that keeps no callbacks cannot pile them up. */
const MAX_WAITING = 8;

export interface ResyncLimiter {
  ask(ack: (snapshot: unknown) => void): void;
  /** The connection closed: nothing more is sent. */
  close(): void;
}

export function resyncLimiter(
  snapshot: () => unknown,
  intervalMs = RESYNC_INTERVAL_MS,
  now = () => Date.now(),
): ResyncLimiter {
  let last = -Infinity;
  let waiting: ((snapshot: unknown) => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  const answer = () => {
    timer = undefined;
    last = now();
    const acks = waiting;
    waiting = [];
    const s = snapshot();
    for (const ack of acks) ack(s);
  };
  return {
    ask(ack) {
      if (waiting.length >= MAX_WAITING) return;
      waiting.push(ack);
      if (timer !== undefined) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) answer();
      else timer = setTimeout(answer, wait);
    },
    close() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      waiting = [];
    },
  };
}
