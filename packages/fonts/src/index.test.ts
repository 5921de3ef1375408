import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chineseFontFiles, tibetanFontFile } from './index';

describe('tibetanFontFile', () => {
  it('resolves a shipped WOFF2 file for each weight', () => {
    for (const weight of [400, 700] as const) {
      const file = tibetanFontFile(weight);
      expect(file).toMatch(/tibetan-\d00-normal\.woff2$/);
      expect(statSync(file).size).toBeGreaterThan(10_000);
    }
  });
});

describe('chineseFontFiles', () => {
  it('lists every Unicode-range file of the weight asked, Latin and Chinese ranges included, and no other weight', () => {
    for (const weight of [400, 700] as const) {
      const files = chineseFontFiles(weight);
      expect(files.length).toBeGreaterThan(50);
      expect(files.every((f) => f.endsWith(`-${weight}-normal.woff2`))).toBe(true);
      expect(files.some((f) => f.endsWith(`noto-sans-sc-latin-${weight}-normal.woff2`))).toBe(true);
      expect(files.some((f) => f.endsWith(`noto-sans-sc-chinese-simplified-${weight}-normal.woff2`))).toBe(true);
      for (const file of files) expect(statSync(file).isFile()).toBe(true);
    }
  });
});
