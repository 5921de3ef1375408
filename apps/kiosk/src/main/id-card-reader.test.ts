import { describe, expect, it } from 'vitest';
import { createIdCardReader } from './id-card-reader';

describe('createIdCardReader', () => {
  it('with no reader fitted, says so and never reads a card', async () => {
    const reader = createIdCardReader('none');
    expect(reader.fitted).toBe(false);
    expect(await reader.read(5000)).toBeNull();
  });
});
