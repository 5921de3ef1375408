import { createFeedSlice as createHallFeedSlice, type FeedSlice as HallFeedSlice } from '@hallq/shared/client';
import type { EventEnvelope, LockerEvent, RatingRecord } from '@hallq/shared/contracts';
import { CounterHall } from '../../../services/client';
import type { SliceCreator } from '../../types';
import { SESSION_EXPIRED } from '../session/actions';

export interface FeedActions {
  /** Joins the window room with the session's token (each login is a new connection). */
  startFeed(): void;
}
/** The hall feed every page keeps (snapshot, events, resync, connection), joined to the window room. */
export type FeedSlice = HallFeedSlice & FeedActions;

const lockerEvents = (envelopes: EventEnvelope[]): LockerEvent[] =>
  envelopes.flatMap(({ event }) =>
    event.type === 'locker.compartment' || event.type === 'locker.keypad' ? [event] : [],
  );

const ratings = (envelopes: EventEnvelope[]): RatingRecord[] =>
  envelopes.flatMap(({ event }) => (event.type === 'rating.recorded' ? [event.rating] : []));

/**
 * The panel learns every change once, from the stream, and derives its views from `feed` (the next tickets, the
 * pickup window's locker alerts). What it keeps besides: its own answered action, awaited until the stream shows it,
 * the deposit form's lockers, which follow the stream while the form is open, the clerk's day, whose ratings
 * follow the stream, and the window's written notices, which the stream shows once as services end.
 */
export const createFeedSlice: SliceCreator<FeedSlice> = (set, get, { connectRealtime }) => ({
  ...createHallFeedSlice(set, get, {
    // The types the window serves, the items a finish may record, the calendar of promised dates: as the console has them now.
    hall: {
      version: () => get().hall?.version ?? null,
      changed: (hall) => {
        const counter = CounterHall.parse(hall);
        set({ hall: counter, noShowAfterCalls: counter.noShowAfterCalls });
      },
      reload: () => void get().loadHall(),
    },
    fresh(envelopes) {
      // Before the desk follows the feed: a finish of the panel's own is still busy then, so its notice is offered.
      get().collectNotices(envelopes);
      get().followFeed();
      get().applyLockerEvents(lockerEvents(envelopes));
      get().applyRatings(ratings(envelopes));
    },
    snapshot(snapshot) {
      get().followFeed();
      get().applyLockerSnapshot(snapshot.lockers);
      get().summaryAfterSnapshot();
    },
    unauthorized() {
      get().endSession(SESSION_EXPIRED);
    },
  }),

  startFeed() {
    const session = get().session;
    if (session) get().connectFeed(connectRealtime(session.window, session.token));
  },
});
