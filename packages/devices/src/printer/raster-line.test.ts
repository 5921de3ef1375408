import { describe, expect, it } from 'vitest';
import { gbkEncodable, rasterText, wrapMeasured } from './raster-line';
import type { RasterBlock } from './ticket-layout';

const VALID_TODAY = 'དེ་རིང་ཁོ་ན་ནུས་པ་ཡོད།';
const LONG = 'གནས་མི་སྤོ་བའི་རྒྱུ་ནོར་ཐོ་འགོད། བསྒྲུབས་སྐྱོང་ཞུ་ཡིག་དང་ལག་ཁྱེར་བཅས་བརྒྱུད་ནས་ལས་དོན་སྒྲུབ་པ།';
const style = { align: 'center', bold: false, scale: 1, indent: '' } as const;

const ink = (block: RasterBlock, x: number, y: number) =>
  ((block.bits[y * (block.width / 8) + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;

/** The leftmost and rightmost columns with ink, or null for a blank image. */
function inkColumns(block: RasterBlock): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let x = 0; x < block.width; x++) {
    for (let y = 0; y < block.height; y++) {
      if (!ink(block, x, y)) continue;
      if (first < 0) first = x;
      last = x;
      break;
    }
  }
  return first < 0 ? null : [first, last];
}

describe('gbkEncodable', () => {
  it('accepts Chinese, ASCII and full-width punctuation, and refuses Tibetan', () => {
    expect(gbkEncodable('不动产登记（A023）：当日有效')).toBe(true);
    expect(gbkEncodable('Valid today only')).toBe(true);
    expect(gbkEncodable(VALID_TODAY)).toBe(false);
    expect(gbkEncodable('不动产 ལས་དོན།')).toBe(false);
  });
});

describe('rasterText', () => {
  it('draws a short Tibetan line as one paper-wide image with ink, centred, and no row clipped', () => {
    for (const width of [576, 384]) {
      const [block, ...rest] = rasterText(VALID_TODAY, width, style);
      expect(rest).toEqual([]);
      expect(block?.kind).toBe('raster');
      expect(block?.width).toBe(width);
      expect(block?.bits.length).toBe((width / 8) * (block?.height ?? 0));
      const columns = inkColumns(block!);
      expect(columns).not.toBeNull();
      const [left, right] = columns!;
      expect(Math.abs(left - (width - 1 - right))).toBeLessThanOrEqual(4);
      // The first and last rows are blank: the stacks above and below the line fit inside the image.
      for (const y of [0, block!.height - 1]) {
        for (let x = 0; x < width; x++) expect(ink(block!, x, y)).toBe(false);
      }
    }
  });

  it('wraps a long Tibetan line into several images, each within the paper, breaking after a tsheg or shad', () => {
    const blocks = rasterText(LONG, 384, { ...style, align: 'left' });
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) {
      const columns = inkColumns(block);
      expect(columns).not.toBeNull();
      expect(columns![1]).toBeLessThan(384);
    }
    // The wrapped lines put together are the text, and each break falls after ་, ། or a space.
    const lines = wrapMeasured(LONG, 384, 0, (s) => [...s].length * 10);
    expect(lines.join('').replace(/\s/g, '')).toBe(LONG.replace(/\s/g, ''));
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/[\u0f0b\u0f0d]$/);
  });

  it('makes a bold line darker than a regular one', () => {
    const count = (block: RasterBlock) =>
      block.bits.reduce((n, byte) => n + byte.toString(2).replace(/0/g, '').length, 0);
    const [regular] = rasterText(VALID_TODAY, 576, style);
    const [bold] = rasterText(VALID_TODAY, 576, { ...style, bold: true });
    expect(count(bold!)).toBeGreaterThan(count(regular!) * 1.1);
  });
});

describe('wrapMeasured', () => {
  const measure = (s: string) => [...s].length * 10;

  it('never starts a line with a shad and splits a run longer than a line between letters', () => {
    const lines = wrapMeasured('ཀཁགངཅཆཇཉཏཐདན།', 50, 0, measure);
    expect(lines).toEqual(['ཀཁགངཅ', 'ཆཇཉཏཐ', 'དན།']);
  });

  it('leaves room for the indent on lines after the first', () => {
    const lines = wrapMeasured('ཀ་ཁ་ག་ང་ཅ་ཆ་ཇ་ཉ་', 60, 20, measure);
    expect(lines[0]).toBe('ཀ་ཁ་ག་');
    for (const line of lines.slice(1)) expect(measure(line)).toBeLessThanOrEqual(40);
  });

  it('breaks on either side of a hanzi', () => {
    expect(wrapMeasured('ལས་不动产登记', 40, 0, measure)).toEqual(['ལས་不', '动产登记']);
  });
});
