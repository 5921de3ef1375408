import { describe, expect, it } from 'vitest';
import { createScanBuffer } from './scan-buffer';

const scan = (buffer: ReturnType<typeof createScanBuffer>, text: string) => {
  let outcome = null;
  for (const key of [...text, 'Enter']) outcome = buffer.key(key);
  return outcome;
};

describe('the QR scanner buffer', () => {
  it('reads the pickup code from a scanned notice', () => {
    expect(scan(createScanBuffer(), 'hallq-locker:locker-1:012345')).toEqual({ kind: 'code', code: '012345' });
  });

  it('says another QR code was scanned, and starts afresh after it', () => {
    const buffer = createScanBuffer();
    expect(scan(buffer, 'http://10.0.0.2/t/abc')).toEqual({ kind: 'other' });
    expect(scan(buffer, 'hallq-locker:locker-1:654321')).toEqual({ kind: 'code', code: '654321' });
  });

  it('ignores a bare Enter and keys such as Shift', () => {
    const buffer = createScanBuffer();
    expect(buffer.key('Enter')).toBeNull();
    expect(buffer.key('Shift')).toBeNull();
    expect(scan(buffer, 'hallq-locker:locker-1:111111')).toEqual({ kind: 'code', code: '111111' });
  });
});
