import { AwaitedAnswer } from '../serial/awaited-answer';
import { closePort, onPortLost, openSerialPort, writeToPort, type DevicePort } from '../serial/serial-port';
import { decodeBaseInfo, IdCardRecordError, type IdCardRecord } from './id-card-data';
import {
  IdCardBadRecordError,
  IdCardChecksumError,
  IdCardNoCardError,
  IdCardPortGoneError,
  IdCardRemovedError,
  IdCardStatusError,
  IdCardTimeoutError,
} from './id-card-errors';
import {
  encodeCommand,
  FrameDecoder,
  hexByte,
  parseResponse,
  statusOf,
  type IdCardCommandName,
  type IdCardResponse,
} from './id-card-protocol';
import { CardWatch, type CardWatchOptions } from './card-watch';

/** The port a reader is on: a real one, or serialport's mock binding in tests. */
export type IdCardPort = DevicePort;

export interface IdCardReaderOptions {
  /** Device path, e.g. /dev/ttyUSB0 (the reader's USB serial adapter). */
  path: string;
  /** 115200 unless the reader was set otherwise. */
  baudRate?: number;
  /** How long each command waits for its answer, in ms. */
  timeouts?: Partial<Record<IdCardCommandName, number>>;
}

export interface IdCardReader {
  readonly path: string;
  /** Find, select and read the card on the reader. The photo is dropped as the answer is decoded. */
  readCard(): Promise<IdCardRecord>;
  /** Whether a card lies on the reader, read or not. */
  isCardPresent(): Promise<boolean>;
  /** Polls the reader: `card` once per placement, `removed` when that card is taken away. */
  watchCards(options?: CardWatchOptions): CardWatch;
  /** Stops every watch, fails what waits with IdCardPortGoneError, and releases the port. */
  close(): Promise<void>;
}

/**
 * Reading the text and photo moves about 1.3 KB from the card over the air and through the module's authentication,
 * so it is given far longer than finding or selecting.
 */
const DEFAULT_TIMEOUTS: Record<IdCardCommandName, number> = { findCard: 1000, selectCard: 1000, readBaseInfo: 3000 };

const STEP: Record<IdCardCommandName, string> = {
  findCard: 'find card (20 01)',
  selectCard: 'select card (20 02)',
  readBaseInfo: 'read base information (30 01)',
};

/** After a card was found, the statuses a select or read gets when it has been taken off the reader. */
const GONE_STATUSES = new Set([0x80, 0x81, 0x41]);

class SerialIdCardReader implements IdCardReader {
  private line: Promise<unknown> = Promise.resolve();
  private readonly decoder = new FrameDecoder();
  private readonly answer = new AwaitedAnswer<IdCardResponse>();
  private closed = false;
  private readonly watches = new Set<CardWatch>();

  constructor(
    private readonly port: IdCardPort,
    readonly path: string,
    private readonly timeouts: Record<IdCardCommandName, number>,
  ) {
    port.on('data', (chunk: Buffer) => this.onData(chunk));
    onPortLost(port, (loss) => {
      if (loss.closed) this.closed = true;
      this.answer.fail(new IdCardPortGoneError(loss.message, path, loss.options));
    });
  }

  readCard(): Promise<IdCardRecord> {
    return this.exclusive(async () => {
      const found = await this.exchange('findCard');
      if (found.sw3 === 0x80) throw new IdCardNoCardError(`no card on the reader at ${this.path}`, this.path);
      if (found.sw3 !== 0x9f) throw this.statusError('findCard', found);
      await this.onFoundCard('selectCard');
      return this.decode(await this.onFoundCard('readBaseInfo'));
    });
  }

  /** A step after find: a card that answers neither select nor read was taken off the reader. */
  private async onFoundCard(step: 'selectCard' | 'readBaseInfo'): Promise<IdCardResponse> {
    const answer = await this.exchange(step);
    if (answer.sw3 === 0x90) return answer;
    if (GONE_STATUSES.has(answer.sw3)) {
      throw new IdCardRemovedError(
        `the card left the reader at ${this.path} before ${STEP[step]} (${statusOf(answer.sw3).text})`,
        this.path,
      );
    }
    throw this.statusError(step, answer);
  }

  isCardPresent(): Promise<boolean> {
    return this.exclusive(async () => {
      const found = await this.exchange('findCard');
      if (found.sw3 === 0x9f) return true;
      if (found.sw3 !== 0x80) throw this.statusError('findCard', found);
      // A card that was just read may not answer find again on every reader, but select still reaches it.
      const selected = await this.exchange('selectCard');
      if (selected.sw3 === 0x90) return true;
      if (GONE_STATUSES.has(selected.sw3)) return false;
      throw this.statusError('selectCard', selected);
    });
  }

  watchCards(options: CardWatchOptions = {}): CardWatch {
    if (this.closed) throw new IdCardPortGoneError(`${this.path} is closed`, this.path);
    const watch = new CardWatch(this, options, () => this.watches.delete(watch));
    this.watches.add(watch);
    return watch;
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.answer.fail(new IdCardPortGoneError(`${this.path} was closed`, this.path));
    }
    await Promise.all([...this.watches].map((watch) => watch.stop()));
    await closePort(this.port);
  }

  private decode(answer: IdCardResponse): IdCardRecord {
    try {
      return decodeBaseInfo(answer.data);
    } catch (cause) {
      if (!(cause instanceof IdCardRecordError)) throw cause;
      throw new IdCardBadRecordError(`the card read at ${this.path} is not valid: ${cause.message}`, this.path, {
        cause,
      });
    }
  }

  private statusError(step: IdCardCommandName, answer: IdCardResponse): IdCardStatusError {
    const status = statusOf(answer.sw3);
    return new IdCardStatusError(
      `the reader at ${this.path} refused ${STEP[step]}: ${hexByte(answer.sw3)} ${status.name} (${status.text})`,
      this.path,
      status,
    );
  }

  /** One reader, one conversation: a read's three commands go out with nothing in between. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.line.then(work);
    this.line = result.catch(() => undefined);
    return result;
  }

  private exchange(step: IdCardCommandName): Promise<IdCardResponse> {
    if (this.closed) return Promise.reject(new IdCardPortGoneError(`${this.path} is closed`, this.path));
    const timeoutMs = this.timeouts[step];
    const answer = this.answer.wait(timeoutMs, () => {
      throw new IdCardTimeoutError(
        `the reader at ${this.path} did not answer ${STEP[step]} in ${timeoutMs} ms`,
        this.path,
      );
    });
    // Drops what is left of an earlier garbled or late answer, so it cannot pass for this one.
    this.port.flush(() => {
      this.decoder.reset();
      writeToPort(this.port, Buffer.from(encodeCommand(step)), (message) =>
        this.answer.fail(new IdCardPortGoneError(message, this.path)),
      );
    });
    return answer;
  }

  private onData(chunk: Buffer): void {
    // Bytes nobody waits for are the late answer to a command that already timed out.
    if (!this.answer.waiting) return;
    for (const decoded of this.decoder.push(chunk)) {
      if (!this.answer.waiting) return;
      if (decoded.kind === 'badChecksum') {
        this.answer.fail(
          new IdCardChecksumError(`the reader at ${this.path} sent an answer with a bad check byte`, this.path),
        );
      } else {
        this.answer.done(parseResponse(decoded.body));
      }
    }
  }
}

/** A reader on a port that is already open; the reader owns it from now on and closes it. */
export function idCardReaderOn(port: IdCardPort, options: Pick<IdCardReaderOptions, 'timeouts'> = {}): IdCardReader {
  return new SerialIdCardReader(port, port.path, { ...DEFAULT_TIMEOUTS, ...options.timeouts });
}

/** Opens the reader's serial port (115200 8N1 unless told). */
export async function openIdCardReader(options: IdCardReaderOptions): Promise<IdCardReader> {
  const { path } = options;
  const port = await openSerialPort(
    path,
    options.baudRate ?? 115200,
    (cause) => new IdCardPortGoneError(`cannot open ${path}: ${cause.message}`, path, { cause }),
  );
  return idCardReaderOn(port, options);
}
