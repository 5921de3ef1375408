import type { PublicHall, QueueInfo } from '@hallq/shared/contracts';

export interface HallState {
  hall: PublicHall | null;
  hallStatus: 'loading' | 'loaded' | 'failed';
  nextHallLoadAt: number;
  /**
   * GET /api/queues, read once when the page starts: the home tiles show these only until the feed's first snapshot,
   * so a slow socket does not leave them empty. Every change after that comes from the feed.
   */
  queuesBeforeFeed: QueueInfo[];
}

export const initialHallState: HallState = {
  hall: null,
  hallStatus: 'loading',
  nextHallLoadAt: 0,
  queuesBeforeFeed: [],
};
