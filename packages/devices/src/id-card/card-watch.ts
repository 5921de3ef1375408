import { EventEmitter } from 'node:events';
import type { IdCardRecord } from './id-card-data';
import { IdCardBadRecordError, IdCardNoCardError, IdCardPortGoneError, IdCardReaderError } from './id-card-errors';

export interface CardWatchOptions {
  /** Pause between two looks at the reader, in ms. */
  intervalMs?: number;
}

export interface CardWatchEvents {
  /** A card was placed and read: once per placement. */
  card: [IdCardRecord];
  /** The card last given by `card` was taken away. */
  removed: [];
  /**
   * A read went wrong: the card left too soon, was refused, or the reader failed. The same kind of fault is told once
   * until a look at the reader succeeds again; IdCardPortGoneError ends the watch.
   */
  failed: [IdCardReaderError];
}

/** What a watch needs of the reader. */
export interface WatchedReader {
  readonly path: string;
  readCard(): Promise<IdCardRecord>;
  isCardPresent(): Promise<boolean>;
}

const DEFAULT_INTERVAL_MS = 300;

/** Polls a reader until stopped. Made by `IdCardReader.watchCards()`. */
export class CardWatch extends EventEmitter<CardWatchEvents> {
  /** 'read': the card on the reader was given by `card`; 'refused': it failed to read as a valid card. */
  private card: 'none' | 'read' | 'refused' = 'none';
  private lastFailure: string | null = null;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private readonly running: Promise<void>;

  constructor(
    private readonly reader: WatchedReader,
    options: CardWatchOptions,
    private readonly ended: () => void,
  ) {
    super();
    const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new RangeError(`intervalMs ${intervalMs} is not a pause`);
    this.running = this.run(intervalMs);
  }

  /** Resolves once the look under way (if any) is over; nothing is emitted after. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wake?.();
    await this.running;
  }

  private async run(intervalMs: number): Promise<void> {
    while (!this.stopped) {
      await this.look();
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, intervalMs);
      });
    }
    this.ended();
  }

  private async look(): Promise<void> {
    try {
      if (this.card === 'none') {
        const record = await this.reader.readCard();
        this.card = 'read';
        this.tell('card', record);
      } else if (!(await this.reader.isCardPresent())) {
        const wasRead = this.card === 'read';
        this.card = 'none';
        if (wasRead) this.tell('removed');
      }
      this.lastFailure = null;
    } catch (caught) {
      if (caught instanceof IdCardNoCardError) {
        this.lastFailure = null;
        return;
      }
      const err =
        caught instanceof IdCardReaderError
          ? caught
          : new IdCardReaderError(
              `reading ${this.reader.path} failed: ${(caught as Error).message}`,
              this.reader.path,
              {
                cause: caught,
              },
            );
      // The same bad card stays on the reader: refuse it once, not at every look.
      if (err instanceof IdCardBadRecordError) this.card = 'refused';
      if (err.name !== this.lastFailure) this.tell('failed', err);
      this.lastFailure = err.name;
      if (err instanceof IdCardPortGoneError) this.stopped = true;
    }
  }

  private tell<K extends keyof CardWatchEvents>(event: K, ...args: CardWatchEvents[K]): void {
    if (this.stopped) return;
    (this.emit as (event: K, ...args: CardWatchEvents[K]) => boolean)(event, ...args);
  }
}
