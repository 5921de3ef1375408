import { vi } from 'vitest';
import type { HallRealtime, RealtimeHandlers } from '../client/realtime';

/** A hall feed the test drives by hand through `handlers`, once the store has started it. */
export function fakeRealtime() {
  const realtime = {
    handlers: null as RealtimeHandlers | null,
    start: vi.fn((h: RealtimeHandlers) => {
      realtime.handlers = h;
    }),
    resync: vi.fn(),
    stop: vi.fn(),
  };
  return realtime satisfies HallRealtime;
}
