import { type IssuedTicket, type PublicHall, toPublicHall } from '@hallq/shared/contracts';
import { type Ticket } from '@hallq/shared/domain';
import { fakeHallClient, fakeRealtime, makeQueueInfo, makeSnapshot, makeTicket } from '@hallq/shared/testing';
import { vi } from 'vitest';
import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import type { KioskBridge, PrintResult } from '../../bridge/kiosk-bridge';
import { createKioskStore } from './create-kiosk-store';
import type { KioskServices } from './types';

/** The demo hall as GET /api/hall answers it. */
export function demoHall(priorityPath: PublicHall['priorityPath'] = 'help_and_proxy'): PublicHall {
  const hall = loadHallConfig(DEMO_HALL_PATH);
  return toPublicHall({ ...hall, policy: { ...hall.policy, priorityPath } }, 1);
}

export { makeQueueInfo as queue };

export function issuedTicket(number: string, over: Partial<Ticket> = {}): IssuedTicket {
  return {
    ticket: makeTicket({
      id: `id-${number}`,
      hallDay: '2025-05-06',
      number,
      sequence: 1,
      windowType: 'personal',
      rank: 1,
      issuedAt: '2025-05-06T02:00:00.000Z',
      ...over,
    }),
    peopleAhead: 3,
    estimatedWaitMinutes: 12,
    windows: [1, 2, 3],
    statusToken: 'tok',
    statusPath: '/t/tok',
  };
}

export function fakeBridge(print: PrintResult = { ok: true }) {
  return {
    info: vi.fn<KioskBridge['info']>(async () => ({
      kioskId: 'k',
      deviceKey: 'demo-kiosk',
      hasIdCardReader: true,
      hasLocker: true,
    })),
    printerStatus: vi.fn<KioskBridge['printerStatus']>(async () => 'ready'),
    printTicket: vi.fn<KioskBridge['printTicket']>(async () => print),
    readIdCard: vi.fn<KioskBridge['readIdCard']>(async () => ({ ok: false, reason: 'no_card' }) as const),
    collectPickup: vi.fn<KioskBridge['collectPickup']>(async () => ({ result: 'wrong_code', attemptsLeft: 4 })),
    doorStage: vi.fn<KioskBridge['doorStage']>(async () => 'pending'),
  };
}

/**
 * A kiosk store over fakes, with the demo hall loaded, the feed connected to a hand-driven realtime and its first
 * snapshot (every type open, nobody waiting) applied, and a hand-driven clock.
 */
export function testKiosk(options: { bridge?: ReturnType<typeof fakeBridge> | null; hall?: PublicHall } = {}) {
  const api = fakeHallClient();
  const realtime = fakeRealtime();
  const bridge = options.bridge === undefined ? fakeBridge() : options.bridge;
  const clock = { now: 1_000_000 };
  let ids = 0;
  const services: KioskServices = {
    api,
    bridge,
    hasIdCardReader: bridge !== null,
    hasLocker: bridge !== null,
    now: () => clock.now,
    newRequestId: () => `request-${++ids}`,
    origin: 'http://hall.local',
  };
  const store = createKioskStore(services);
  const hall = options.hall ?? demoHall();
  store.setState({ hall, hallStatus: 'loaded' });
  store.getState().connectFeed(realtime);
  const queues = hall.windowTypes.map((t) => makeQueueInfo(t.code));
  realtime.handlers!.snapshot(makeSnapshot({ seq: 0, hallDay: '2025-05-06', queues }));
  /** Moves the clock and runs the heartbeat. */
  const advance = (ms: number) => {
    clock.now += ms;
    store.getState().tick();
  };
  return { store, api, realtime, bridge, clock, advance, state: () => store.getState() };
}
