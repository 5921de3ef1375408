/**
 * How fast a change made in the console reaches the hall's screens: `pnpm bench:settings [-- --write-doc]`.
 *
 * The real server in its own process (as every benchmark starts it) holds a busy day: `TICKETS` tickets issued, the
 * demo hall's kiosks, hall display, window screens and rating pads connected as socket.io clients (one connection each,
 * as the devices are). The manager then makes `CHANGES` changes one after another, each a real section of the
 * settings (a window type added and removed, a window's served types, a holiday), and each is timed from the moment the
 * change is sent to the moment the LAST connected device has received its `hall.changed` event; the answer to the
 * manager is timed too. The aim: a kiosk sees the change within a second.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import type { HallConfig } from '@hallq/shared/contracts';
import { writeSection } from '../../../scripts/doc-sections';
import { runBenchMain, stopChild } from './children';
import { JsonClient } from './http-client';
import { startBenchServer } from './server-child';
import { summarize, type LatencySummary } from './stats';

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(PACKAGE_DIR, '../..');
const SECTION = 'settings-changes';
const TICKETS = 1500;
const CHANGES = 40;
const AIM_MS = 1000;

const { values: flags } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { 'write-doc': { type: 'boolean', default: false } },
});

/** The demo hall's device keys are documented: `demo-kiosk`, `demo-window-N`, `demo-rating-N` … */
function deviceConnections(hall: HallConfig): { room: 'kiosk' | 'hall' | 'window'; token: string; window?: number }[] {
  return [
    { room: 'kiosk', token: 'demo-kiosk' },
    { room: 'kiosk', token: 'demo-kiosk-2' },
    { room: 'hall', token: 'demo-display' },
    ...hall.windows.flatMap((w) => [
      { room: 'window' as const, token: `demo-window-${w.number}`, window: w.number },
      { room: 'hall' as const, token: `demo-rating-${w.number}` },
    ]),
  ];
}

interface Device {
  socket: Socket;
  /** Resolves at the next hall.changed to the given version. */
  waitFor(version: number): Promise<number>;
}

async function connectDevice(url: string, auth: Record<string, unknown>): Promise<Device> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const seen = new Map<number, number>();
  const waiting = new Map<number, (at: number) => void>();
  socket.on('events', (batch: { event: { type: string; hall?: { version: number } } }[]) => {
    for (const { event } of batch) {
      if (event.type !== 'hall.changed' || !event.hall) continue;
      const at = performance.now();
      seen.set(event.hall.version, at);
      waiting.get(event.hall.version)?.(at);
    }
  });
  await new Promise<void>((ok, fail) => {
    socket.once('snapshot', () => ok());
    socket.once('connect_error', fail);
  });
  return {
    socket,
    waitFor: (version) =>
      seen.has(version) ? Promise.resolve(seen.get(version)!) : new Promise((ok) => waiting.set(version, ok)),
  };
}

/** The changes, in turn: each a section as the console saves it, from the hall as it stands. */
function nextChange(i: number, hall: HallConfig, today: string): { section: keyof HallConfig; value: unknown } {
  const extra = { code: 'bench-type', prefix: 'Z', name: { zh: '临时窗口' }, kind: 'sector' as const };
  switch (i % 4) {
    case 0:
      return {
        section: 'windowTypes',
        value: [...hall.windowTypes, { ...extra, targetWaitMinutes: 15, defaultServiceMinutes: 5 }],
      };
    case 1:
      return { section: 'windowTypes', value: hall.windowTypes.filter((t) => t.code !== 'bench-type') };
    case 2:
      return {
        section: 'windows',
        value: hall.windows.map((w) =>
          w.number === 2 ? { ...w, serves: w.serves.length > 1 ? ['personal'] : ['personal', 'help'] } : w,
        ),
      };
    default:
      return {
        section: 'calendar',
        value: {
          ...hall.calendar,
          holidays: hall.calendar.holidays.includes('2099-01-01') ? [today] : ['2099-01-01'],
        },
      };
  }
}

function row(name: string, s: LatencySummary): string {
  return `| ${name} | ${s.samples} | ${s.p50.toFixed(0)} | ${s.p99.toFixed(0)} | ${s.max.toFixed(0)} |`;
}

function render(devices: number, toLast: LatencySummary, answer: LatencySummary): string {
  const verdict = toLast.max < AIM_MS ? 'PASS' : 'FAIL';
  return [
    '## Settings changes reaching the screens',
    '',
    `Measured by \`pnpm bench:settings\` (apps/queue-server/bench/settings-bench.ts) on ${cpus().length} cores: the server`,
    `in its own process with ${TICKETS} tickets issued today and ${devices} devices connected (the demo hall's kiosks,`,
    'hall display, window screens and rating pads, one socket each). The manager makes one change after another (a window',
    "type added and removed, a window's served types, a holiday); each is timed from the request to the moment the last",
    "device has its `hall.changed`, and to the manager's answer.",
    '',
    '| ms | changes | p50 | p99 | max |',
    '| --- | --- | --- | --- | --- |',
    row('until every device has the change', toLast),
    row("until the manager's answer", answer),
    '',
    `Aim: a kiosk sees a change within ${AIM_MS} ms — **${verdict}** (max ${toLast.max.toFixed(0)} ms to the last device).`,
  ].join('\n');
}

async function main(): Promise<void> {
  const file = loadHallConfig(DEMO_HALL_PATH);
  const dir = mkdtempSync(join(tmpdir(), 'hallq-settings-bench-'));
  const hall = { ...file, policy: { ...file.policy, kioskTicketsPerMinute: 1_000_000, kioskTicketBurst: 1_000_000 } };
  const server = await startBenchServer({ hall, packageDir: PACKAGE_DIR, hallDir: dir, dataDir: join(dir, 'data') });
  const sockets: Socket[] = [];
  try {
    const kiosk = new JsonClient(server.base, 'demo-kiosk', 4);
    const types = hall.windowTypes.filter((t) => t.dailyCap === undefined).map((t) => t.code);
    for (let i = 0; i < TICKETS; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          kiosk.post('/api/tickets', { windowType: types[(i + j) % types.length], requestId: randomUUID() }),
        ),
      );
    }
    kiosk.close();
    const devices = await Promise.all(deviceConnections(hall).map((auth) => connectDevice(server.url, auth)));
    sockets.push(...devices.map((d) => d.socket));
    const probe = new JsonClient(server.base, undefined);
    const login = await probe.post('/api/auth/login', { staffId: 'admin', password: 'admin' });
    probe.close();
    const manager = new JsonClient(server.base, (login.body as { token: string }).token);
    const health = await manager.get('/api/health');
    const today = (health.body as { hallDay: string }).hallDay;
    const toLast: number[] = [];
    const answers: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const view = (await manager.get('/api/settings')).body as { version: number; hall: HallConfig };
      const { section, value } = nextChange(i, view.hall, today);
      const arrivals = devices.map((d) => d.waitFor(view.version + 1));
      const sent = performance.now();
      const reply = await manager.post(`/api/settings/sections/${section}`, {
        requestId: randomUUID(),
        baseVersion: view.version,
        value,
      });
      if (reply.status !== 200)
        throw new Error(`change ${i} (${section}) answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      answers.push(performance.now() - sent);
      toLast.push(Math.max(...(await Promise.all(arrivals))) - sent);
    }
    manager.close();
    const text = render(devices.length, summarize(toLast), summarize(answers));
    console.log(text);
    if (flags['write-doc']) await writeSection(join(REPO_ROOT, 'docs/performance.md'), SECTION, text);
  } finally {
    for (const s of sockets) s.disconnect();
    await stopChild(server.child);
  }
}

runBenchMain('settings bench', main);
