import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { encodeBaseInfo, type IdCardRecord } from './id-card-data';
import {
  commandName,
  encodeResponse,
  FrameDecoder,
  parseRequest,
  type IdCardCommandName,
  type IdCardResponse,
} from './id-card-protocol';

export interface IdCardSimulatorReply {
  /** null: a command the simulator does not know (answered 0x21). */
  command: IdCardCommandName | null;
  /** SW3. */
  status: number;
}

export interface IdCardSimulatorEvents {
  /** A command as it arrives (a silent reader's too); null for one it does not know. */
  command: [IdCardCommandName | null];
  /** After the answer was written. */
  reply: [IdCardSimulatorReply];
}

/**
 * A desktop ID-card reader on the far end of a serial link (one side of a socat pty pair, or any Duplex), answering
 * find, select and read base information as GA 467 describes. The photo it sends is 1024 zero bytes.
 */
export class IdCardReaderSimulator extends EventEmitter<IdCardSimulatorEvents> {
  private baseInfo: Uint8Array | null = null;
  private replyDelayMs = 0;
  private corruptions = 0;
  private quiet = false;
  private readonly streams = new Set<Duplex>();

  /** Lays a card on the reader; throws RangeError on a field too long for its place on the card. */
  placeCard(record: IdCardRecord): void {
    this.baseInfo = encodeBaseInfo(record);
  }

  removeCard(): void {
    this.baseInfo = null;
  }

  get hasCard(): boolean {
    return this.baseInfo !== null;
  }

  /** Every answer from now on comes `ms` late (0: at once). */
  slow(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`slow(${ms}): not a delay`);
    this.replyDelayMs = ms;
  }

  /** The next answer goes out with a wrong check byte, as line noise would leave it. */
  corruptNext(): void {
    this.corruptions++;
  }

  /** A silent reader hears commands but answers none, as one whose module hung. */
  silent(on = true): void {
    this.quiet = on;
  }

  attach(stream: Duplex): void {
    this.streams.add(stream);
    const decoder = new FrameDecoder();
    // Answers go out in the order the commands came, each after the delay.
    let queue: Promise<void> = Promise.resolve();
    stream.on('data', (chunk: Buffer) => {
      for (const decoded of decoder.push(chunk)) {
        let command: IdCardCommandName | null = null;
        let response: IdCardResponse;
        if (decoded.kind === 'badChecksum') {
          response = status(0x10);
        } else {
          command = commandName(parseRequest(decoded.body));
          this.emit('command', command);
          response = this.answer(command);
        }
        if (this.quiet) continue;
        const frame = encodeResponse(response);
        if (this.corruptions > 0) {
          this.corruptions--;
          frame[frame.length - 1] = (frame.at(-1) as number) ^ 0xff;
        }
        const delayMs = this.replyDelayMs;
        queue = queue.then(async () => {
          if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
          if (stream.destroyed) return;
          stream.write(Buffer.from(frame));
          this.emit('reply', { command, status: response.sw3 });
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

  private answer(command: IdCardCommandName | null): IdCardResponse {
    const card = this.baseInfo;
    switch (command) {
      case 'findCard':
        // The found-card answer carries four bytes (zero on the readers documented).
        return card ? status(0x9f, new Uint8Array(4)) : status(0x80);
      case 'selectCard':
        return card ? status(0x90, new Uint8Array(8)) : status(0x81);
      case 'readBaseInfo':
        return card ? status(0x90, card) : status(0x41);
      case null:
        return status(0x21);
    }
  }
}

function status(sw3: number, data: Uint8Array = new Uint8Array(0)): IdCardResponse {
  return { sw1: 0, sw2: 0, sw3, data };
}
