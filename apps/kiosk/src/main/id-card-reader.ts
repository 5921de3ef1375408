import type { IdCardReading } from '../bridge/kiosk-bridge';
import type { KioskSettings } from './settings';

/** A resident ID card reader fitted to the kiosk. Drivers for real readers implement this. */
export interface IdCardReader {
  readonly fitted: boolean;
  /** Waits up to `timeoutMs` for a card; null when none was placed. */
  read(timeoutMs: number): Promise<IdCardReading | null>;
}

const noReader: IdCardReader = {
  fitted: false,
  read: async () => null,
};

export function createIdCardReader(kind: KioskSettings['idCardReader']): IdCardReader {
  switch (kind) {
    case 'none':
      return noReader;
  }
}
