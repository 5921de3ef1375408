import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duplex, Writable } from 'node:stream';
import { ReadStream, WriteStream } from 'node:tty';
import { fileURLToPath } from 'node:url';
import { createHallClient } from '@hallq/shared/client';
import { afterEach, describe, expect, it } from 'vitest';
import { LockBoardSimulator } from './lock-board-simulator';
import type { LockCommand } from './lock-protocol';
import { keepLockerService, startLockerService } from './locker-service';
import { hasSocat, ptyPair } from './pty-pair';
import { freePort } from '@hallq/shared/testing/free-port';

// The real server, run as a process from its folder as `pnpm start` runs it: nothing of it is imported.
const QUEUE_SERVER_DIR = fileURLToPath(new URL('../../../../apps/queue-server', import.meta.url));
const LOCKER_KEY = 'demo-locker';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  // Every cleanup runs, even after one fails: a server left running would outlive the test run.
  const failures: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse())
    await Promise.resolve()
      .then(cleanup)
      .catch((e) => failures.push(e));
  if (failures.length > 0) throw failures[0];
});

/** The real queue server with the demo hall (locker-1, key demo-locker, A03 = board 1 channel 3), in its own process. */
async function startQueueServer(port: number, dataDir: string) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: QUEUE_SERVER_DIR,
    env: {
      ...process.env,
      HALLQ_PORT: String(port),
      HALLQ_HOST: '127.0.0.1',
      HALLQ_DATA_DIR: dataDir,
      HALLQ_IGNORE_HOURS: '1',
      INIT_CWD: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  cleanups.push(() => stop());
  const url = `http://127.0.0.1:${port}`;
  const client = createHallClient({ baseUrl: url, timeoutMs: 2000 });
  await until(
    () =>
      client.call('health').then(
        () => true,
        () => false,
      ),
    20_000,
    () => output,
  );
  return { url, stop };
}

async function until(
  predicate: () => boolean | Promise<boolean>,
  ms = 5000,
  why: () => string = () => '',
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error(`timed out waiting ${why()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let counter = 0;
const rid = () => `locker-test-${process.pid}-${++counter}-${Date.now()}`;

/** The pickup-window clerk (c20 at window 20) depositing, and the manager reading the notices. */
async function staff(url: string) {
  const client = createHallClient({ baseUrl: url, timeoutMs: 10_000 });
  const clerk = (await client.call('login', { body: { staffId: 'c20', password: 'demo', window: 20 } })).token;
  const manager = (await client.call('login', { body: { staffId: 'admin', password: 'admin' } })).token;
  return {
    deposit: () =>
      client.call('deposit', {
        token: clerk,
        params: { locker: 'locker-1' },
        body: {
          requestId: rid(),
          caseNumber: 'LS2025-000123',
          description: '营业执照',
          applicantName: '张*',
          phone: '13800138000',
          size: 'M',
        },
      }),
    compartment: async (number: string) => {
      const { lockers } = await client.call('lockers', { token: clerk });
      return lockers[0]!.compartments.find((c) => c.number === number)!;
    },
    notices: async () => (await client.call('notices', { token: manager, query: {} })).notices,
  };
}

/** The simulated boards 1 and 2 on one end of a socat pty pair; the service opens the other. */
async function simulatedLine() {
  const pair = await ptyPair();
  cleanups.push(() => pair.close());
  // The board end as plain tty streams: a pty needs none of serialport's line settings.
  const reader = new ReadStream(openSync(pair.paths[1], 'r'));
  const writer = new WriteStream(openSync(pair.paths[1], 'w'));
  cleanups.push(() => {
    reader.destroy();
    writer.destroy();
  });
  // The boards' answers can be held back, to stand for a board still busy with its pulse.
  let held: Buffer[] | null = null;
  const answers = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (held) held.push(chunk);
      else writer.write(chunk);
      done();
    },
  });
  const simulator = new LockBoardSimulator({ addresses: [1, 2] });
  simulator.attach(Duplex.from({ readable: reader, writable: answers }));
  cleanups.push(() => simulator.close());
  const opens: LockCommand[] = [];
  simulator.on('command', (c) => {
    if (c.kind === 'open') opens.push(c);
  });
  return {
    simulator,
    opens,
    path: pair.paths[0],
    holdAnswers: () => (held = []),
    releaseAnswers: () => {
      for (const chunk of held ?? []) writer.write(chunk);
      held = null;
    },
    /** The held answers never arrive (the PC that asked is gone). */
    dropAnswers: () => (held = null),
  };
}

async function lockerService(
  serverUrl: string,
  serialPath: string,
  timing: { boardTimeoutMs?: number; journalPath?: string } = {},
) {
  const log: string[] = [];
  const service = await startLockerService({
    serverUrl,
    locker: { deviceKey: LOCKER_KEY, serialPath, baudRate: 9600 },
    pollMs: 50,
    retryMs: 100,
    boardTimeoutMs: 300,
    ...timing,
    log: (line) => log.push(line),
  });
  cleanups.push(() => service.stop());
  return { log, service };
}

/** A deposit in A03 whose door the clerk shut: the code, from its notice (waiting for the window) on the manager's list. */
async function storedInA03(h: Awaited<ReturnType<typeof staff>>, simulator: LockBoardSimulator): Promise<string> {
  await h.deposit();
  await until(() => simulator.board(1).isOpen(3));
  simulator.board(1).close(3);
  await until(async () => (await h.compartment('A03')).state === 'occupied');
  return /取件码 (\d{6})/.exec((await h.notices())[0]!.text!)![1]!;
}

if (!hasSocat()) {
  describe('the locker service', () => {
    it.skip('needs socat (apt install socat): the serial tests over a pty pair are skipped', () => {});
  });
}

describe.skipIf(!hasSocat())('the locker service, with a real queue server and a simulated board', () => {
  it('opens the door of a deposit, and once the door is shut the server has the item stored', async () => {
    const server = await startQueueServer(await freePort(), mkdtempSync(join(tmpdir(), 'hallq-locker-')));
    const { simulator, opens, path } = await simulatedLine();
    await lockerService(server.url, path);
    const h = await staff(server.url);

    const deposit = await h.deposit();
    expect(deposit.compartment.number).toBe('A03');
    await until(() => simulator.board(1).isOpen(3));
    await until(async () => (await h.compartment('A03')).state === 'awaiting_close');

    simulator.board(1).close(3);
    await until(async () => (await h.compartment('A03')).state === 'occupied');
    expect((await h.compartment('A03')).item).toMatchObject({ caseNumber: 'LS2025-000123' });
    expect(await h.notices()).toHaveLength(1);
    expect(opens).toEqual([{ kind: 'open', address: 1, channel: 3 }]);
  }, 30_000);

  it('reports a door jammed shut as open_failed, and the server takes the compartment out of use', async () => {
    const server = await startQueueServer(await freePort(), mkdtempSync(join(tmpdir(), 'hallq-locker-')));
    const { simulator, path } = await simulatedLine();
    simulator.board(1).jamShut(3);
    await lockerService(server.url, path);
    const h = await staff(server.url);

    await h.deposit();
    await until(async () => (await h.compartment('A03')).state === 'faulty');
    expect((await h.compartment('A03')).fault).toMatchObject({
      during: 'deposit',
      detail: 'board 1 reports lock 3 still closed after the pulse',
    });
    expect(simulator.board(1).isOpen(3)).toBe(false);
    expect(await h.notices()).toEqual([]);
  }, 30_000);

  it('does not pulse a lock again when the server sends the command again before the report reached it', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'hallq-locker-'));
    const first = await startQueueServer(port, dataDir);
    const { simulator, opens, path, holdAnswers, releaseAnswers } = await simulatedLine();
    // The board's answer to the pulse is held until the restarted server has sent the command again.
    const { log } = await lockerService(first.url, path, { boardTimeoutMs: 20_000 });
    holdAnswers();
    const deposit = await (await staff(first.url)).deposit();
    await until(() => opens.length === 1);
    // Killed as by a power cut: the command stays in flight on the server, unreported.
    await first.stop('SIGKILL');

    const again = await startQueueServer(port, dataDir);
    const h = await staff(again.url);
    await until(
      () => log.some((line) => line.includes(`${deposit.commandId} sent again`)),
      15_000,
      () => log.join('\n'),
    );
    releaseAnswers();
    await until(async () => (await h.compartment('A03')).state === 'awaiting_close');
    simulator.board(1).close(3);
    await until(async () => (await h.compartment('A03')).state === 'occupied');
    expect(opens).toEqual([{ kind: 'open', address: 1, channel: 3 }]);
  }, 60_000);

  it('reports a board that does not answer as open_failed with the reason, and the item stays recorded', async () => {
    const server = await startQueueServer(await freePort(), mkdtempSync(join(tmpdir(), 'hallq-locker-')));
    const { simulator, path } = await simulatedLine();
    simulator.board(1).silent = true;
    await lockerService(server.url, path);
    const h = await staff(server.url);

    const deposit = await h.deposit();
    await until(async () => (await h.compartment('A03')).state === 'faulty');
    const faulty = await h.compartment('A03');
    expect(faulty.fault).toMatchObject({ reason: 'open_failed', during: 'deposit' });
    expect(faulty.fault!.detail).toMatch(/did not answer/);
    expect(faulty.item).toMatchObject({ id: deposit.compartment.item!.id, caseNumber: 'LS2025-000123' });
  }, 30_000);

  it('a locker PC restarted during a pulse finishes the command from its journal without pulsing the lock again', async () => {
    const server = await startQueueServer(await freePort(), mkdtempSync(join(tmpdir(), 'hallq-locker-')));
    const { simulator, opens, path, holdAnswers, dropAnswers } = await simulatedLine();
    const journalPath = join(mkdtempSync(join(tmpdir(), 'hallq-door-journal-')), 'locker-doors.jsonl');
    // The board opens the door, but its answer is lost with the PC.
    holdAnswers();
    const first = await lockerService(server.url, path, { boardTimeoutMs: 20_000, journalPath });
    const h = await staff(server.url);
    await h.deposit();
    await until(() => opens.length === 1 && simulator.board(1).isOpen(3));
    await first.service.stop();
    dropAnswers();

    // Restarted, it gets the command again from the server, finds the door open and reports it.
    const { log } = await lockerService(server.url, path, { journalPath });
    await until(async () => (await h.compartment('A03')).state === 'awaiting_close');
    expect(log.some((line) => line.includes('resumed after a restart (pulsing)'))).toBe(true);
    simulator.board(1).close(3);
    await until(async () => (await h.compartment('A03')).state === 'occupied');
    expect(opens).toHaveLength(1);
  }, 30_000);

  it('collects with the code from the notice: the door opens, the applicant follows it to closed, the item is out', async () => {
    const server = await startQueueServer(await freePort(), mkdtempSync(join(tmpdir(), 'hallq-locker-')));
    const { simulator, opens, path } = await simulatedLine();
    const { service } = await lockerService(server.url, path);
    const h = await staff(server.url);
    const code = await storedInA03(h, simulator);

    const pickup = await service.collect(code);
    expect(pickup).toMatchObject({ result: 'opening', compartment: 'A03' });
    if (pickup.result !== 'opening') throw new Error('not opening');
    expect(await service.doorStage(pickup.commandId, 'pending', 10_000)).toBe('open');
    expect(simulator.board(1).isOpen(3)).toBe(true);
    // Nothing changes while the applicant takes the documents: the wait runs out on the same stage.
    expect(await service.doorStage(pickup.commandId, 'open', 200)).toBe('open');
    const closed = service.doorStage(pickup.commandId, 'open', 10_000);
    simulator.board(1).close(3);
    expect(await closed).toBe('closed');
    await until(async () => (await h.compartment('A03')).state === 'free');
    expect(opens).toHaveLength(2);
    expect(await service.collect(code)).toMatchObject({ result: 'already_collected' });
    expect((await h.notices())[0]).toMatchObject({ status: 'withdrawn', text: null, erasedAt: expect.any(String) });
  }, 30_000);

  it('says a door that would not open for a pickup failed, and the applicant is sent to staff', async () => {
    const server = await startQueueServer(await freePort(), mkdtempSync(join(tmpdir(), 'hallq-locker-')));
    const { simulator, path } = await simulatedLine();
    const { service } = await lockerService(server.url, path);
    const h = await staff(server.url);
    const code = await storedInA03(h, simulator);
    simulator.board(1).jamShut(3);

    const pickup = await service.collect(code);
    if (pickup.result !== 'opening') throw new Error('not opening');
    expect(await service.doorStage(pickup.commandId, 'pending', 10_000)).toBe('failed');
    await until(async () => (await h.compartment('A03')).state === 'faulty');
    expect(await service.collect(code)).toEqual({ result: 'needs_staff' });
  }, 30_000);

  it('answers offline when the server is down, having used up nothing', async () => {
    const server = await startQueueServer(await freePort(), mkdtempSync(join(tmpdir(), 'hallq-locker-')));
    const { path } = await simulatedLine();
    const { service } = await lockerService(server.url, path);
    await server.stop();
    expect(await service.collect('123456')).toEqual({ result: 'offline' });
  }, 30_000);
});

describe('keepLockerService', () => {
  it('answers out of service, without asking the server, while the lock boards cannot be opened', async () => {
    const log: string[] = [];
    const service = keepLockerService({
      serverUrl: 'http://127.0.0.1:9',
      locker: { deviceKey: LOCKER_KEY, serialPath: '/dev/hallq-no-such-port', baudRate: 9600 },
      log: (line) => log.push(line),
    });
    cleanups.push(() => service.stop());
    expect(await service.collect('123456')).toEqual({ result: 'out_of_service' });
    await until(() => log.some((line) => line.includes('cannot open the lock boards')));
    expect(await service.doorStage('cmd-00001', 'pending', 0)).toBe('pending');
  });
});
