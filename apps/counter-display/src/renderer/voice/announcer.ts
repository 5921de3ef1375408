import type { DeviceEnvelope } from '@hallq/shared/contracts';
import { type Call, clipsForCall } from './call-clips';
import type { ClipId } from './clip-ids';

/** Plays one clip; resolves when it has finished. */
export interface ClipPlayer {
  play(clip: ClipId): Promise<void>;
}

export interface Announcement extends Call {
  clips: ClipId[];
}

export interface Announcer {
  /** Queues a call; it is said after every call queued before it. */
  announce(call: Call): void;
  /** Resolves once everything queued so far has been said. */
  idle(): Promise<void>;
}

/**
 * One announcement at a time, in arrival order, none dropped. A clip that fails to play is skipped rather than
 * stalling the queue: the rest of the sentence is still worth saying.
 */
export function createAnnouncer(
  player: ClipPlayer,
  onStart: (announcement: Announcement) => void = () => {},
): Announcer {
  let tail: Promise<void> = Promise.resolve();

  async function say(announcement: Announcement): Promise<void> {
    onStart(announcement);
    for (const clip of announcement.clips) await player.play(clip).catch(() => undefined);
  }

  return {
    announce(call) {
      const announcement: Announcement = { ...call, clips: clipsForCall(call) };
      tail = tail.then(() => say(announcement));
    },
    idle: () => tail,
  };
}

/** The calls among freshly applied events (never a snapshot's history): what the hall display says aloud. */
export function callsToAnnounce(fresh: readonly DeviceEnvelope[]): Call[] {
  return fresh.flatMap(({ event }) =>
    event.type === 'ticket.called' || event.type === 'ticket.recalled'
      ? [{ number: event.ticket.number, window: event.window, recall: event.type === 'ticket.recalled' }]
      : [],
  );
}

/** The hall display's `onFresh`: every call or recall among the fresh events, queued in order. */
export function announceFreshCalls(announcer: Pick<Announcer, 'announce'>): (fresh: readonly DeviceEnvelope[]) => void {
  return (fresh) => {
    for (const call of callsToAnnounce(fresh)) announcer.announce(call);
  };
}
