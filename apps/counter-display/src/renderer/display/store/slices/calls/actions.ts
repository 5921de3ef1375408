import type { DeviceEnvelope, RecentCall } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { type CallsState, initialCallsState, type NoShow } from './state';

export interface CallsActions {
  /** Fresh events, after the feed took them: remembers each no-show among them while its call is still on the board. */
  noteNoShows(envelopes: DeviceEnvelope[], recentCalls: RecentCall[]): void;
}
export type CallsSlice = CallsState & CallsActions;

export const createCallsSlice: SliceCreator<CallsSlice> = (set, get) => ({
  ...initialCallsState,

  noteNoShows(envelopes, recentCalls) {
    const fresh: NoShow[] = envelopes.flatMap(({ event, at }) =>
      event.type === 'ticket.updated' && event.ticket.state === 'no_show' && event.ticket.window !== null
        ? [{ number: event.ticket.number, window: event.ticket.window, at }]
        : [],
    );
    if (fresh.length === 0) return;
    // Only calls still on the board need hiding: the list stays as short as the feed's recent calls.
    const onBoard = new Set(recentCalls.map((c) => `${c.number}@${c.window}`));
    set({ noShows: [...get().noShows, ...fresh].filter((n) => onBoard.has(`${n.number}@${n.window}`)) });
  },
});
