import { RequestId } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { newRequestId } from './request-id';

describe('newRequestId', () => {
  it('makes a valid request id that differs every time', () => {
    const a = newRequestId();
    const b = newRequestId();
    expect(RequestId.safeParse(a).success).toBe(true);
    expect(a).not.toBe(b);
  });

  it('needs only getRandomValues, which plain-http pages have', () => {
    const fixed = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => array };
    expect(newRequestId(fixed)).toBe(`phone-${'00'.repeat(16)}`);
  });
});
