import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { ApiError, createHallClient } from '@hallq/shared/client';
import type {
  ClientToServerEvents,
  DoorReport,
  DoorStage,
  OpenCommand,
  PickupResult,
  ServerToClientEvents,
} from '@hallq/shared/contracts';
import { memoryDoorJournal, openDoorJournal, type DoorJournal, type JournalEntry } from './door-journal';
import { openLockBus, type LockBus } from './lock-board';

/** What the locker PC's settings say about its locker: its own device key and the RS-485 line of its lock boards. */
export interface LockerSettings {
  deviceKey: string;
  /** The RS-485 adapter, e.g. /dev/ttyUSB0. */
  serialPath: string;
  baudRate: number;
}

export interface LockerServiceOptions {
  serverUrl: string;
  locker: LockerSettings;
  /** How often an open door is read until it reads closed. */
  pollMs?: number;
  /** How long to wait before sending a report again after no usable answer. */
  retryMs?: number;
  /** How long one report may wait for the server. */
  timeoutMs?: number;
  /** How long the board gets per attempt (the driver sends a command once more when unanswered). */
  boardTimeoutMs?: number;
  /**
   * Where the door journal lives (the shell's user data folder): a PC restarted mid-command then finishes it without
   * pulsing the lock again. Without it the journal is in memory, good for this process only.
   */
  journalPath?: string;
  log?: (line: string) => void;
}

export interface LockerService {
  /** Sends a pickup code typed or scanned at this locker to the server; its door command then arrives as any other. */
  collect(code: string): Promise<PickupResult>;
  /** The stage of a door command's door, once it moves on from `after` or `waitMs` has passed. */
  doorStage(commandId: string, after: DoorStage, waitMs: number): Promise<DoorStage>;
  /** Stops listening, watching doors and retrying reports, and closes the serial line. */
  stop(): Promise<void>;
}

// socket.io does not retry after a refused handshake; the server may be restarting, so keep trying.
const RECONNECT_MS = 5000;
// The report's detail field takes at most this much.
const DETAIL_MAX = 200;
// Door stages are kept for the renderer to follow; the oldest are forgotten beyond this many.
const STAGES_KEPT = 200;
// A pickup code the server did not answer is sent once more with the same requestId: never applied twice.
const COLLECT_ATTEMPTS = 2;

class Stopped extends Error {}

/**
 * The locker's half of the door command channel: door commands arrive over the locker's socket, run on the RS-485
 * boards, and their results go back over HTTP. Each commandId is carried out once, however often the server sends it
 * (it sends every command still in flight again on each reconnect).
 */
export async function startLockerService(options: LockerServiceOptions): Promise<LockerService> {
  const { serverUrl, locker } = options;
  const pollMs = options.pollMs ?? 1000;
  const retryMs = options.retryMs ?? 2000;
  const log = options.log ?? ((line: string) => console.log(`[locker] ${line}`));

  const bus: LockBus = await openLockBus({
    path: locker.serialPath,
    baudRate: locker.baudRate,
    ...(options.boardTimeoutMs !== undefined && { timeoutMs: options.boardTimeoutMs }),
  });
  const client = createHallClient({
    baseUrl: serverUrl,
    token: locker.deviceKey,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  let journal: DoorJournal;
  try {
    journal = options.journalPath ? openDoorJournal(options.journalPath) : memoryDoorJournal();
  } catch (error) {
    await bus.close();
    throw error;
  }
  // Commands being carried out by this process; the journal says what earlier runs did.
  const running = new Set<string>();
  const stages = new Map<string, DoorStage>();
  const stageWaiters = new Set<() => void>();
  const pauses = new Map<ReturnType<typeof setTimeout>, (error: Stopped) => void>();
  let stopped = false;

  /** Resolves after `ms`, or rejects with Stopped when the service stops first. */
  const pause = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (stopped) return reject(new Stopped());
      const timer = setTimeout(() => {
        pauses.delete(timer);
        resolve();
      }, ms);
      pauses.set(timer, reject);
    });

  const setStage = (commandId: string, stage: DoorStage) => {
    stages.delete(commandId);
    stages.set(commandId, stage);
    if (stages.size > STAGES_KEPT) stages.delete(stages.keys().next().value!);
    for (const wake of [...stageWaiters]) wake();
  };

  /** Sends one report until the server answers it; the same requestId each time, so a retry is never applied twice. */
  const report = async (command: OpenCommand, door: DoorReport, detail?: string): Promise<void> => {
    const body = {
      requestId: randomUUID(),
      report: door,
      ...(detail !== undefined && { detail: detail.slice(0, DETAIL_MAX) }),
    };
    for (;;) {
      if (stopped) throw new Stopped();
      try {
        const answer = await client.call('doorReport', { params: { commandId: command.commandId }, body });
        if (!answer.applied) log(`${command.compartment}: ${door} for ${command.commandId} was no longer awaited`);
        return;
      } catch (error) {
        // A refusal is final for this request; sending it again would be refused again.
        if (error instanceof ApiError) {
          log(`${command.compartment}: ${door} for ${command.commandId} refused: ${error.message}`);
          return;
        }
        log(`${command.compartment}: ${door} for ${command.commandId} not delivered (${String(error)}), retrying`);
        await pause(retryMs);
      }
    }
  };

  /** Reads the door until it reads closed. A failed read is tried again: the server's close timeout judges a door. */
  const untilClosed = async (command: OpenCommand): Promise<void> => {
    const board = bus.board(command.boardAddress);
    for (;;) {
      await pause(pollMs);
      try {
        if (!(await board.isOpen(command.channel))) return;
      } catch (error) {
        if (stopped) throw new Stopped();
        log(`${command.compartment}: cannot read the door (${(error as Error).message})`);
      }
    }
  };

  const carryOut = async (command: OpenCommand): Promise<void> => {
    const { commandId } = command;
    journal.record(commandId, { stage: 'pulsing' });
    let opened: boolean;
    let detail: string | undefined;
    try {
      opened = await bus.board(command.boardAddress).open(command.channel);
      if (!opened)
        detail = `board ${command.boardAddress} reports lock ${command.channel} still closed after the pulse`;
    } catch (error) {
      if (stopped) throw new Stopped();
      opened = false;
      detail = (error as Error).message;
    }
    if (!opened) {
      log(`${command.compartment}: did not open: ${detail}`);
      await finish(command, { stage: 'failed', ...(detail !== undefined && { detail }) });
      return;
    }
    await finish(command, { stage: 'open' });
  };

  /** From a stage reached (now, or by a run before a restart) to the last report, journaling each step. */
  const finish = async (command: OpenCommand, reached: JournalEntry): Promise<void> => {
    const { commandId } = command;
    journal.record(commandId, reached);
    if (reached.stage === 'failed') {
      setStage(commandId, 'failed');
      await report(command, 'open_failed', reached.detail);
      return;
    }
    if (reached.stage === 'open') {
      setStage(commandId, 'open');
      await report(command, 'opened');
      await untilClosed(command);
      journal.record(commandId, { stage: 'closed' });
    }
    setStage(commandId, 'closed');
    // After a restart the server may have had "opened" already: it answers a repeat as no longer awaited.
    if (reached.stage === 'closed') await report(command, 'opened');
    await report(command, 'closed');
  };

  /**
   * A command an earlier run journaled, sent again after a restart. A lock pulsed without an answer is never pulsed
   * again: the door is read, and if it is not open the command failed — staff check the compartment.
   */
  const resume = async (command: OpenCommand, past: JournalEntry): Promise<void> => {
    if (past.stage !== 'pulsing') return finish(command, past);
    let open = false;
    try {
      open = await bus.board(command.boardAddress).isOpen(command.channel);
    } catch (error) {
      if (stopped) throw new Stopped();
      log(`${command.compartment}: cannot read the door (${(error as Error).message})`);
    }
    return finish(
      command,
      open
        ? { stage: 'open' }
        : { stage: 'failed', detail: 'the locker PC restarted during the pulse and found the door closed' },
    );
  };

  const onCommands = (commands: OpenCommand[]) => {
    for (const command of commands) {
      if (running.has(command.commandId)) {
        log(`${command.compartment}: ${command.commandId} sent again, already being carried out`);
        continue;
      }
      running.add(command.commandId);
      const past = journal.get(command.commandId);
      if (!stages.has(command.commandId)) setStage(command.commandId, 'pending');
      log(
        past
          ? `${command.compartment}: ${command.commandId} resumed after a restart (${past.stage})`
          : `${command.compartment}: open for ${command.purpose} (${command.commandId})`,
      );
      (past ? resume(command, past) : carryOut(command)).catch((error: unknown) => {
        if (!(error instanceof Stopped)) log(`${command.compartment}: ${String(error)}`);
      });
    }
  };

  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(serverUrl, {
    auth: { room: 'locker', token: locker.deviceKey },
    transports: ['websocket'],
  });
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  socket.on('lockerCommands', onCommands);
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error) => {
    if (socket.active) return;
    log(`not connected to ${serverUrl}: ${error.message}`);
    clearTimeout(reconnect);
    reconnect = setTimeout(() => socket.connect(), RECONNECT_MS);
  });

  return {
    async collect(code) {
      const body = { requestId: randomUUID(), code };
      for (let attempt = 1; ; attempt++) {
        if (stopped) return { result: 'out_of_service' };
        try {
          return await client.call('collect', { body });
        } catch (error) {
          if (error instanceof ApiError) {
            // The server refused this locker (a wrong key in the settings): staff must see to it.
            log(`pickup code refused: ${error.code}: ${error.message}`);
            return { result: 'out_of_service' };
          }
          log(`pickup code not answered (${String(error)})`);
          if (attempt >= COLLECT_ATTEMPTS) return { result: 'offline' };
          await new Promise((resolve) => setTimeout(resolve, retryMs));
        }
      }
    },

    doorStage(commandId, after, waitMs) {
      const current = () => stages.get(commandId) ?? 'pending';
      if (current() !== after || waitMs === 0) return Promise.resolve(current());
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          stageWaiters.delete(wake);
          resolve(current());
        };
        const wake = () => {
          if (current() !== after || stopped) done();
        };
        const timer = setTimeout(done, waitMs);
        stageWaiters.add(wake);
      });
    },

    async stop() {
      stopped = true;
      for (const wake of [...stageWaiters]) wake();
      clearTimeout(reconnect);
      for (const [timer, reject] of pauses) {
        clearTimeout(timer);
        reject(new Stopped());
      }
      pauses.clear();
      socket.disconnect();
      await bus.close();
      journal.close();
    },
  };
}

// How long the shell waits before opening the serial line again after it could not.
const REOPEN_MS = 10_000;

/**
 * For the shell: a locker service that keeps trying to open its serial line (an adapter unplugged at boot, a board
 * powered later) and until then answers pickups `out_of_service`, so no code is used up on a door that cannot open.
 */
export function keepLockerService(options: LockerServiceOptions): LockerService {
  const log = options.log ?? ((line: string) => console.log(`[locker] ${line}`));
  let service: LockerService | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    startLockerService(options).then(
      (started) => {
        if (stopped) void started.stop();
        else service = started;
      },
      (error: unknown) => {
        log(`cannot open the lock boards on ${options.locker.serialPath} (${String(error)}); trying again`);
        if (!stopped) retry = setTimeout(start, REOPEN_MS);
      },
    );
  };
  start();
  return {
    collect: async (code) => (service ? service.collect(code) : { result: 'out_of_service' }),
    doorStage: async (commandId, after, waitMs) => (service ? service.doorStage(commandId, after, waitMs) : 'pending'),
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await service?.stop();
    },
  };
}
