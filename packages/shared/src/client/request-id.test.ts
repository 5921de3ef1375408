import { describe, expect, it } from 'vitest';
import { RequestId } from '../contracts/common';
import { newRequestId } from './request-id';

describe('newRequestId', () => {
  it('makes a valid request id, a UUID v4, that differs every time', () => {
    const a = newRequestId();
    const b = newRequestId();
    expect(RequestId.safeParse(a).success).toBe(true);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('needs only getRandomValues, which pages on plain http have (randomUUID they have not)', () => {
    const zeros = { getRandomValues: <T extends Uint8Array>(array: T) => array };
    expect(newRequestId(zeros)).toBe('00000000-0000-4000-8000-000000000000');
  });
});
