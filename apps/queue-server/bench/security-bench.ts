/**
 * HallQ security benchmark (`pnpm bench:security`, flags after `--`): what the hall's abuse limits cost the people who
 * use it honestly.
 *
 *   --seconds N      length of each measured phase: quiet, login flood from one address, from many (default 10)
 *   --flood N        login requests in flight during a flood (default 32)
 *   --tickets N      tickets issued before the snapshot is measured (default 5000)
 *   --served N       of those, how many clerks call and finish first (default 1000)
 *   --tmp DIR        where the temporary databases go (default the OS temp dir)
 *   --write-doc      rewrite this benchmark's section of docs/security.md
 *
 * The server runs as a child process (`src/main.ts`, as bench.ts starts it); this process plays kiosks, clerks,
 * displays and the attacker. A flood "from many addresses" binds its connections to fresh loopback addresses
 * (127.1.x.y, Linux routes all of 127/8 to lo), so the per-address throttle does not stop it and the hashing cap must.
 * It is a measurement: it exits 0 whether the aim is met.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { QueuePolicy, type HallConfig, type SocketAuth } from '@hallq/shared/contracts';
import { bigHall, connect, DISPLAY_KEY, KIOSK_KEY, login, rid } from '../test/harness';
import { childrenCpuSeconds, cpuSeconds, killChildrenNow, runBenchMain, stopChild } from './children';
import { JsonClient, type JsonReply } from './http-client';
import { startBenchServer, type BenchServer } from './server-child';
import { between, sleep, summarize, within } from './stats';
import { writeSection } from '../../../scripts/doc-sections';
import {
  DOC_INTRO,
  outcome,
  printReport,
  renderSection,
  SECTION,
  type FloodResult,
  type SecurityResults,
  type SnapshotResult,
} from './security-doc';

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(PACKAGE_DIR, '../..');
const WINDOWS = 20;
const KIOSKS = 5;
const KIOSK_GAP_MS: [number, number] = [100, 200];
/** One flood loop in this many guesses a real staff id (wrong password); the rest make up ids. */
const REAL_ID_EVERY = 4;
const TARGET_STAFF = 'w001';
/** A flood from many addresses moves to a fresh one after this many guesses (the address throttle frees 20). */
const GUESSES_PER_ADDRESS = 15;
const REPEATS = 5;
const ticketBody = (label: string) => ({ windowType: 'personal', requestId: rid(label) });

const { values: flags } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    seconds: { type: 'string', default: '10' },
    flood: { type: 'string', default: '32' },
    tickets: { type: 'string', default: '5000' },
    served: { type: 'string', default: '1000' },
    tmp: { type: 'string' },
    'write-doc': { type: 'boolean', default: false },
  },
  strict: true,
});
function numberFlag(name: 'seconds' | 'flood' | 'tickets' | 'served', min: number, max: number): number {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name}: must be ${min}…${max}`);
  return value;
}
const SECONDS = numberFlag('seconds', 1, 300);
const FLOOD = numberFlag('flood', 1, 512);
const TICKETS = numberFlag('tickets', 1, 100_000);
const SERVED = Math.min(numberFlag('served', 0, 100_000), TICKETS);

const tempDirs: string[] = [];
process.on('exit', () => {
  killChildrenNow();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killChildrenNow();
    process.exit(130);
  });
}
const hardLimitMs = (SECONDS * 3 + TICKETS / 50 + 240) * 1000;
setTimeout(() => {
  console.error(`bench:security: still running after ${hardLimitMs / 1000} s, giving up`);
  killChildrenNow();
  process.exit(1);
}, hardLimitMs).unref();

function tempDir(label: string): string {
  const dir = mkdtempSync(join(flags.tmp ? resolve(flags.tmp) : tmpdir(), `hallq-security-${label}-`));
  tempDirs.push(dir);
  return dir;
}

// ---------------------------------------------------------------- the server and raw requests

type Server = BenchServer;

/** The real server in its own process, on a fresh data directory, with `hall`. */
const startServer = (hall: HallConfig): Promise<Server> =>
  startBenchServer({ hall, packageDir: PACKAGE_DIR, hallDir: tempDir('hall'), dataDir: tempDir('data') });

/** A keep-alive connection from one source address (127/8 is all loopback on Linux). */
const agentFrom = (localAddress: string) => new Agent({ keepAlive: true, maxSockets: 1, localAddress });

/** POST JSON through `agent`; the reply with its Retry-After header. */
function postVia(
  agent: Agent,
  port: number,
  path: string,
  body: unknown,
  token?: string,
): Promise<JsonReply & { retryAfter: string | undefined }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers, agent, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const body: unknown = text.startsWith('{') ? JSON.parse(text) : text;
        resolve({ status: res.statusCode ?? 0, body, retryAfter: res.headers['retry-after'] });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`POST ${path}: no answer within 15 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

let addressCounter = 0;
/** A loopback address of its own for each call, away from 127.0.0.1 (the kiosks'). */
function freshAddress(block: number): string {
  const n = addressCounter++;
  return `127.${block}.${Math.floor(n / 254) % 256}.${(n % 254) + 1}`;
}

/** A request that got no answer, as an outcome: status 0 and the error. */
const unanswered = (e: Error) => ({
  status: 0,
  body: { error: { code: e.message.slice(0, 60) } },
  retryAfter: undefined,
});

// ---------------------------------------------------------------- 1. ticket issue, quiet and under a login flood

/** A right password from a fresh address, during or after a flood: what an honest clerk gets. */
async function clerkLogin(server: Server, staffId: string, from: string) {
  const agent = agentFrom(from);
  const t0 = performance.now();
  const r = await postVia(agent, server.port, '/api/auth/login', { staffId, password: 'demo' }).catch(unanswered);
  agent.destroy();
  return { staffId, from, status: outcome(r), ms: performance.now() - t0, retryAfter: r.retryAfter ?? null };
}

async function issueUnderFlood(server: Server): Promise<SecurityResults['issue']> {
  type Phase = 'quiet' | 'oneAddress' | 'manyAddresses';
  let phase: Phase | null = null;
  let kiosksRunning = true;
  const samples: Record<Phase, number[]> = { quiet: [], oneAddress: [], manyAddresses: [] };
  let kioskErrors = 0;
  const kiosk = async (client: JsonClient) => {
    while (kiosksRunning) {
      const at = phase;
      const t0 = performance.now();
      const r = await client.post('/api/tickets', ticketBody('issue')).catch(() => null);
      if (r?.status === 201) {
        if (at) samples[at].push(performance.now() - t0);
      } else kioskErrors += 1;
      await sleep(between(...KIOSK_GAP_MS));
    }
  };
  const kioskClients = Array.from({ length: KIOSKS }, () => new JsonClient(server.base, KIOSK_KEY));
  const kioskLoops = kioskClients.map((c) => kiosk(c));

  const flood = async (spread: boolean): Promise<FloodResult> => {
    const outcomes: Record<string, number> = {};
    let retryAfter: [number, number] | null = null;
    let running = true;
    let guess = 0;
    const loop = async (i: number) => {
      let agent = agentFrom(spread ? freshAddress(1) : '127.0.0.1');
      for (let sent = 1; running; sent++) {
        const staffId = i % REAL_ID_EVERY === 0 ? TARGET_STAFF : `nobody-${++guess}`;
        const body = { staffId, password: 'wrong' };
        const r = await postVia(agent, server.port, '/api/auth/login', body).catch(unanswered);
        const key = outcome(r);
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        if (r.retryAfter !== undefined) {
          const wait = Number(r.retryAfter);
          retryAfter = retryAfter ? [Math.min(retryAfter[0], wait), Math.max(retryAfter[1], wait)] : [wait, wait];
        }
        if (spread && sent % GUESSES_PER_ADDRESS === 0) {
          agent.destroy();
          agent = agentFrom(freshAddress(1));
        }
      }
      agent.destroy();
    };
    const cpu0 = cpuSeconds(server.child.pid);
    const hashing0 = childrenCpuSeconds(server.child.pid);
    const t0 = performance.now();
    const loops = Array.from({ length: FLOOD }, (_, i) => loop(i));
    await sleep((SECONDS * 1000) / 2);
    // Halfway: an honest clerk logs in from an address of their own, while the flood runs.
    const during = await clerkLogin(server, spread ? 'w003' : 'w002', freshAddress(2));
    await sleep((SECONDS * 1000) / 2);
    running = false;
    await within(Promise.all(loops), 60_000, 'the flood to stop');
    const elapsed = (performance.now() - t0) / 1000;
    const requests = Object.values(outcomes).reduce((s, n) => s + n, 0);
    return {
      requests,
      perSecond: requests / elapsed,
      outcomes,
      retryAfterSeconds: retryAfter,
      serverCpuPercent: ((cpuSeconds(server.child.pid) - cpu0) / elapsed) * 100,
      // Started at the first login, so the quiet phase has none; a hash process started during the flood counts whole.
      hashingCpuPercent: ((childrenCpuSeconds(server.child.pid) - (hashing0 || 0)) / elapsed) * 100,
      clerkLogin: during,
    };
  };

  await sleep(1000); // warm-up
  console.log(`  quiet: ${KIOSKS} kiosks for ${SECONDS} s…`);
  phase = 'quiet';
  const cpu0 = cpuSeconds(server.child.pid);
  await sleep(SECONDS * 1000);
  const quietCpu = ((cpuSeconds(server.child.pid) - cpu0) / SECONDS) * 100;
  console.log(`  login flood from one address, ${FLOOD} in flight, ${SECONDS} s…`);
  phase = 'oneAddress';
  const oneAddress = await flood(false);
  console.log(`  login flood from many addresses, ${FLOOD} in flight, ${SECONDS} s…`);
  phase = 'manyAddresses';
  const manyAddresses = await flood(true);
  phase = null;
  kiosksRunning = false;
  await within(Promise.all(kioskLoops), 30_000, 'the kiosks to stop');
  for (const c of kioskClients) c.close();

  // After the floods: the clerk whose id was guessed, and a clerk at the flooding address, log in right.
  const after = [
    await clerkLogin(server, TARGET_STAFF, freshAddress(2)),
    await clerkLogin(server, 'w004', '127.0.0.1'),
    await clerkLogin(server, 'w005', freshAddress(2)),
  ];
  return {
    quiet: summarize(samples.quiet),
    quietServerCpuPercent: quietCpu,
    oneAddress: { latency: summarize(samples.oneAddress), flood: oneAddress },
    manyAddresses: { latency: summarize(samples.manyAddresses), flood: manyAddresses },
    kioskErrors,
    after,
  };
}

// ---------------------------------------------------------------- 2. snapshot at many tickets

async function measureSnapshot(server: Server, auth: SocketAuth): Promise<SnapshotResult> {
  const connectMs: number[] = [];
  const resyncMs: number[] = [];
  let bytes = 0;
  let tickets = 0;
  let recentCalls = 0;
  let resyncAgainMs = Number.NaN;
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    const { socket, snapshot } = await within(connect(server.url, auth), 30_000, 'the snapshot');
    connectMs.push(performance.now() - t0);
    if (i === 0) {
      bytes = Buffer.byteLength(JSON.stringify(snapshot));
      tickets = snapshot.tickets.length;
      recentCalls = snapshot.recentCalls.length;
    }
    const t1 = performance.now();
    await socket.timeout(30_000).emitWithAck('resync');
    resyncMs.push(performance.now() - t1);
    if (i === 0) {
      // At once again on the same connection: is a second resync limited?
      const t2 = performance.now();
      await socket.timeout(30_000).emitWithAck('resync');
      resyncAgainMs = performance.now() - t2;
    }
    socket.disconnect();
  }
  return { bytes, tickets, recentCalls, connect: summarize(connectMs), resync: summarize(resyncMs), resyncAgainMs };
}

async function snapshots(server: Server): Promise<SecurityResults['snapshot']> {
  const tokens: string[] = [];
  for (let n = 1; n <= WINDOWS; n++) tokens.push(await login(server.url, `w${String(n).padStart(3, '0')}`, 'demo', n));
  const display: SocketAuth = { room: 'hall', token: DISPLAY_KEY };
  const staff: SocketAuth = { room: 'hall', token: tokens[0]! };
  const empty = { display: await measureSnapshot(server, display), staff: await measureSnapshot(server, staff) };

  console.log(`  issuing ${TICKETS} tickets with a clerk's token (a kiosk key is paced), 16 in flight…`);
  const kiosk = new JsonClient(server.base, tokens[1]!, 16);
  let claimed = 0;
  let issued = 0;
  let refused429 = 0;
  const otherErrors: string[] = [];
  const t0 = performance.now();
  const issuer = async () => {
    while (claimed < TICKETS) {
      claimed += 1;
      const r = await kiosk.post('/api/tickets', ticketBody('fill'));
      if (r.status === 201) issued += 1;
      else {
        claimed -= 1;
        if (r.status === 429) {
          // A device's pace limit, if the server has one: wait as told, and count it.
          refused429 += 1;
          await sleep(((r.body as { error: { retryAfterSeconds?: number } }).error.retryAfterSeconds ?? 1) * 1000);
        } else if (otherErrors.push(outcome(r)) > 20) throw new Error(`issuing: ${otherErrors.join(', ')}`);
      }
    }
  };
  await within(Promise.all(Array.from({ length: 16 }, issuer)), TICKETS * 100 + 60_000, 'the tickets');
  const issueSeconds = (performance.now() - t0) / 1000;
  kiosk.close();

  console.log(`  ${WINDOWS} clerks call, start and finish ${SERVED} of them…`);
  let served = 0;
  const clerk = async (n: number, client: JsonClient) => {
    const path = `/api/windows/${n}`;
    while (served < SERVED) {
      served += 1;
      const call = await client.post(`${path}/call-next`, { requestId: rid('call') });
      if (call.status !== 200 || !call.body.ticket) throw new Error(`call-next: ${outcome(call)}`);
      await client.post(`${path}/start`, { requestId: rid('start') });
      const done = await client.post(`${path}/finish`, { requestId: rid('finish'), outcome: { kind: 'completed' } });
      if (done.status !== 200) throw new Error(`finish: ${outcome(done)}`);
    }
  };
  const clerks = tokens.map((t) => new JsonClient(server.base, t));
  await within(Promise.all(clerks.map((c, i) => clerk(i + 1, c))), SERVED * 200 + 60_000, 'the clerks');
  for (const c of clerks) c.close();

  console.log('  snapshots…');
  const full = { display: await measureSnapshot(server, display), staff: await measureSnapshot(server, staff) };
  return { issued, issueSeconds, refused429, served, empty, full };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const passed = process.argv.slice(2).filter((a) => a !== '--');
  const command = ['pnpm bench:security', ...(passed.length ? ['--', ...passed] : [])].join(' ');
  const cpu = cpus();
  console.log(
    `HallQ security benchmark — ${cpu.length} cores, ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  );

  console.log('1. ticket issue, quiet and under a login flood');
  // One kiosk key issues at any pace here, as the harness's hall lets it: the five kiosks share it, each at a human pace.
  const unpaced = bigHall(WINDOWS);
  const anyPace = { kioskTicketsPerMinute: 1_000_000, kioskTicketBurst: 1_000_000 };
  let server = await startServer({ ...unpaced, policy: { ...unpaced.policy, ...anyPace } });
  let issue: SecurityResults['issue'];
  try {
    issue = await issueUnderFlood(server);
  } finally {
    await stopChild(server.child, 10_000);
  }

  console.log(`2. snapshot at ${TICKETS} tickets (a fresh server)`);
  // The kiosk pace limit as a hall file has it by default: the tickets are issued by a clerk, the pace probed after.
  const paced = bigHall(WINDOWS);
  const { kioskTicketsPerMinute, kioskTicketBurst } = QueuePolicy.parse({});
  server = await startServer({ ...paced, policy: { ...paced.policy, kioskTicketsPerMinute, kioskTicketBurst } });
  let snapshot: SecurityResults['snapshot'];
  let probed: SecurityResults['probes'];
  try {
    snapshot = await snapshots(server);
    // A body over the 64 KiB limit: what the client gets back.
    const big = { ...ticketBody('big'), padding: 'x'.repeat(70 * 1024) };
    const agent = agentFrom('127.0.0.1');
    const bodyOver64KiB = outcome(await postVia(agent, server.port, '/api/tickets', big, KIOSK_KEY));
    // The kiosk key, as fast as answers come: how many before the first 429, and the wait it names.
    let kioskBurst = 0;
    let paceRefusal = 'none in 200';
    for (; kioskBurst < 200; kioskBurst++) {
      const r = await postVia(agent, server.port, '/api/tickets', ticketBody('pace'), KIOSK_KEY);
      if (r.status === 201) continue;
      paceRefusal = `${outcome(r)}, Retry-After ${r.retryAfter ?? 'none'}`;
      break;
    }
    probed = { bodyOver64KiB, kioskBurst, paceRefusal };
    agent.destroy();
  } finally {
    await stopChild(server.child, 10_000);
  }

  const results: SecurityResults = {
    date: new Date().toISOString(),
    command,
    machine: { cores: cpu.length, cpu: cpu[0]?.model ?? 'unknown', node: process.version, platform: process.platform },
    settings: {
      seconds: SECONDS,
      flood: FLOOD,
      realIdEvery: REAL_ID_EVERY,
      guessesPerAddress: GUESSES_PER_ADDRESS,
      kiosks: KIOSKS,
      kioskGapMs: KIOSK_GAP_MS,
      windows: WINDOWS,
    },
    issue,
    snapshot,
    probes: probed,
  };

  printReport(results);

  if (flags['write-doc'])
    await writeSection(join(REPO_ROOT, 'docs/security.md'), SECTION, renderSection(results), DOC_INTRO);
}

runBenchMain('bench:security', main);
