/**
 * The hall's fonts for Node: the ticket printer renders text that GBK cannot encode (Tibetan) to a raster image, and
 * it must draw with the same face the screens use, from the package, never from the PC.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type FontWeight = 400 | 700;

/** The Tibetan font file (WOFF2, the Tibetan subset) of the given weight. */
export function tibetanFontFile(weight: FontWeight = 400): string {
  return require.resolve(`@fontsource/noto-serif-tibetan/files/noto-serif-tibetan-tibetan-${weight}-normal.woff2`);
}
