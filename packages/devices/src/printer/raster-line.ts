// Text that GBK cannot encode (Tibetan above all) cannot go to the printer as characters: it is drawn here with a
// real shaping engine (Skia through @napi-rs/canvas), so Tibetan letters stack as they should, and sent as a 1-bit
// image (GS v 0). The image spans the paper and the text sits in it as a text line would: left, centred or right.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import iconv from 'iconv-lite';
import { ticketFont } from './ticket-fonts';
import type { Align, RasterBlock } from './ticket-layout';

/** Drawing size at scale 1, in dots: Tibetan at the 24 dots of Font A reads smaller than the hanzi around it. */
const RASTER_FONT_DOTS = 28;
/** Blank rows above and below the ink, so consecutive lines do not touch. */
const PADDING_ROWS = 4;
/** A pixel darker than this (0–255 luminance) is printed: the anti-aliased rim counts, so thin strokes stay whole. */
const INK_THRESHOLD = 160;

export interface RasterStyle {
  align: Align;
  bold: boolean;
  /** Size multiplier, like GS ! for a text line. */
  scale: number;
  /** Put before every line but the first (the materials list hangs its numbers). */
  indent: string;
}

/** True when GBK has every character of `text`: it can be printed as text. */
export function gbkEncodable(text: string): boolean {
  return iconv.decode(iconv.encode(text, 'gbk'), 'gbk') === text;
}

/** The text as images one paper width wide (`widthDots`, a multiple of 8), one per wrapped line. */
export function rasterText(text: string, widthDots: number, style: RasterStyle): RasterBlock[] {
  if (!Number.isInteger(widthDots / 8) || widthDots <= 0) throw new RangeError('widthDots must be a multiple of 8');
  const context = createCanvas(1, 1).getContext('2d');
  context.font = ticketFont(RASTER_FONT_DOTS * style.scale, style.bold);
  const indentWidth = context.measureText(style.indent).width;
  const lines = wrapMeasured(text, widthDots, indentWidth, (s) => context.measureText(s).width);
  return lines.map((line, i) => drawLine(i === 0 ? line : style.indent + line, widthDots, context, style.align));
}

// Break opportunities: after a space, a tsheg (་) or a shad (།), and on either side of a hanzi. Never before
// a shad, a space or closing punctuation, which belong to what precedes them.
const BREAK_AFTER = /[\s\u0f0b\u0f0d-\u0f12\u0f14]$/u;
const NO_BREAK_BEFORE = /^[\s\u0f0b-\u0f12\u0f14，。、；：！？）》」』】〕,.;:!?)\]}%]/u;
const WIDE = /^[\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff60]/u;

const graphemes = (text: string): string[] =>
  [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

/** Runs of text that are never split, split at the break opportunities. */
function segments(text: string): string[] {
  const out: string[] = [];
  let current = '';
  const clusters = graphemes(text);
  clusters.forEach((cluster, i) => {
    current += cluster;
    const next = clusters[i + 1];
    if (next === undefined || NO_BREAK_BEFORE.test(next)) return;
    if (BREAK_AFTER.test(cluster) || WIDE.test(cluster) || WIDE.test(next)) {
      out.push(current);
      current = '';
    }
  });
  if (current !== '') out.push(current);
  return out;
}

/**
 * Greedy wrap by measured width: as many segments as fit on a line; a segment wider than a whole line is split
 * between grapheme clusters, so a stack is never cut. Lines after the first are `indentWidth` narrower.
 */
export function wrapMeasured(
  text: string,
  widthDots: number,
  indentWidth: number,
  measure: (s: string) => number,
): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    const room = () => widthDots - (out.length > 0 ? indentWidth : 0);
    const fits = (s: string) => measure(s.trimEnd()) <= room();
    const flush = () => {
      out.push(line.trimEnd());
      line = '';
    };
    for (const segment of segments(paragraph)) {
      if (fits(line + segment)) {
        line += segment;
        continue;
      }
      if (line !== '') flush();
      const start = segment.trimStart();
      if (fits(start)) {
        line = start;
        continue;
      }
      for (const cluster of graphemes(start)) {
        if (line !== '' && !fits(line + cluster)) flush();
        line += cluster;
      }
    }
    if (line !== '' || paragraph === '') flush();
  }
  return out;
}

function drawLine(line: string, widthDots: number, measuring: SKRSContext2D, align: Align): RasterBlock {
  const measured = measuring.measureText(line);
  const ascent = Math.ceil(measured.actualBoundingBoxAscent);
  const height = ascent + Math.ceil(measured.actualBoundingBoxDescent) + 2 * PADDING_ROWS;
  const canvas = createCanvas(widthDots, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, widthDots, height);
  context.fillStyle = '#000';
  context.font = measuring.font;
  const x = align === 'left' ? 0 : align === 'center' ? (widthDots - measured.width) / 2 : widthDots - measured.width;
  context.fillText(line, Math.max(0, Math.round(x)), PADDING_ROWS + ascent);
  return { kind: 'raster', width: widthDots, height, bits: threshold(context, widthDots, height) };
}

/** 1 bit per dot, rows top to bottom, the leftmost dot in the high bit: the layout of GS v 0. */
function threshold(context: SKRSContext2D, width: number, height: number): Buffer {
  const rgba = context.getImageData(0, 0, width, height).data;
  const rowBytes = width / 8;
  const bits = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const luminance = 0.299 * (rgba[p] ?? 255) + 0.587 * (rgba[p + 1] ?? 255) + 0.114 * (rgba[p + 2] ?? 255);
      const at = y * rowBytes + (x >> 3);
      if (luminance < INK_THRESHOLD) bits[at] = (bits[at] ?? 0) | (0x80 >> (x & 7));
    }
  }
  return bits;
}
