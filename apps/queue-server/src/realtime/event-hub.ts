import type { EventEnvelope, HallEvent } from '@hallq/shared/contracts';

/**
 * Numbers every hall event with the hall-wide sequence and hands it to the subscribers (the socket.io layer).
 * The sequence keeps rising across restarts: numbers are reserved durably in blocks (`reserve`) before they are used,
 * and a restarted server starts above the last reservation.
 */
export class EventHub {
  private listeners = new Set<(envelopes: EventEnvelope[]) => void>();
  private reserved: number;

  constructor(
    private last: number,
    private readonly reserve: (upTo: number) => void = () => undefined,
    private readonly block = 1000,
  ) {
    this.reserved = last;
  }

  get seq(): number {
    return this.last;
  }

  /** `at` is the hall clock's time of the change the events report. */
  publish = (events: HallEvent[], at: Date): void => {
    if (this.last + events.length > this.reserved) {
      const upTo = this.last + events.length + this.block;
      this.reserve(upTo);
      this.reserved = upTo;
    }
    const iso = at.toISOString();
    const envelopes = events.map((event): EventEnvelope => ({ seq: ++this.last, at: iso, event }));
    for (const listener of this.listeners) listener(envelopes);
  };

  subscribe(listener: (envelopes: EventEnvelope[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
