import type { EventEnvelope, HallEvent } from '@hallq/shared';

/**
 * Numbers every hall event with the hall-wide sequence and hands it to the subscribers (the socket.io layer).
 * The sequence starts from the journal's high-water mark so it keeps rising across restarts.
 */
export class EventHub {
  private listeners = new Set<(envelope: EventEnvelope) => void>();

  constructor(private last: number) {}

  get seq(): number {
    return this.last;
  }

  publish = (events: HallEvent[]): void => {
    const at = new Date().toISOString();
    for (const event of events) {
      const envelope: EventEnvelope = { seq: ++this.last, at, event };
      for (const listener of this.listeners) listener(envelope);
    }
  };

  subscribe(listener: (envelope: EventEnvelope) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
