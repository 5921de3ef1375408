import { io } from 'socket.io-client';
import type { LockerEvent, OpenCommand } from '@hallq/shared/contracts';
import { ok } from './expect-reply';
import type { HallSocket } from './harness';
import { api, connect, login, rid, until } from './harness';

export const LOCKER_KEY = 'demo-locker';

/** A deposit as the counter panel sends it. */
export const depositBody = (fields: Record<string, unknown> = {}) => ({
  requestId: rid('deposit'),
  caseNumber: 'LS2025-000123',
  description: '营业执照',
  applicantName: '张*',
  phone: '13800138000',
  size: 'M',
  ...fields,
});

/**
 * A real socket.io client standing in for the locker's main process: it records the door commands it is sent and
 * reports on them over HTTP with the locker's key, as the RS-485 driver's host will.
 */
export async function connectLocker(url: string) {
  const socket: HallSocket = io(url, {
    auth: { room: 'locker', token: LOCKER_KEY },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const commands: OpenCommand[] = [];
  const other: string[] = [];
  socket.onAny((event: string) => {
    if (event !== 'lockerCommands') other.push(event);
  });
  socket.on('lockerCommands', (batch) => commands.push(...batch));
  await new Promise<void>((resolve, reject) => {
    socket.once('lockerCommands', () => resolve());
    socket.once('connect_error', reject);
  });
  const http = api(url, LOCKER_KEY);
  return {
    socket,
    commands,
    other,
    http,
    /** Waits for the n-th command (1-based) since connecting. */
    async command(n: number): Promise<OpenCommand> {
      await until(() => commands.length >= n);
      return commands[n - 1]!;
    },
    report: (commandId: string, report: 'opened' | 'open_failed' | 'closed', detail?: string) =>
      ok(
        'doorReport',
        http.post(`/api/locker/commands/${commandId}/report`, {
          requestId: rid('report'),
          report,
          ...(detail !== undefined && { detail }),
        }),
      ),
    collect: (code: string) => ok('collect', http.post('/api/locker/collect', { requestId: rid('collect'), code })),
  };
}

/** A staff socket on the hall stream, with the snapshot it started from; `events` are the locker events so far. */
export async function connectStaff(url: string, token: string) {
  const c = await connect(url, { room: 'hall', token });
  return {
    socket: c.socket,
    snapshot: c.snapshot,
    /** Every envelope of the stream, in order. */
    stream: c.events,
    get events(): LockerEvent[] {
      return c.events.flatMap(({ event }) =>
        event.type === 'locker.compartment' || event.type === 'locker.keypad' ? [event] : [],
      );
    },
  };
}

/** The pickup-window clerk (c20 holds the A post of window 20, which serves 综合出件) and the manager. */
export async function pickupStaff(url: string) {
  const clerkToken = await login(url, 'c20', 'demo', 20);
  const managerToken = await login(url, 'admin', 'admin');
  const manager = api(url, managerToken);
  return {
    clerk: api(url, clerkToken),
    clerkToken,
    manager,
    /** The code of the latest notice, read from the manager's list as the clerk relaying it at the window would. */
    async latestCode(): Promise<{ id: string; code: string; text: string; phone: string }> {
      const { notices } = await ok('notices', manager.get('/api/notices'));
      const notice = notices[0]!;
      if (notice.text === null) throw new Error('the latest notice is already erased');
      const code = /取件码 (\d{6})/.exec(notice.text)![1]!;
      return { id: notice.id, code, text: notice.text, phone: notice.phone };
    },
  };
}
