import {
  cardKeys,
  IdCardBadRecordError,
  IdCardRemovedError,
  maskedName,
  openIdCardReader,
  sealCardProof,
  type CardKeys,
  type IdCardReader as CardReaderDevice,
  type IdCardReaderError,
} from '@hallq/devices';
import { createHallClient } from '@hallq/shared/client';
import type { IdCardRead } from '../bridge/kiosk-bridge';
import type { KioskSettings } from './settings';

/** The resident ID card reader fitted to the kiosk, as the bridge offers it to the page. */
export interface IdCardReader {
  readonly fitted: boolean;
  /**
   * Waits up to `timeoutMs` for a card (one lying on the reader already counts) and answers what the page may know of
   * it: the masked name and the sealed proof. A card placed while no page waits is never read.
   */
  read(timeoutMs: number): Promise<IdCardRead>;
  close(): Promise<void>;
}

export interface CardReaderDeps {
  /** Opens the reader's port; called again after the reader was lost (unplugged, port gone). */
  open: () => Promise<CardReaderDevice>;
  /** The hall's ID-number key, fetched from the server with the kiosk's key (kept in memory only). */
  fetchKey: () => Promise<Buffer>;
  now: () => number;
  /** Pause between two looks at the reader while a page waits. */
  intervalMs?: number;
}

const notFitted: IdCardReader = {
  fitted: false,
  read: async () => ({ ok: false, reason: 'not_fitted' }),
  close: async () => undefined,
};

/** What the page is told of a failed read: it decides the screen, never sees the driver's words. */
function reasonOf(error: IdCardReaderError): Extract<IdCardRead, { ok: false }>['reason'] {
  if (error instanceof IdCardRemovedError) return 'removed';
  if (error instanceof IdCardBadRecordError) return 'unreadable';
  return 'fault';
}

/**
 * The reader behind the bridge. It looks at the reader only while a page waits for a card: a card placed on an idle
 * kiosk is not read, so nobody's card is read for a screen they did not ask. One wait at a time: a newer one ends the
 * older (answered `no_card`). The ID number lives here for the moment of sealing and goes nowhere else.
 */
export function cardReaderOn(deps: CardReaderDeps): IdCardReader {
  let device: Promise<CardReaderDevice> | null = null;
  let keys: Promise<CardKeys> | null = null;
  let cancelWaiting: (() => void) | null = null;
  /** The latest wait's number: an older one still opening the port gives up instead of watching. */
  let latest = 0;
  let closed = false;

  const reader = () => (device ??= deps.open().catch((error: unknown) => ((device = null), Promise.reject(error))));
  const hallKeys = () =>
    (keys ??= deps
      .fetchKey()
      .then(cardKeys)
      .catch((error: unknown) => ((keys = null), Promise.reject(error))));

  const waitForCard = (open: CardReaderDevice, sealWith: CardKeys, timeoutMs: number) =>
    new Promise<IdCardRead>((resolve) => {
      const watch = open.watchCards(deps.intervalMs === undefined ? {} : { intervalMs: deps.intervalMs });
      const finish = (answer: IdCardRead) => {
        clearTimeout(timer);
        cancelWaiting = null;
        // Answered once the watch's last look is over: nothing is sent to the reader after a wait ends.
        void watch.stop().then(() => resolve(answer));
      };
      const timer = setTimeout(() => finish({ ok: false, reason: 'no_card' }), timeoutMs);
      cancelWaiting = () => finish({ ok: false, reason: 'no_card' });
      watch.on('card', (record) =>
        finish({
          ok: true,
          maskedName: maskedName(record.name),
          proof: sealCardProof(record.idNumber, sealWith, deps.now()),
        }),
      );
      watch.on('failed', (error) => {
        // A port gone is reopened at the next wait.
        if (error.name === 'IdCardPortGoneError') device = null;
        finish({ ok: false, reason: reasonOf(error) });
      });
    });

  return {
    fitted: true,
    async read(timeoutMs) {
      if (closed) return { ok: false, reason: 'fault' };
      const mine = ++latest;
      cancelWaiting?.();
      let open: CardReaderDevice;
      let sealWith: CardKeys;
      try {
        [open, sealWith] = await Promise.all([reader(), hallKeys()]);
      } catch {
        return { ok: false, reason: 'fault' };
      }
      if (mine !== latest || closed) return { ok: false, reason: 'no_card' };
      return waitForCard(open, sealWith, timeoutMs);
    },
    async close() {
      closed = true;
      cancelWaiting?.();
      const opened = await device?.catch(() => null);
      await opened?.close();
    },
  };
}

export function createIdCardReader(settings: KioskSettings): IdCardReader {
  const fitted = settings.idCardReader;
  if (fitted === 'none') return notFitted;
  const client = createHallClient({ baseUrl: settings.serverUrl, token: settings.deviceKey, timeoutMs: 10_000 });
  return cardReaderOn({
    open: () => openIdCardReader({ path: fitted.path, baudRate: fitted.baudRate }),
    fetchKey: async () => Buffer.from((await client.call('idCardKey', {})).key, 'base64'),
    now: Date.now,
  });
}
