import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { openLockBus, type LockBus } from '@hallq/devices';
import {
  ApiError,
  createApiClient,
  DoorReportResponse,
  type ClientToServerEvents,
  type DoorReport,
  type OpenCommand,
  type ServerToClientEvents,
} from '@hallq/shared';
import type { KioskSettings } from './settings';

export type LockerSettings = NonNullable<KioskSettings['locker']>;

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
  log?: (line: string) => void;
}

export interface LockerService {
  /** Stops listening, watching doors and retrying reports, and closes the serial line. */
  stop(): Promise<void>;
}

// socket.io does not retry after a refused handshake; the server may be restarting, so keep trying.
const RECONNECT_MS = 5000;
// The report's detail field takes at most this much.
const DETAIL_MAX = 200;

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
  const api = createApiClient({ timeoutMs: options.timeoutMs ?? 10_000, token: locker.deviceKey });
  const seen = new Set<string>();
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

  /** Sends one report until the server answers it; the same requestId each time, so a retry is never applied twice. */
  const report = async (command: OpenCommand, door: DoorReport, detail?: string): Promise<void> => {
    const body = {
      requestId: randomUUID(),
      report: door,
      ...(detail !== undefined && { detail: detail.slice(0, DETAIL_MAX) }),
    };
    const path = `${serverUrl}/api/locker/commands/${encodeURIComponent(command.commandId)}/report`;
    for (;;) {
      if (stopped) throw new Stopped();
      try {
        const answer = await api(path, DoorReportResponse, { body });
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
      await report(command, 'open_failed', detail);
      return;
    }
    await report(command, 'opened');
    await untilClosed(command);
    await report(command, 'closed');
  };

  const onCommands = (commands: OpenCommand[]) => {
    for (const command of commands) {
      if (seen.has(command.commandId)) {
        log(`${command.compartment}: ${command.commandId} sent again, already being carried out`);
        continue;
      }
      seen.add(command.commandId);
      log(`${command.compartment}: open for ${command.purpose} (${command.commandId})`);
      carryOut(command).catch((error: unknown) => {
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
    async stop() {
      stopped = true;
      clearTimeout(reconnect);
      for (const [timer, reject] of pauses) {
        clearTimeout(timer);
        reject(new Stopped());
      }
      pauses.clear();
      socket.disconnect();
      await bus.close();
    },
  };
}
