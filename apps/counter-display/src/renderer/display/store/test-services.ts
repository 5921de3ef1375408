// Test-only fakes and fixtures for the screens' stores.
import type { EventEnvelope, HallEvent, PublicHall, Snapshot } from '@hallq/shared/contracts';
import type { Ticket } from '@hallq/shared/domain';
import { vi } from 'vitest';
import {
  fakeHallClient,
  fakeRealtime,
  makeEnvelope,
  makePublicHall,
  makeQueueInfo,
  makeSnapshot,
  makeTicket,
  makeWindow,
} from '@hallq/shared/testing';
import type { DisplayServices } from './create-display-store';

/** A screen's services over fakes (the hall answers at once), and the feed the test drives by hand. */
export function testServices(over: Partial<Omit<DisplayServices, 'audio'>> = {}) {
  const client = fakeHallClient();
  client.hall.mockImplementation(async () => hall());
  const services = {
    client,
    onFresh: vi.fn(),
    delay: vi.fn(async () => {}),
    now: () => Date.parse('2025-05-06T02:00:00.000Z'),
    ...over,
  } satisfies Omit<DisplayServices, 'audio'>;
  return { services, client, realtime: fakeRealtime() };
}

export function hall(over: Partial<PublicHall> = {}): PublicHall {
  return makePublicHall({
    name: { zh: '测试政务服务大厅', en: 'Test hall' },
    languages: ['zh', 'bo', 'en'],
    windowTypes: [
      {
        code: 'personal',
        prefix: 'A',
        name: { zh: '个人综窗', en: 'Personal' },
        kind: 'comprehensive',
        targetWaitMinutes: 20,
        defaultServiceMinutes: 8,
      },
      {
        code: 'tax',
        prefix: 'E',
        name: { zh: '税务' },
        kind: 'sector',
        targetWaitMinutes: 30,
        defaultServiceMinutes: 12,
      },
    ],
    windows: [
      {
        number: 3,
        name: { zh: '3号窗口', en: 'Window 3' },
        zone: '一楼',
        floor: 1,
        serves: ['personal'],
        callMode: 'preference',
        department: 'office',
      },
    ],
    ...over,
  });
}

export const queue: typeof makeQueueInfo = (windowType, over = {}) =>
  makeQueueInfo(windowType, { servingWindows: [3], ...over });

/** Ticket `number` called to window 3 by c03. */
export function ticket(number: string, over: Partial<Ticket> = {}): Ticket {
  return makeTicket({
    id: `t-${number}`,
    hallDay: '2025-05-06',
    number,
    sequence: 1,
    windowType: 'personal',
    state: 'called',
    calls: 1,
    window: 3,
    clerk: 'c03',
    rank: 0,
    issuedAt: '2025-05-06T01:00:00.000Z',
    calledAt: '2025-05-06T01:10:00.000Z',
    ...over,
  });
}

export const windowState: typeof makeWindow = (number, over = {}) =>
  makeWindow(number, { clerk: 'c03', since: '2025-05-06T01:00:00.000Z', ...over });

export const snapshot = (over: Partial<Snapshot> = {}): Snapshot => makeSnapshot({ hallDay: '2025-05-06', ...over });

export const envelope = (seq: number, event: HallEvent): EventEnvelope =>
  makeEnvelope(seq, event, '2025-05-06T02:00:00.000Z');

export const called = (seq: number, number: string, window: number): EventEnvelope =>
  envelope(seq, { type: 'ticket.called', ticket: ticket(number, { window }), window });
