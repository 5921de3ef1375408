import type { EventEnvelope, PublicHall, QueueInfo } from '@hallq/shared/contracts';
import type { ConnectionState } from '../../../services/realtime';

export interface HallState {
  hall: PublicHall | null;
  hallStatus: 'loading' | 'loaded' | 'failed';
  nextHallLoadAt: number;
  /** The last known queues: kept while disconnected, so the home screen never goes blank. */
  queues: QueueInfo[];
  /** seq of the last applied event; null before the first snapshot. */
  seq: number | null;
  resyncing: boolean;
  connection: ConnectionState;
}

export const initialHallState: HallState = {
  hall: null,
  hallStatus: 'loading',
  nextHallLoadAt: 0,
  queues: [],
  seq: null,
  resyncing: false,
  connection: 'connecting',
};

export interface AppliedEvents {
  seq: number;
  queues: QueueInfo[];
  /** An event was missed: the caller must ask for a snapshot. */
  gap: boolean;
  /** Guide calls answered in this batch (ids). */
  answeredGuideCalls: string[];
}

/** Applies one batch in order; stops at the first gap in seq. Events already seen (seq ≤ current) are skipped. */
export function applyEnvelopes(seq: number, queues: QueueInfo[], envelopes: EventEnvelope[]): AppliedEvents {
  const out: AppliedEvents = { seq, queues, gap: false, answeredGuideCalls: [] };
  for (const envelope of envelopes) {
    if (envelope.seq <= out.seq) continue;
    if (envelope.seq !== out.seq + 1) return { ...out, gap: true };
    out.seq = envelope.seq;
    const event = envelope.event;
    if (event.type === 'queues.updated') out.queues = event.queues;
    else if (event.type === 'guide.answered') out.answeredGuideCalls.push(event.call.id);
  }
  return out;
}
