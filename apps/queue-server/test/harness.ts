import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, expect } from 'vitest';
import type {
  ClientToServerEvents,
  EventEnvelope,
  HallConfig,
  ServerToClientEvents,
  Snapshot,
  SocketAuth,
  TicketStatus,
} from '@hallq/shared/contracts';
import { ErrorBody, HallConfig as HallConfigSchema } from '@hallq/shared/contracts';
import { hashPassword } from '../src/auth/password';
import { ignoringHours } from '../src/config/ignore-hours';
import { DEMO_HALL_PATH, hashDeviceKey, loadHallConfig } from '@hallq/hall-file';
import type { LogLevel } from '../src/log/logger';
import { startHallServer, type HallServer, type HallServerOptions } from '../src/server';

export const KIOSK_KEY = 'demo-kiosk';
export const DISPLAY_KEY = 'demo-display';

/** Wednesday 11 June 2025, 10:00 in the demo hall's time zone (Asia/Shanghai, UTC+8): a working day, in hours. */
export const WEDNESDAY_10_00 = '2025-06-11T02:00:00.000Z';

/**
 * The demo hall, taking tickets at any hour and at any pace from one kiosk key (tests issue hundreds of tickets in a
 * second; the pace limit has its own test).
 */
export function demoHall(): HallConfig {
  const hall = ignoringHours(loadHallConfig(DEMO_HALL_PATH));
  return { ...hall, policy: { ...hall.policy, kioskTicketsPerMinute: 1_000_000, kioskTicketBurst: 1_000_000 } };
}

const BIG_HALL_PASSWORD = hashPassword('demo', Buffer.alloc(16, 7));

/**
 * A hall of `windows` identical comprehensive windows (clerk wNN at window NN), for concurrency tests and the benchmark.
 */
export function bigHall(windows: number): HallConfig {
  const demo = demoHall();
  return HallConfigSchema.parse({
    ...demo,
    windows: Array.from({ length: windows }, (_, i) => ({
      number: i + 1,
      name: { zh: `${i + 1}号窗口` },
      zone: 'A',
      floor: 1,
      serves: ['personal'],
      callMode: 'preference',
      department: 'hall-office',
    })),
    staff: [
      ...Array.from({ length: windows }, (_, i) => ({
        id: `w${String(i + 1).padStart(3, '0')}`,
        name: `Clerk ${i + 1}`,
        role: 'clerk',
        department: 'hall-office',
        passwordHash: BIG_HALL_PASSWORD,
        aWindows: [i + 1],
        bWindows: [],
      })),
    ],
    devices: {
      kiosks: [{ id: 'kiosk-1', name: 'Kiosk', zone: 'A', keyHash: hashDeviceKey(KIOSK_KEY) }],
      displays: [{ id: 'display-hall', name: 'Hall', kind: 'hall', keyHash: hashDeviceKey(DISPLAY_KEY) }],
      lockers: [],
    },
  });
}

export interface TestServer extends HallServer {
  dataDir: string;
}

export async function startTestServer(
  options: {
    hall?: HallConfig;
    dataDir?: string;
    clock?: () => Date;
    limits?: HallServerOptions['limits'];
    logLevel?: LogLevel;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hallq-test-'));
  const server = await startHallServer({
    hall: options.hall ?? demoHall(),
    dataDir,
    ...(options.clock && { clock: options.clock }),
    // Refusals are answered at once unless a test asks for the hold (one second each would add up over a suite).
    limits: { refusalHoldMs: 0, ...options.limits },
    // A test run keeps every core busy: a lowest-priority hash would wait seconds behind it.
    hashingNice: 0,
    reportsNice: 0,
    // The log goes to the data directory's file only: the suite's output stays its own.
    log: { console: false, ...(options.logLevel && { level: options.logLevel }) },
  });
  return Object.assign(server, { dataDir });
}

/** Everything the server has logged to its data directory's files, as written. */
export function logText(dataDir: string): string {
  const dir = join(dataDir, 'logs');
  return readdirSync(dir)
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}

/** The server's log lines, parsed (each is one JSON object). */
export function logLines(dataDir: string): Record<string, unknown>[] {
  return logText(dataDir)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export interface Reply<T = any> {
  status: number;
  body: T;
}

/** A tiny JSON client over real HTTP. */
export function api(baseUrl: string, token?: string) {
  const send = async <T = any>(method: string, path: string, body?: unknown, raw?: string): Promise<Reply<T>> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + path, {
      method,
      headers,
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    get: <T = any>(path: string) => send<T>('GET', path),
    post: <T = any>(path: string, body?: unknown) => send<T>('POST', path, body ?? {}),
    postRaw: <T = any>(path: string, raw: string) => send<T>('POST', path, undefined, raw),
  };
}

/** An answer with its Retry-After header, when there is one. */
export interface Answer<T = any> extends Reply<T> {
  retryAfter: string | undefined;
}

/**
 * One request over its own connection from `from`, a loopback address: 127.0.0.2 is another client to the server, so
 * limits kept per address can be tried side by side.
 */
export function sendFrom(
  baseUrl: string,
  options: { method: 'GET' | 'POST'; path: string; from: string; token?: string; body?: unknown },
): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string | number> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (body !== undefined)
    Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path: options.path,
        method: options.method,
        localAddress: options.from,
        agent: false,
        headers,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: text ? JSON.parse(text) : undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A 429 in the one error shape, whose Retry-After header and `retryAfterSeconds` agree; the seconds to wait. */
export function tooMany(answer: Answer, message?: RegExp): number {
  expect(answer.status, JSON.stringify(answer.body)).toBe(429);
  const { error } = ErrorBody.parse(answer.body);
  expect(error.code).toBe('too_many_requests');
  if (message) expect(error.message).toMatch(message);
  expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  expect(answer.retryAfter).toBe(String(error.retryAfterSeconds));
  return error.retryAfterSeconds!;
}

let counter = 0;
/** A fresh requestId. */
export const rid = (label = 'req') => `${label}-${process.pid}-${Date.now()}-${++counter}`;

export async function login(baseUrl: string, staffId: string, password: string, window?: number): Promise<string> {
  const res = await api(baseUrl).post('/api/auth/login', {
    staffId,
    password,
    ...(window !== undefined && { window }),
  });
  if (res.status !== 200) throw new Error(`login ${staffId} failed: ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

export type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects a real socket.io client and resolves with it and its first snapshot; events are collected in `events`. */
export async function connect(baseUrl: string, auth: SocketAuth) {
  const socket: HallSocket = io(baseUrl, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const events: EventEnvelope[] = [];
  socket.on('events', (batch) => events.push(...batch));
  const snapshot = await new Promise<Snapshot>((resolve, reject) => {
    socket.once('snapshot', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, snapshot, events };
}

/**
 * Connects a real socket.io client as the phone page following one ticket; resolves with its first status. Every
 * later status lands in `statuses`, the name of anything else the server sends in `other`.
 */
export async function connectStatus(baseUrl: string, statusToken: string) {
  const socket: HallSocket = io(baseUrl, {
    auth: { room: 'status', statusToken },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const statuses: TicketStatus[] = [];
  const other: string[] = [];
  socket.onAny((event: string) => {
    if (event !== 'status') other.push(event);
  });
  socket.on('status', (status) => statuses.push(status));
  await new Promise<void>((resolve, reject) => {
    socket.once('status', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, statuses, other };
}

/** Waits until `predicate` holds, polling; fails after `ms`. */
export async function until(predicate: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A hall clock the test moves by hand: `clock.now` goes to startTestServer({ clock: clock.now }). */
export function manualClock(startIso: string) {
  let ms = Date.parse(startIso);
  if (Number.isNaN(ms)) throw new Error(`bad start instant ${startIso}`);
  return {
    now: () => new Date(ms),
    set: (iso: string) => {
      ms = Date.parse(iso);
    },
    advanceMinutes: (minutes: number) => {
      ms += minutes * 60_000;
    },
    advanceMs: (delta: number) => {
      ms += delta;
    },
  };
}

export type ManualClock = ReturnType<typeof manualClock>;

/**
 * For files that open a fresh hall in each test. `open` starts a test server on a hand-moved clock (Wednesday 10:00
 * unless told otherwise) and gives a kiosk client; `keep` takes a connected socket client. Everything is closed after
 * each test. Call it at the top of the file, so its afterEach covers every test there.
 */
export function hallPerTest() {
  const servers: TestServer[] = [];
  const sockets: HallSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const open = async (
    options: {
      hall?: HallConfig;
      dataDir?: string;
      start?: string;
      clock?: ManualClock;
      limits?: HallServerOptions['limits'];
    } = {},
  ) => {
    const clock = options.clock ?? manualClock(options.start ?? WEDNESDAY_10_00);
    const server = await startTestServer({
      hall: options.hall,
      dataDir: options.dataDir,
      clock: clock.now,
      limits: options.limits,
    });
    servers.push(server);
    return { server, clock, kiosk: api(server.url, KIOSK_KEY) };
  };
  const keep = <C extends { socket: HallSocket }>(client: C): C => {
    sockets.push(client.socket);
    return client;
  };
  return { open, keep };
}

/** Every file below `dir`, its subfolders' (the logs) included: what a test searches for data that must not be there. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
