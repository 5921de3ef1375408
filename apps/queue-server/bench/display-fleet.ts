/**
 * The hall displays, run as a child process of the benchmark (real displays are separate machines): on command (IPC)
 * it connects `count` socket.io clients to the hall room, counts every display's deliveries and gaps in the event
 * sequence, and reports each receipt of a `ticket.called` event to the benchmark, stamped with
 * process.hrtime.bigint() (CLOCK_MONOTONIC on Linux: the same clock the benchmark process reads when it sends the
 * call-next). Receipts go over IPC in batches, not one message each.
 *
 * Protocol, benchmark → fleet:
 *   { type: 'connect', url, key, count }  connect the displays; answers { type: 'connected', count }
 *   { type: 'measure' }                   start this process's event-loop figures
 *   { type: 'report' }                    send the pending receipts, then { type: 'report', ...FleetReport }
 *   { type: 'disconnect' }                disconnect every display; answers { type: 'disconnected' }
 * fleet → benchmark: { type: 'ready' }, { type: 'receipts', tickets: string[], at: string[] } (at: hrtime ns as text),
 * and { type: 'error', message } before it exits on a failure.
 */
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, Snapshot } from '@hallq/shared/contracts';
import { EVENT_LOOP_RESOLUTION_MS, eventLoopDelayP99Ms } from './stats';

export type FleetCommand =
  | { type: 'connect'; url: string; key: string; count: number }
  | { type: 'measure' }
  | { type: 'report' }
  | { type: 'disconnect' };

export interface FleetReport {
  connected: number;
  /** `ticket.called` events received, summed over the displays. */
  calledReceipts: number;
  /** Envelopes received, summed over the displays. */
  envelopes: number;
  /** Times a display saw seq jump by more than one. */
  seqGaps: number;
  /** This process since `measure`. */
  eventLoopUtilization: number;
  eventLoopDelayP99Ms: number;
}

export type FleetMessage =
  | { type: 'ready' }
  | { type: 'connected'; count: number }
  | { type: 'receipts'; tickets: string[]; at: string[] }
  | ({ type: 'report' } & FleetReport)
  | { type: 'disconnected' }
  | { type: 'error'; message: string };

type DisplaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Display {
  socket: DisplaySocket;
  lastSeq: number;
}

const MAX_DISPLAYS = 1000;
const CONNECT_TIMEOUT_MS = 20_000;
/** Pending receipts go to the benchmark at least this often, or as soon as this many are waiting. */
const FLUSH_EVERY_MS = 50;
const FLUSH_AT = 2000;

const displays: Display[] = [];
const pending = { tickets: [] as string[], at: [] as string[] };
const totals = { calledReceipts: 0, envelopes: 0, seqGaps: 0 };
let delay: ReturnType<typeof monitorEventLoopDelay> | undefined;
let elu0: EventLoopUtilization | undefined;

function send(message: FleetMessage): void {
  process.send?.(message);
}

function flush(): void {
  if (pending.tickets.length === 0) return;
  send({ type: 'receipts', tickets: pending.tickets.splice(0), at: pending.at.splice(0) });
}

function fail(error: unknown): never {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  send({ type: 'error', message });
  for (const d of displays) d.socket.disconnect();
  process.exit(1);
}

async function connectOne(url: string, key: string): Promise<Display> {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error('the displays only connect to 127.0.0.1');
  const socket: DisplaySocket = io(url, {
    auth: { room: 'hall', token: key },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const display: Display = { socket, lastSeq: 0 };
  socket.on('events', (batch) => {
    const at = process.hrtime.bigint().toString();
    for (const envelope of batch) {
      totals.envelopes += 1;
      if (display.lastSeq !== 0 && envelope.seq !== display.lastSeq + 1) totals.seqGaps += 1;
      display.lastSeq = envelope.seq;
      if (envelope.event.type === 'ticket.called') {
        totals.calledReceipts += 1;
        pending.tickets.push(envelope.event.ticket.id);
        pending.at.push(at);
      }
    }
    if (pending.tickets.length >= FLUSH_AT) flush();
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<Snapshot>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`a display did not connect within ${CONNECT_TIMEOUT_MS} ms`)),
        CONNECT_TIMEOUT_MS,
      );
      socket.once('snapshot', resolve);
      socket.once('connect_error', reject);
    });
  } catch (error) {
    socket.disconnect();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return display;
}

async function handle(command: FleetCommand): Promise<void> {
  switch (command.type) {
    case 'connect': {
      const count = Math.min(Math.max(0, Math.floor(command.count)), MAX_DISPLAYS);
      for (let i = 0; i < count; i++) displays.push(await connectOne(command.url, command.key));
      send({ type: 'connected', count: displays.length });
      return;
    }
    case 'measure':
      delay?.disable();
      delay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
      delay.enable();
      elu0 = performance.eventLoopUtilization();
      return;
    case 'report': {
      flush();
      const elu = elu0 ? performance.eventLoopUtilization(elu0).utilization : Number.NaN;
      const p99 = delay ? eventLoopDelayP99Ms(delay) : Number.NaN;
      send({
        type: 'report',
        connected: displays.length,
        ...totals,
        eventLoopUtilization: elu,
        eventLoopDelayP99Ms: p99,
      });
      return;
    }
    case 'disconnect':
      flush();
      for (const d of displays.splice(0)) d.socket.disconnect();
      send({ type: 'disconnected' });
      return;
  }
}

// One command at a time, in order: a report always follows the connect before it.
let queue = Promise.resolve();
process.on('message', (command: FleetCommand) => {
  queue = queue.then(() => handle(command)).catch(fail);
});
setInterval(flush, FLUSH_EVERY_MS);
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// The benchmark went away: stop too.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => {
  for (const d of displays) d.socket.disconnect();
  process.exit(0);
});
send({ type: 'ready' });
