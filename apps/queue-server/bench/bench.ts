/**
 * HallQ queue server benchmark (`pnpm bench`, flags after `--`):
 *
 *   --seconds N            measured duration of the hall simulation (default 20)
 *   --warmup N             warm-up before it (default 3)
 *   --burst-seconds N      closed-loop ticket burst (default 4)
 *   --burst-concurrency N  requests in flight during the burst (default 32: enough to keep the server busy)
 *   --sqlite-seconds N     bare SQLite time, in slots between the burst's rounds (default 3)
 *   --tmp DIR              where the temporary databases go (default the OS temp dir)
 *   --json FILE            write the results as JSON
 *   --write-doc            rewrite docs/performance.md with this run
 *   --server-cpu-prof DIR  run the server child with --cpu-prof, profiles into DIR
 *
 * The server runs as a child process (its own event loop); this process is the load: kiosks and counter panels. The
 * hall displays run in a third process (display-fleet.ts), as real displays are separate machines, so decoding every
 * event for each display does not delay the requests this process times. Latencies within this process are read from
 * performance.now(); call → display spans two processes, so both ends are stamped with process.hrtime.bigint()
 * (CLOCK_MONOTONIC on Linux, one clock for every process). It is a measurement: it exits 0 whether aims are met.
 */
import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { bigHall, DISPLAY_KEY, KIOSK_KEY, login, rid } from '../test/harness';
import { cpuSeconds, killChildrenNow, runBenchMain, spawnNode, stopChild } from './children';
import type { FleetCommand, FleetMessage, FleetReport } from './display-fleet';
import { JsonClient } from './http-client';
import { startBenchServer, type BenchServer } from './server-child';
import { BareSqlite } from './sqlite-baseline';
import {
  between,
  EVENT_LOOP_RESOLUTION_MS,
  eventLoopDelayP99Ms,
  sleep,
  summarize,
  within,
  type LatencySummary,
} from './stats';
import type { BenchResults, BurstResult } from './results';
import { renderDoc } from './write-doc';
import { markedSections } from '../../../scripts/doc-sections';

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(PACKAGE_DIR, '../..');

const WINDOWS = 100;
const DISPLAYS = 30;
const KIOSKS = 10;
/** Kiosk pace: each kiosk prints a ticket, then waits this long (ms) for the next citizen. */
const KIOSK_GAP_MS: [number, number] = [150, 350];
/** Clerk think times (ms): call → start (citizen walks up), start → finish (service), finish → next call. */
const WALK_UP_MS: [number, number] = [50, 150];
const SERVICE_MS: [number, number] = [100, 300];
const NEXT_CALL_MS: [number, number] = [50, 150];
/** When call-next finds nobody waiting, the clerk looks again after this long. */
const EMPTY_RETRY_MS: [number, number] = [1000, 3000];
/** Aims. */
const AIM_CALL_P99_MS = 50;
const AIM_ISSUE_P99_MS = 20;
const AIM_DURABLE_RATIO = 0.5;

// ---------------------------------------------------------------- options

const { values: flags } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    'burst-seconds': { type: 'string', default: '4' },
    'burst-concurrency': { type: 'string', default: '32' },
    'sqlite-seconds': { type: 'string', default: '3' },
    json: { type: 'string' },
    'write-doc': { type: 'boolean', default: false },
    'server-cpu-prof': { type: 'string' },
    tmp: { type: 'string' },
  },
  strict: true,
});

function numberFlag(name: keyof typeof flags, min: number, max: number): number {
  const value = Number(flags[name]);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name}: must be ${min}…${max}`);
  return value;
}

const SECONDS = numberFlag('seconds', 1, 600);
const WARMUP = numberFlag('warmup', 0, 60);
const BURST_SECONDS = numberFlag('burst-seconds', 1, 60);
const BURST_CONCURRENCY = Math.round(numberFlag('burst-concurrency', 1, 256));
const SQLITE_SECONDS = numberFlag('sqlite-seconds', 1, 60);

// ---------------------------------------------------------------- clean-up on every exit path

const tempDirs: string[] = [];
function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
process.on('exit', () => {
  killChildrenNow();
  removeTempDirs();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, stopping the children`);
    killChildrenNow();
    process.exit(130);
  });
}
// Whatever happens, the run ends: a hung phase cannot keep the children alive.
const hardLimitMs = (SECONDS + WARMUP + BURST_SECONDS * 2 + SQLITE_SECONDS + 180) * 1000;
setTimeout(() => {
  console.error(`bench: still running after ${hardLimitMs / 1000} s, giving up`);
  killChildrenNow();
  process.exit(1);
}, hardLimitMs).unref();

function tempDir(label: string): string {
  const dir = mkdtempSync(join(flags.tmp ? resolve(flags.tmp) : tmpdir(), `hallq-bench-${label}-`));
  tempDirs.push(dir);
  return dir;
}

// ---------------------------------------------------------------- (b) bare socket.io

async function bareSocketIo(): Promise<BenchResults['limits']['bareSocketIo']> {
  const child = spawnNode([join(PACKAGE_DIR, 'bench/socketio-baseline-server.ts')], {
    cwd: PACKAGE_DIR,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const port = await within(
      new Promise<number>((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (code) => reject(new Error(`socket.io baseline server exited (${code})`)));
        child.on('message', (m: { type: string; port?: number }) => {
          if (m.type === 'ready') resolve(m.port!);
        });
      }),
      20_000,
      'socket.io baseline server to start',
    );
    const url = `http://127.0.0.1:${port}`;
    const samples: number[] = [];
    const sockets = await within(
      Promise.all(
        Array.from({ length: DISPLAYS }, () => {
          const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
          socket.on('tick', (m: { t: string }) => {
            samples.push(Number(process.hrtime.bigint() - BigInt(m.t)) / 1e6);
          });
          return new Promise<typeof socket>((resolve, reject) => {
            socket.once('connect', () => resolve(socket));
            socket.once('connect_error', reject);
          });
        }),
      ),
      20_000,
      'socket.io baseline clients to connect',
    );
    // About the size of a hall event envelope carrying a ticket.
    const count = 200;
    const intervalMs = 20;
    const padBytes = 700;
    await within(
      new Promise<void>((resolve) => {
        child.on('message', (m: { type: string }) => {
          if (m.type === 'done') resolve();
        });
        child.send({ type: 'run', count, intervalMs, padBytes });
      }),
      count * intervalMs + 20_000,
      'socket.io baseline run',
    );
    await sleep(300);
    for (const s of sockets) s.disconnect();
    return { ...summarize(samples), clients: DISPLAYS, messages: count, intervalMs, bytes: padBytes };
  } finally {
    await stopChild(child);
  }
}

// ---------------------------------------------------------------- the hall server

type RunningServer = BenchServer;

function startServer(): Promise<RunningServer> {
  const nodeFlags: string[] = [];
  if (flags['server-cpu-prof']) {
    const dir = resolve(flags['server-cpu-prof']);
    mkdirSync(dir, { recursive: true });
    nodeFlags.push('--cpu-prof', '--cpu-prof-dir', dir);
  }
  return startBenchServer({
    hall: bigHall(WINDOWS),
    packageDir: PACKAGE_DIR,
    hallDir: tempDir('hall'),
    dataDir: tempDir('data'),
    nodeFlags,
  });
}

// ---------------------------------------------------------------- the hall displays, in their own process

/** process.hrtime.bigint() is CLOCK_MONOTONIC on Linux, the same in every process: stamps from the fleet and from
 * this process are comparable. As milliseconds since this origin, for the statistics. */
const HR_ORIGIN = process.hrtime.bigint();
const hrMs = (ns: bigint) => Number(ns - HR_ORIGIN) / 1e6;

class DisplayFleet {
  private readonly waiting = new Map<FleetMessage['type'], ((m: FleetMessage) => void)[]>();
  private readonly failed: Promise<never>;
  /** Called with every batch of `ticket.called` receipts: ticket id and receipt time (ms, see hrMs). */
  onReceipts: (tickets: string[], at: number[]) => void = () => undefined;

  private constructor(readonly child: ChildProcess) {
    this.failed = new Promise<never>((_, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`the display fleet exited (${code ?? signal})`)));
      child.on('message', (m: FleetMessage) => {
        if (m.type === 'error') reject(new Error(`the display fleet failed: ${m.message}`));
      });
    });
    this.failed.catch(() => undefined); // observed by whoever waits on the fleet
    child.on('message', (m: FleetMessage) => {
      if (m.type === 'receipts') {
        this.onReceipts(
          m.tickets,
          m.at.map((ns) => hrMs(BigInt(ns))),
        );
        return;
      }
      this.waiting.get(m.type)?.shift()?.(m);
    });
  }

  static async start(): Promise<DisplayFleet> {
    const child = spawnNode([join(PACKAGE_DIR, 'bench/display-fleet.ts')], {
      cwd: PACKAGE_DIR,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const fleet = new DisplayFleet(child);
    await fleet.reply('ready', 20_000, 'the display fleet to start');
    return fleet;
  }

  private reply<T extends FleetMessage['type']>(
    type: T,
    timeoutMs: number,
    what: string,
  ): Promise<Extract<FleetMessage, { type: T }>> {
    const answer = new Promise<Extract<FleetMessage, { type: T }>>((resolve) => {
      const list = this.waiting.get(type) ?? [];
      list.push((m) => resolve(m as Extract<FleetMessage, { type: T }>));
      this.waiting.set(type, list);
    });
    return within(Promise.race([answer, this.failed]), timeoutMs, what);
  }

  private send(command: FleetCommand): void {
    if (!this.child.connected) throw new Error('the display fleet is gone');
    this.child.send(command);
  }

  async connect(url: string, count: number): Promise<number> {
    const answer = this.reply('connected', 20_000 + count * 2000, 'the displays to connect');
    this.send({ type: 'connect', url, key: DISPLAY_KEY, count });
    return (await answer).count;
  }

  measure(): void {
    this.send({ type: 'measure' });
  }

  /** Every receipt sent before this answer has been delivered to onReceipts (IPC keeps the order). */
  async report(): Promise<FleetReport> {
    const answer = this.reply('report', 20_000, 'the display fleet to report');
    this.send({ type: 'report' });
    return await answer;
  }

  async disconnect(): Promise<void> {
    const answer = this.reply('disconnected', 20_000, 'the displays to disconnect');
    this.send({ type: 'disconnect' });
    await answer;
  }
}

// ---------------------------------------------------------------- the hall simulation

async function simulateHall(server: RunningServer, fleet: DisplayFleet): Promise<BenchResults['hall']> {
  // Clerks log in at their windows (scrypt on the server: a few at a time).
  const tokens: string[] = [];
  for (let i = 0; i < WINDOWS; i += 10) {
    const batch = Array.from({ length: Math.min(10, WINDOWS - i) }, (_, k) => {
      const n = i + k + 1;
      return login(server.url, `w${String(n).padStart(3, '0')}`, 'demo', n);
    });
    tokens.push(...(await within(Promise.all(batch), 60_000, 'clerk logins')));
  }

  // Call → display spans two processes: sends (here) and receipts (in the fleet) are both stamped with
  // process.hrtime.bigint(), one clock system-wide on Linux, as ms since HR_ORIGIN.
  const callSentAt = new Map<string, number>(); // ticket id → when its call-next was sent
  const receipts: { tickets: string[]; at: number[] }[] = [];
  fleet.onReceipts = (tickets, at) => receipts.push({ tickets, at });

  let running = true;
  let measureFrom = Number.POSITIVE_INFINITY;
  let measureTo = Number.POSITIVE_INFINITY;
  const measured = (t: number) => t >= measureFrom && t < measureTo;
  const issueLatency: number[] = [];
  let callsMeasured = 0;
  let emptyCallsMeasured = 0;
  let errors = 0;
  const errorSamples: string[] = [];
  const fail = (what: string, detail: unknown) => {
    errors += 1;
    if (errorSamples.length < 5) errorSamples.push(`${what}: ${JSON.stringify(detail).slice(0, 300)}`);
  };

  const kiosk = async (client: JsonClient) => {
    while (running) {
      const t0 = performance.now();
      const r = await client.post('/api/tickets', { windowType: 'personal', requestId: rid('issue') }).catch((e) => e);
      const dt = performance.now() - t0;
      if (r?.status === 201) {
        if (measured(t0)) issueLatency.push(dt);
      } else fail('issue', r?.body ?? String(r));
      await sleep(between(...KIOSK_GAP_MS));
    }
  };

  const window = async (number: number, client: JsonClient) => {
    const path = `/api/windows/${number}`;
    while (running) {
      const t0 = performance.now();
      const sentAt = hrMs(process.hrtime.bigint());
      const call = await client.post(`${path}/call-next`, { requestId: rid('call') }).catch((e) => e);
      if (call?.status !== 200) {
        fail('call-next', call?.body ?? String(call));
        await sleep(between(...EMPTY_RETRY_MS));
        continue;
      }
      const ticket = call.body.ticket as { id: string } | null;
      if (!ticket) {
        if (measured(t0)) emptyCallsMeasured += 1;
        await sleep(between(...EMPTY_RETRY_MS));
        continue;
      }
      if (measured(t0)) {
        callSentAt.set(ticket.id, sentAt);
        callsMeasured += 1;
      }
      // The cycle always completes, so every window is free again when the loops stop.
      await sleep(between(...WALK_UP_MS));
      const start = await client.post(`${path}/start`, { requestId: rid('start') }).catch((e) => e);
      if (start?.status !== 200) fail('start', start?.body ?? String(start));
      await sleep(between(...SERVICE_MS));
      const finish = await client
        .post(`${path}/finish`, { requestId: rid('finish'), outcome: { kind: 'completed' } })
        .catch((e) => e);
      if (finish?.status !== 200) fail('finish', finish?.body ?? String(finish));
      await sleep(between(...NEXT_CALL_MS));
    }
  };

  const kioskClients = Array.from({ length: KIOSKS }, () => new JsonClient(server.base, KIOSK_KEY));
  const windowClients = tokens.map((token) => new JsonClient(server.base, token));
  const loops = [...kioskClients.map((c) => kiosk(c)), ...windowClients.map((c, i) => window(i + 1, c))];

  console.log(`  warm-up ${WARMUP} s…`);
  await sleep(WARMUP * 1000);
  const delay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  delay.enable();
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = cpuSeconds(server.child.pid);
  const fleetCpu0 = cpuSeconds(fleet.child.pid);
  fleet.measure();
  measureFrom = performance.now();
  measureTo = measureFrom + SECONDS * 1000;
  console.log(`  measuring ${SECONDS} s…`);
  await sleep(SECONDS * 1000);
  const cpu1 = cpuSeconds(server.child.pid);
  const fleetCpu1 = cpuSeconds(fleet.child.pid);
  const elu = performance.eventLoopUtilization(elu0);
  delay.disable();
  const fleetMeasured = await fleet.report();
  running = false;
  await within(Promise.all(loops), 30_000, 'the kiosk and window loops to stop');
  await sleep(1000); // the last calls' events
  for (const c of [...kioskClients, ...windowClients]) c.close();
  const fleetTotals = await fleet.report(); // after every receipt so far has arrived
  fleet.onReceipts = () => undefined;

  const callLatency: number[] = [];
  for (const batch of receipts) {
    for (let i = 0; i < batch.tickets.length; i++) {
      const sent = callSentAt.get(batch.tickets[i]!);
      if (sent !== undefined) callLatency.push(batch.at[i]! - sent);
    }
  }
  if (errorSamples.length) console.log(`  errors (${errors}), first ones:\n    ${errorSamples.join('\n    ')}`);
  return {
    callToDisplay: summarize(callLatency),
    callsPerSecond: callsMeasured / SECONDS,
    deliveries: { expected: callsMeasured * fleetTotals.connected, received: callLatency.length },
    emptyCallsPerSecond: emptyCallsMeasured / SECONDS,
    issue: summarize(issueLatency),
    issuesPerSecond: issueLatency.length / SECONDS,
    errors,
    seqGaps: fleetTotals.seqGaps,
    serverCpuPercent: ((cpu1 - cpu0) / SECONDS) * 100,
    loadProcess: { eventLoopUtilization: elu.utilization, eventLoopDelayP99Ms: eventLoopDelayP99Ms(delay) },
    displayProcess: {
      eventLoopUtilization: fleetMeasured.eventLoopUtilization,
      eventLoopDelayP99Ms: fleetMeasured.eventLoopDelayP99Ms,
      cpuPercent: ((fleetCpu1 - fleetCpu0) / SECONDS) * 100,
    },
  };
}

// ---------------------------------------------------------------- the server's durable issue ceiling

type Round = Omit<BurstResult, 'bareSqliteTxPerSecond' | 'ratio' | 'latency'> & { latency: number[]; elapsed: number };

async function burstRound(server: RunningServer, fleetPid: number | undefined, seconds: number): Promise<Round> {
  const client = new JsonClient(server.base, KIOSK_KEY, BURST_CONCURRENCY);
  const latency: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  const cpu0 = cpuSeconds(server.child.pid);
  const load0 = cpuSeconds(process.pid);
  const fleet0 = cpuSeconds(fleetPid);
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const r = await client.post('/api/tickets', { windowType: 'personal', requestId: rid('burst') }).catch((e) => e);
      if (r?.status === 201) latency.push(performance.now() - t0);
      else errors += 1;
    }
  };
  await within(Promise.all(Array.from({ length: BURST_CONCURRENCY }, worker)), seconds * 1000 + 30_000, 'the burst');
  const elapsed = (performance.now() - started) / 1000;
  const cpu1 = cpuSeconds(server.child.pid);
  const load1 = cpuSeconds(process.pid);
  const fleet1 = cpuSeconds(fleetPid);
  client.close();
  return {
    opsPerSecond: latency.length / elapsed,
    issued: latency.length,
    errors,
    latency,
    elapsed,
    serverCpuPercent: ((cpu1 - cpu0) / elapsed) * 100,
    loadCpuPercent: ((load1 - load0) / elapsed) * 100,
    displayCpuPercent: ((fleet1 - fleet0) / elapsed) * 100,
  };
}

/**
 * The burst in rounds, each preceded by a slot of bare SQLite on the same disk: the ratio compares like with like
 * even when the disk's speed drifts during the run.
 */
async function burst(
  server: RunningServer,
  fleetPid: number | undefined,
  bare: BareSqlite,
  rounds = 3,
): Promise<BurstResult> {
  const bareRates: number[] = [];
  const done: Round[] = [];
  for (let i = 0; i < rounds; i++) {
    bareRates.push(bare.measure(SQLITE_SECONDS / rounds));
    done.push(await burstRound(server, fleetPid, BURST_SECONDS / rounds));
  }
  const elapsed = done.reduce((s, r) => s + r.elapsed, 0);
  const issued = done.reduce((s, r) => s + r.issued, 0);
  const opsPerSecond = issued / elapsed;
  const bareSqliteTxPerSecond = bareRates.reduce((s, x) => s + x, 0) / rounds;
  const cpuMean = (key: 'serverCpuPercent' | 'loadCpuPercent' | 'displayCpuPercent') =>
    done.reduce((s, r) => s + r[key] * r.elapsed, 0) / elapsed;
  return {
    opsPerSecond,
    bareSqliteTxPerSecond,
    ratio: opsPerSecond / bareSqliteTxPerSecond,
    issued,
    errors: done.reduce((s, r) => s + r.errors, 0),
    latency: summarize(done.flatMap((r) => r.latency)),
    serverCpuPercent: cpuMean('serverCpuPercent'),
    loadCpuPercent: cpuMean('loadCpuPercent'),
    displayCpuPercent: cpuMean('displayCpuPercent'),
  };
}

// ---------------------------------------------------------------- report

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : 'n/a');
const latencyText = (s: LatencySummary) => `p50 ${ms(s.p50)} · p99 ${ms(s.p99)} · max ${ms(s.max)}`;

export function tableRows(r: BenchResults): [string, string, string, string][] {
  const verdict = (name: string) => {
    const aim = r.aims.find((a) => a.name === name)!;
    return [aim.aim, aim.pass ? 'PASS' : 'MISS'] as const;
  };
  const h = r.hall;
  const l = r.limits;
  return [
    [
      `Call → display (${r.settings.displays} displays, ${h.callToDisplay.samples} samples)`,
      latencyText(h.callToDisplay),
      ...verdict('call-to-display'),
    ],
    ['Calls served (call-next that got a ticket)', `${h.callsPerSecond.toFixed(1)} calls/s`, '—', ''],
    [
      `Ticket issue, HTTP (${r.settings.kiosks} kiosks, ${h.issue.samples} samples)`,
      latencyText(h.issue),
      ...verdict('issue'),
    ],
    ['Tickets issued', `${h.issuesPerSecond.toFixed(1)} tickets/s`, '—', ''],
    [
      'Bare SQLite durable transactions (WAL, synchronous=FULL)',
      `${l.bareSqliteTxPerSecond.toFixed(0)} tx/s`,
      'ceiling',
      '',
    ],
    [
      `Server durable issue burst (${r.settings.burstConcurrency} in flight, ${r.settings.displays} displays)`,
      `${l.burst.opsPerSecond.toFixed(0)} tickets/s = ${l.durableRatio.toFixed(2)} × bare SQLite`,
      ...verdict('durable-throughput'),
    ],
    [
      'Same burst, no displays connected',
      `${l.burstNoDisplays.opsPerSecond.toFixed(0)} tickets/s = ${l.burstNoDisplays.ratio.toFixed(2)} × bare SQLite (${l.burstNoDisplays.bareSqliteTxPerSecond.toFixed(0)} tx/s then)`,
      'diagnostic',
      '',
    ],
    [
      `Bare socket.io broadcast (${l.bareSocketIo.clients} clients, ${l.bareSocketIo.samples} samples)`,
      latencyText(l.bareSocketIo),
      'baseline',
      '',
    ],
  ];
}

function printTable(rows: [string, string, string, string][]): void {
  const header: [string, string, string, string] = ['Figure', 'Result', 'Aim', ''];
  const all = [header, ...rows];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const passed = process.argv.slice(2).filter((a) => a !== '--');
  const command = ['pnpm bench', ...(passed.length ? ['--', ...passed] : [])].join(' ');
  const cpu = cpus();
  console.log(`HallQ benchmark — ${cpu.length} cores, ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);

  const bare = new BareSqlite(tempDir('sqlite'));

  console.log(`(b) bare socket.io broadcast to ${DISPLAYS} clients…`);
  const bareSocket = await bareSocketIo();

  console.log(`hall: starting the server (${WINDOWS} windows)…`);
  const server = await startServer();
  let hall: BenchResults['hall'];
  let burstResult: BurstResult;
  let burstNoDisplays: BurstResult;
  let fleet: DisplayFleet | undefined;
  try {
    fleet = await DisplayFleet.start();
    const connected = await fleet.connect(server.url, DISPLAYS);
    if (connected !== DISPLAYS) throw new Error(`${connected} of ${DISPLAYS} displays connected`);
    console.log(`hall: ${WINDOWS} clerks, ${KIOSKS} kiosks; ${DISPLAYS} displays in their own process`);
    hall = await simulateHall(server, fleet);
    console.log(
      `burst: ${BURST_CONCURRENCY} ticket requests in flight for ${BURST_SECONDS} s, displays connected, ` +
        `alternating with ${SQLITE_SECONDS} s of bare SQLite…`,
    );
    burstResult = await burst(server, fleet.child.pid, bare);
    await fleet.disconnect();
    await sleep(500);
    console.log('burst: again with no displays connected…');
    burstNoDisplays = await burst(server, fleet.child.pid, bare);
  } catch (error) {
    console.error(`server output:\n${server.output.join('')}`);
    throw error;
  } finally {
    if (fleet) await stopChild(fleet.child);
    await stopChild(server.child, 10_000);
    bare.close();
  }

  const bareSqliteTxPerSecond = burstResult.bareSqliteTxPerSecond;
  const durableRatio = burstResult.ratio;
  const results: BenchResults = {
    date: new Date().toISOString(),
    command,
    machine: { cores: cpu.length, cpu: cpu[0]?.model ?? 'unknown', node: process.version, platform: process.platform },
    settings: {
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      windows: WINDOWS,
      displays: DISPLAYS,
      kiosks: KIOSKS,
      kioskGapMs: KIOSK_GAP_MS,
      clerkThinkMs: { walkUp: WALK_UP_MS, service: SERVICE_MS, nextCall: NEXT_CALL_MS },
      emptyRetryMs: EMPTY_RETRY_MS,
      burstSeconds: BURST_SECONDS,
      burstConcurrency: BURST_CONCURRENCY,
    },
    hall,
    limits: { bareSqliteTxPerSecond, burst: burstResult, burstNoDisplays, durableRatio, bareSocketIo: bareSocket },
    aims: [
      {
        name: 'call-to-display',
        aim: `p99 < ${AIM_CALL_P99_MS} ms`,
        result: ms(hall.callToDisplay.p99),
        pass: hall.callToDisplay.p99 < AIM_CALL_P99_MS,
      },
      {
        name: 'issue',
        aim: `p99 < ${AIM_ISSUE_P99_MS} ms`,
        result: ms(hall.issue.p99),
        pass: hall.issue.p99 < AIM_ISSUE_P99_MS,
      },
      {
        name: 'durable-throughput',
        aim: `≥ ${AIM_DURABLE_RATIO} × bare SQLite`,
        result: `${durableRatio.toFixed(2)} ×`,
        pass: durableRatio >= AIM_DURABLE_RATIO,
      },
    ],
  };

  const rows = tableRows(results);
  printTable(rows);
  const h = results.hall;
  console.log(
    [
      '',
      `deliveries: ${h.deliveries.received} of ${h.deliveries.expected} (calls × displays); seq gaps seen by displays: ${h.seqGaps}; errors: ${h.errors}`,
      `call-next that found nobody: ${h.emptyCallsPerSecond.toFixed(1)}/s`,
      `server CPU: ${h.serverCpuPercent.toFixed(0)} % of a core in the hall run, ${burstResult.serverCpuPercent.toFixed(0)} % in the burst (load ${burstResult.loadCpuPercent.toFixed(0)} %, displays ${burstResult.displayCpuPercent.toFixed(0)} %), ${burstNoDisplays.serverCpuPercent.toFixed(0)} % without displays (load ${burstNoDisplays.loadCpuPercent.toFixed(0)} %)`,
      `load process: event-loop utilisation ${(h.loadProcess.eventLoopUtilization * 100).toFixed(0)} %, event-loop delay p99 ${ms(h.loadProcess.eventLoopDelayP99Ms)}`,
      `display process (${DISPLAYS} displays): CPU ${h.displayProcess.cpuPercent.toFixed(0)} % of a core, event-loop utilisation ${(h.displayProcess.eventLoopUtilization * 100).toFixed(0)} %, event-loop delay p99 ${ms(h.displayProcess.eventLoopDelayP99Ms)}`,
      `burst latency: ${latencyText(burstResult.latency)} (${burstResult.errors} errors)`,
    ].join('\n'),
  );

  if (flags.json) {
    writeFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), flags.json), JSON.stringify(results, null, 2) + '\n');
  }
  if (flags['write-doc']) {
    const path = join(REPO_ROOT, 'docs/performance.md');
    mkdirSync(dirname(path), { recursive: true });
    const kept = existsSync(path) ? markedSections(readFileSync(path, 'utf8')) : [];
    writeFileSync(path, [renderDoc(results, rows).trimEnd(), ...kept].join('\n\n').trimEnd() + '\n');
    console.log(`wrote ${path}`);
  }
}

runBenchMain('bench', main);
