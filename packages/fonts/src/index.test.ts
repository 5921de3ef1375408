import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tibetanFontFile } from './index';

describe('tibetanFontFile', () => {
  it('resolves a shipped WOFF2 file for each weight', () => {
    for (const weight of [400, 700] as const) {
      const file = tibetanFontFile(weight);
      expect(file).toMatch(/tibetan-\d00-normal\.woff2$/);
      expect(statSync(file).size).toBeGreaterThan(10_000);
    }
  });
});
