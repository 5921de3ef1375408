/**
 * The hall's fonts for Node: the ticket printer renders text that GBK cannot encode (Tibetan) to a raster image, and
 * it must draw with the same face the screens use, from the package, never from the PC.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export type FontWeight = 400 | 700;

/** The Tibetan font file (WOFF2, the Tibetan subset) of the given weight. */
export function tibetanFontFile(weight: FontWeight = 400): string {
  return require.resolve(`@fontsource/noto-serif-tibetan/files/noto-serif-tibetan-tibetan-${weight}-normal.woff2`);
}

/**
 * Every Noto Sans SC file (WOFF2) of the given weight. The face ships split by Unicode range into about a hundred
 * files; registered under one family name they cover all of Chinese, Latin and the punctuation of a ticket.
 */
export function chineseFontFiles(weight: FontWeight = 400): string[] {
  const dir = dirname(require.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-latin-${weight}-normal.woff2`));
  const suffix = `-${weight}-normal.woff2`;
  return readdirSync(dir)
    .filter((name) => name.startsWith('noto-sans-sc-') && name.endsWith(suffix))
    .sort()
    .map((name) => join(dir, name));
}
