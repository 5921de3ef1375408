import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import type { EventEnvelope, HallConfig, HallEvent, RatingRequest } from '@hallq/shared/contracts';
import type { Outcome } from '@hallq/shared/domain';
import { DeviceEnvelope, DeviceSnapshot, EventEnvelope as EventEnvelopeSchema } from '@hallq/shared/contracts';
import { ok } from './expect-reply';
import {
  KIOSK_KEY,
  api,
  connect,
  demoHall,
  login,
  manualClock,
  rid,
  startTestServer,
  until,
  type HallSocket,
  type TestServer,
} from './harness';

/** Wednesday 11 June 2025, 10:00 in Asia/Shanghai: a working day. */
export const WEDNESDAY_10_00 = '2025-06-11T02:00:00.000Z';

/** The demo hall's pad and screen keys: `demo-rating-N` and `demo-window-N` for window N. */
export const padKey = (window: number) => `demo-rating-${window}`;
export const screenKey = (window: number) => `demo-window-${window}`;

export type Rig = Awaited<ReturnType<ReturnType<typeof ratingRigs>['open']>>;

/**
 * For files that open a fresh demo hall in each test (on a hand-moved clock) and serve citizens at its windows.
 * Call at the top of the file: its afterEach closes every server and socket it opened.
 */
export function ratingRigs() {
  const servers: TestServer[] = [];
  const sockets: HallSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  const open = async (
    options: { start?: string; hall?: HallConfig; dataDir?: string; clock?: ReturnType<typeof manualClock> } = {},
  ) => {
    const clock = options.clock ?? manualClock(options.start ?? WEDNESDAY_10_00);
    const server = await startTestServer({
      hall: options.hall ?? demoHall(),
      dataDir: options.dataDir,
      clock: clock.now,
    });
    servers.push(server);
    const kiosk = api(server.url, KIOSK_KEY);

    /** The rating pad of a window, listening on the window's room. */
    const pad = async (window: number, key = padKey(window)) => {
      const c = await connect(server.url, { room: 'window', window, token: key });
      sockets.push(c.socket);
      const http = api(server.url, key);
      return {
        ...c,
        snapshot: DeviceSnapshot.parse(c.snapshot),
        /** The rating requests this pad has been sent since connecting. */
        requests: () => ofType(c.events, 'rating.requested', 'device').map((e) => e.request),
        /** Requests that ended, as a device hears of them: the result, not the rating's details. */
        ended: () => ofType(c.events, 'rating.ended', 'device'),
        answer: (id: string, body: Record<string, unknown>) =>
          http.post(`/api/ratings/${id}`, { requestId: rid('rate'), ...body }),
      };
    };

    /** A staff connection (the manager console): it hears the ratings' details and the follow-ups. */
    const watch = async () => {
      const token = await login(server.url, 'admin', 'admin');
      const c = await connect(server.url, { room: 'hall', token });
      sockets.push(c.socket);
      return {
        ...c,
        recorded: () => ofType(c.events, 'rating.recorded'),
        followUps: () => ofType(c.events, 'followup.updated').map((e) => e.followUp),
      };
    };

    const clerks = new Map<string, ReturnType<typeof api>>();
    /** The clerk's client, logged in at the window (c03 holds the A post of window 3). */
    const clerk = async (staffId: string, window: number) => {
      const key = `${staffId}@${window}`;
      if (!clerks.has(key)) clerks.set(key, api(server.url, await login(server.url, staffId, 'demo', window)));
      return clerks.get(key)!;
    };

    /**
     * A citizen takes a ticket and is served at the window by the clerk from call to finish, `minutes` after the
     * start; the answer of the finish.
     */
    const serve = async (
      window: number,
      staffId: string,
      options: { minutes?: number; outcome?: Outcome; windowType?: string; serviceItem?: string } = {},
    ) => {
      const c = await clerk(staffId, window);
      const issued = await ok(
        'issueTicket',
        kiosk.post('/api/tickets', {
          requestId: rid('issue'),
          windowType: options.windowType ?? 'personal',
          ...(options.serviceItem !== undefined && { serviceItem: options.serviceItem }),
        }),
      );
      const called = await ok('callNext', c.post(`/api/windows/${window}/call-next`, { requestId: rid('call') }));
      expect(called.ticket?.id).toBe(issued.ticket.id);
      await ok('start', c.post(`/api/windows/${window}/start`, { requestId: rid('start') }));
      clock.advanceMinutes(options.minutes ?? 5);
      await ok(
        'finish',
        c.post(`/api/windows/${window}/finish`, {
          requestId: rid('finish'),
          outcome: options.outcome ?? { kind: 'completed' },
        }),
      );
      return issued.ticket;
    };

    /** The database as it is on disk, read beside the running server. */
    const db = () => new Database(join(server.dataDir, 'hallq.sqlite'), { readonly: true });

    /** A connection closed with the rig. */
    const keep = <C extends { socket: HallSocket }>(c: C): C => {
      sockets.push(c.socket);
      return c;
    };
    return { server, clock, kiosk, pad, watch, clerk, serve, db, keep };
  };
  return { open };
}

type EventOf<T extends HallEvent['type']> = Extract<HallEvent, { type: T }>;

/** The events of one type a connection heard, each checked against its audience's contract (staff unless told). */
export function ofType<T extends Exclude<HallEvent['type'], `ticket.${string}`>>(
  events: EventEnvelope[],
  type: T,
  audience: 'staff' | 'device' = 'staff',
): EventOf<T>[] {
  const schema = audience === 'staff' ? EventEnvelopeSchema : DeviceEnvelope;
  return events.map((e) => schema.parse(e).event).filter((e): e is EventOf<T> => e.type === type);
}

/** Waits for the pad's next rating request (the n-th since it connected, from 1). */
export async function nthRequest(pad: { requests: () => RatingRequest[] }, n: number): Promise<RatingRequest> {
  await until(() => pad.requests().length >= n);
  return pad.requests()[n - 1]!;
}
