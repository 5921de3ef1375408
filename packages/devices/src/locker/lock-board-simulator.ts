import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { commonBoardProtocol } from './common-board-protocol';
import { LockFrameError, type LockCommand, type LockProtocol, type LockReply } from './lock-protocol';

export interface LockDoorEvent {
  address: number;
  channel: number;
  open: boolean;
}

export interface LockBoardSimulatorEvents {
  door: [LockDoorEvent];
  /** A command for one of the simulated boards, as it arrives (a silent board's too). */
  command: [LockCommand];
  reply: [LockReply];
}

export interface LockBoardSimulatorOptions {
  /** The boards on the line, by DIP-switch address. */
  addresses?: number[];
  protocol?: LockProtocol;
  /** How long a board takes to answer; real boards answer an open after the pulse, about a second. */
  replyDelayMs?: number;
}

/** One board's doors. A door opens on command and stays open until `close()` (someone shuts it). */
export class SimulatedLockBoard {
  /** A silent board hears commands but never answers, as one without power or with a broken transceiver. */
  silent = false;
  private readonly doors: boolean[];
  private readonly jams = new Map<number, 'shut' | 'open'>();

  constructor(
    readonly address: number,
    channels: number,
    private readonly changed: (event: LockDoorEvent) => void,
  ) {
    this.doors = Array.from({ length: channels }, () => false);
  }

  isOpen(channel: number): boolean {
    return this.doors[this.index(channel)] as boolean;
  }

  /** Shuts the door, unless it is jammed open. */
  close(channel: number): void {
    if (this.jams.get(channel) !== 'open') this.set(channel, false);
  }

  /** The lock no longer releases: an open command is answered, but the door stays closed. */
  jamShut(channel: number): void {
    this.index(channel);
    this.jams.set(channel, 'shut');
  }

  /** The door is stuck open (or its sensor is): it reports open from now on and never closes. */
  jamOpen(channel: number): void {
    this.jams.set(channel, 'open');
    this.set(channel, true);
  }

  unjam(channel: number): void {
    this.index(channel);
    this.jams.delete(channel);
  }

  /** The board's answer to a command addressed to it, or null when it keeps quiet. */
  answer(command: LockCommand): LockReply | null {
    if (this.silent) return null;
    switch (command.kind) {
      case 'open':
        if (this.jams.get(command.channel) !== 'shut') this.set(command.channel, true);
        return { ...command, open: this.isOpen(command.channel) };
      case 'read':
        return { ...command, open: this.isOpen(command.channel) };
      case 'readAll':
        return { kind: 'readAll', address: this.address, doors: [...this.doors] };
    }
  }

  private set(channel: number, open: boolean): void {
    const i = this.index(channel);
    if (this.doors[i] === open) return;
    this.doors[i] = open;
    this.changed({ address: this.address, channel, open });
  }

  private index(channel: number): number {
    if (!Number.isInteger(channel) || channel < 1 || channel > this.doors.length) {
      throw new RangeError(`lock channel ${channel} is not between 1 and ${this.doors.length}`);
    }
    return channel - 1;
  }
}

/**
 * The boards of one RS-485 line, answering on the far end of a serial link (one side of a socat pty pair, or any
 * Duplex). Commands for addresses not simulated are ignored, as other boards on the line would take them.
 */
export class LockBoardSimulator extends EventEmitter<LockBoardSimulatorEvents> {
  private readonly boards = new Map<number, SimulatedLockBoard>();
  private readonly streams = new Set<Duplex>();
  private readonly protocol: LockProtocol;
  replyDelayMs: number;

  constructor(options: LockBoardSimulatorOptions = {}) {
    super();
    this.protocol = options.protocol ?? commonBoardProtocol;
    this.replyDelayMs = options.replyDelayMs ?? 0;
    for (const address of options.addresses ?? [1]) {
      this.boards.set(
        address,
        new SimulatedLockBoard(address, this.protocol.channels, (event) => this.emit('door', event)),
      );
    }
  }

  board(address: number): SimulatedLockBoard {
    const board = this.boards.get(address);
    if (board === undefined) throw new RangeError(`no simulated board at address ${address}`);
    return board;
  }

  attach(stream: Duplex): void {
    this.streams.add(stream);
    let pending = Buffer.alloc(0);
    // Replies go out in the order the commands came, each after the delay.
    let queue: Promise<void> = Promise.resolve();
    stream.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      const size = this.protocol.commandLength;
      while (pending.length >= size) {
        let command: LockCommand;
        try {
          command = this.protocol.decodeCommand(pending.subarray(0, size));
        } catch (err) {
          if (!(err instanceof LockFrameError)) throw err;
          // Line noise: slide one byte on until a frame lines up.
          pending = pending.subarray(1);
          continue;
        }
        pending = pending.subarray(size);
        const board = this.boards.get(command.address);
        if (board === undefined) continue;
        this.emit('command', command);
        const reply = board.answer(command);
        if (reply === null) continue;
        queue = queue.then(async () => {
          if (this.replyDelayMs > 0) await new Promise((r) => setTimeout(r, this.replyDelayMs));
          if (stream.destroyed) return;
          stream.write(Buffer.from(this.protocol.encodeReply(reply)));
          this.emit('reply', reply);
        });
      }
    });
    stream.on('error', () => stream.destroy());
    stream.on('close', () => this.streams.delete(stream));
  }

  /** Hangs up every attached stream. */
  close(): void {
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
  }
}
