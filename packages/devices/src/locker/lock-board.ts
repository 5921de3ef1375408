import { AwaitedAnswer } from '../serial/awaited-answer';
import { closePort, onPortLost, openSerialPort, writeToPort, type DevicePort } from '../serial/serial-port';
import { commonBoardProtocol } from './common-board-protocol';
import { LockBoardPortError, LockBoardProtocolError, LockBoardTimeoutError } from './lock-errors';
import { LockFrameError, type LockCommand, type LockProtocol, type LockReply } from './lock-protocol';

/** The port a bus runs on: a real one, or serialport's mock binding in tests. */
export type LockPort = DevicePort;

export interface LockBusOptions {
  /** Device path, e.g. /dev/ttyUSB0. */
  path: string;
  baudRate?: number;
  /** How long one attempt waits for the reply; a command left unanswered is sent once more. */
  timeoutMs?: number;
  protocol?: LockProtocol;
}

/** One lock-control board on a bus. Every method waits its turn on the line. */
export interface LockBoard {
  readonly address: number;
  /** Pulses the lock. Resolves whether the board then reports the door open (false: jammed shut or blocked). */
  open(channel: number): Promise<boolean>;
  isOpen(channel: number): Promise<boolean>;
  /** Every door of the board, open or not; index i is channel i + 1. */
  readAll(): Promise<boolean[]>;
}

/** One RS-485 line with its boards: commands go out one at a time, since every board shares the wire. */
export interface LockBus {
  readonly path: string;
  board(address: number): LockBoard;
  /** Fails what is waiting with LockBoardPortError and closes the port. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 1500;

type ReplyTo<C extends LockCommand> = Extract<LockReply, { kind: C['kind'] }>;

function describe(command: LockCommand): string {
  return command.kind === 'readAll' ? 'the board status read' : `${command.kind} of lock ${command.channel}`;
}

class SerialLockBus implements LockBus {
  private line: Promise<unknown> = Promise.resolve();
  private received = Buffer.alloc(0);
  private readonly reply = new AwaitedAnswer<Buffer | null>();
  /** How many bytes the awaited reply has. */
  private replyLength = 0;
  private closed = false;

  constructor(
    private readonly port: LockPort,
    readonly path: string,
    private readonly timeoutMs: number,
    private readonly protocol: LockProtocol,
  ) {
    port.on('data', (chunk: Buffer) => this.onData(chunk));
    onPortLost(port, (loss) => {
      if (loss.closed) this.closed = true;
      this.reply.fail(new LockBoardPortError(loss.message, path, loss.options));
    });
  }

  board(address: number): LockBoard {
    // Refuses a bad address now rather than at the first command.
    this.protocol.encodeCommand({ kind: 'readAll', address });
    return {
      address,
      open: async (channel) => (await this.run({ kind: 'open', address, channel })).open,
      isOpen: async (channel) => (await this.run({ kind: 'read', address, channel })).open,
      readAll: async () => (await this.run({ kind: 'readAll', address })).doors,
    };
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.reply.fail(new LockBoardPortError(`${this.path} was closed`, this.path));
    }
    await closePort(this.port);
  }

  private run<C extends LockCommand>(command: C): Promise<ReplyTo<C>> {
    let frame: Uint8Array;
    try {
      frame = this.protocol.encodeCommand(command);
    } catch (err) {
      return Promise.reject(err as Error);
    }
    const result = this.line.then(() => this.transact(command, frame));
    this.line = result.catch(() => undefined);
    return result as Promise<ReplyTo<C>>;
  }

  private async transact(command: LockCommand, frame: Uint8Array): Promise<LockReply> {
    const board = `board ${command.address} on ${this.path}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const bytes = await this.exchange(frame, this.protocol.replyLength(command));
      if (bytes === null) continue;
      try {
        return this.protocol.decodeReply(command, bytes);
      } catch (cause) {
        if (!(cause instanceof LockFrameError)) throw cause;
        throw new LockBoardProtocolError(
          `${board} answered ${describe(command)} wrongly: ${cause.message}`,
          this.path,
          {
            cause,
          },
        );
      }
    }
    throw new LockBoardTimeoutError(
      `${board} did not answer ${describe(command)} (sent twice, ${this.timeoutMs} ms each)`,
      this.path,
    );
  }

  /** Sends one frame; resolves the reply's bytes, or null when none came in time. */
  private exchange(frame: Uint8Array, length: number): Promise<Buffer | null> {
    if (this.closed) return Promise.reject(new LockBoardPortError(`${this.path} is closed`, this.path));
    const reply = this.reply.wait(this.timeoutMs, () => null);
    this.received = Buffer.alloc(0);
    this.replyLength = length;
    // Drops what the OS still holds from an earlier garbled or late reply, so it cannot pass for this one.
    this.port.flush(() => {
      writeToPort(this.port, Buffer.from(frame), (message) =>
        this.reply.fail(new LockBoardPortError(message, this.path)),
      );
    });
    return reply;
  }

  private onData(chunk: Buffer): void {
    // Bytes nobody waits for are a late reply to an attempt that already timed out.
    if (!this.reply.waiting) return;
    this.received = Buffer.concat([this.received, chunk]);
    if (this.received.length >= this.replyLength) this.reply.done(this.received.subarray(0, this.replyLength));
  }
}

/** A bus over a port that is already open; the bus owns it from now on and closes it. */
export function lockBusOn(port: LockPort, options: Omit<LockBusOptions, 'path' | 'baudRate'> = {}): LockBus {
  return new SerialLockBus(
    port,
    port.path,
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    options.protocol ?? commonBoardProtocol,
  );
}

/** Opens the serial port of an RS-485 line (9600 8N1 unless told) for the boards on it. */
export async function openLockBus(options: LockBusOptions): Promise<LockBus> {
  const { path } = options;
  const port = await openSerialPort(
    path,
    options.baudRate ?? 9600,
    (cause) => new LockBoardPortError(`cannot open ${path}: ${cause.message}`, path, { cause }),
  );
  return lockBusOn(port, options);
}

/** The one board on a line of its own; `close()` closes the port. */
export async function openLockBoard(
  options: LockBusOptions & { address: number },
): Promise<LockBoard & { close(): Promise<void> }> {
  const bus = await openLockBus(options);
  try {
    return { ...bus.board(options.address), close: () => bus.close() };
  } catch (err) {
    await bus.close();
    throw err;
  }
}
