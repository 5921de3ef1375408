import { parsePickupQr } from '@hallq/shared/domain';

/** Longer than any pickup QR payload: a stuck key cannot grow the buffer without end. */
const MAX_BUFFER = 80;

export type ScanOutcome = { kind: 'code'; code: string } | { kind: 'other' } | null;

/**
 * What a keyboard-wedge QR scanner types: the payload's characters as key presses, then Enter. Keys are collected
 * until Enter, which answers the pickup code read, `other` for anything else scanned, or null for a bare Enter.
 */
export function createScanBuffer() {
  let typed = '';
  return {
    key(key: string): ScanOutcome {
      if (key === 'Enter') {
        const burst = typed;
        typed = '';
        if (burst === '') return null;
        const qr = parsePickupQr(burst);
        return qr ? { kind: 'code', code: qr.code } : { kind: 'other' };
      }
      if (key.length === 1) typed = (typed + key).slice(-MAX_BUFFER);
      return null;
    },
  };
}
