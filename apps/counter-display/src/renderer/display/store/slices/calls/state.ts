/** A call given up on: the ticket was marked no-show (过号) at that window, at that moment. */
export interface NoShow {
  number: string;
  window: number;
  at: string;
}

export interface CallsState {
  /**
   * The no-shows the stream has told of, so the board stops sending people to a window that gave up on them. The feed's
   * recent calls cannot say it: a ticket that ended, finished or not, simply leaves the feed.
   */
  noShows: NoShow[];
}

export const initialCallsState: CallsState = { noShows: [] };
