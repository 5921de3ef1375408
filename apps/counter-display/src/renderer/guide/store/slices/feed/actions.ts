import { createFeedSlice, type FeedSlice } from '@hallq/shared/client';
import type { SliceCreator } from '../../types';
import { type HallState, initialHallState } from './state';

export interface FeedActions {
  /** Loads the hall and follows its stream with the guide's token. */
  startFeed(token: string): void;
  stopFeed(): void;
}
/** The desk's hall: the shared feed (tickets, windows, queues, this guide's open calls) and the hall file. */
export type HallFeedSlice = FeedSlice & HallState & FeedActions;

const HALL_RETRY_MS = 5000;

export const createHallFeedSlice: SliceCreator<HallFeedSlice> = (set, get, { client, realtime }) => {
  let hallRetry: ReturnType<typeof setTimeout> | undefined;

  const loadHall = () => {
    client
      .call('hall')
      .then((hall) => set({ hall }))
      .catch(() => {
        hallRetry = setTimeout(loadHall, HALL_RETRY_MS);
      });
  };

  const feed = createFeedSlice(set, get, {
    hall: {
      version: () => get().hall?.version ?? null,
      changed: (hall) => set({ hall }),
      reload: loadHall,
    },
    snapshot() {
      // Appointments, a ticket's history and its reactivation rule are not in the snapshot: after a reconnection or
      // a gap their changes may have been missed.
      void get().loadAppointments();
      get().refreshTrace();
    },
    fresh(envelopes) {
      const traced = get().lookup.trace?.ticket.id;
      let touched = false;
      for (const { event } of envelopes) {
        if (event.type === 'guide.called') get().guideCallArrived(event.call.id);
        else if (event.type === 'guide.answered') get().guideCallClosed(event.call.id);
        else if ('ticket' in event) {
          if (event.type === 'ticket.issued' && event.ticket.appointment)
            get().appointmentCheckedIn(event.ticket.appointment.code, event.ticket.number);
          if (event.ticket.id === traced) touched = true;
        }
      }
      // The feed brings the ticket's new state; its history and whether it may be reactivated come with the trace.
      if (touched) get().refreshTrace();
    },
    unauthorized: () => get().endSession('expired'),
  });

  return {
    ...feed,
    ...initialHallState,

    startFeed(token) {
      get().stopFeed();
      loadHall();
      get().connectFeed(realtime(token));
    },

    stopFeed() {
      clearTimeout(hallRetry);
      get().disconnectFeed();
      set(initialHallState);
    },
  };
};
