// A picture of a ticket as the virtual printer received it, for people (a demo, a review) and for tests: text lines
// drawn in the hall's Chinese face at the size the printer would use, raster images copied dot for dot.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { ticketFont } from './ticket-fonts';
import type { PrintedItem, PrintedLine, PrintedRaster, PrintedTicket } from './virtual-printer';

/** Font A: a hanzi is 24 dots high; lines advance 30 dots (ESC 2). */
const CHAR_DOTS = 24;
const LINE_GAP = 6;
/** The QR code is drawn as a placeholder square of about its printed size. */
const QR_DOTS = 180;
/** White paper around the print area. */
const MARGIN = 16;

/** The ticket as a PNG image `widthDots` of print area wide (576 for 80 mm paper, 384 for 58 mm). */
export function ticketPng(ticket: PrintedTicket, widthDots = 576): Buffer {
  const height = ticket.items.reduce((sum, item) => sum + itemHeight(item), 0);
  const canvas = createCanvas(widthDots + 2 * MARGIN, height + 2 * MARGIN);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  let y = MARGIN;
  for (const item of ticket.items) {
    if (item.kind === 'text') drawText(context, item.line, y, widthDots);
    else if (item.kind === 'raster') drawRaster(context, item.raster, y);
    else drawQrPlaceholder(context, y, widthDots);
    y += itemHeight(item);
  }
  return canvas.toBuffer('image/png');
}

function itemHeight(item: PrintedItem): number {
  if (item.kind === 'text') return CHAR_DOTS * item.line.heightScale + LINE_GAP;
  if (item.kind === 'raster') return item.raster.height;
  return QR_DOTS + LINE_GAP;
}

function drawText(context: SKRSContext2D, line: PrintedLine, top: number, widthDots: number): void {
  const px = CHAR_DOTS * line.heightScale;
  context.font = ticketFont(px, line.bold);
  context.fillStyle = '#000';
  // GS ! scales width and height apart: draw at the height's size and stretch sideways.
  const stretch = line.widthScale / line.heightScale;
  const width = Math.min(widthDots, context.measureText(line.text).width * stretch);
  const x = line.align === 'left' ? 0 : line.align === 'center' ? (widthDots - width) / 2 : widthDots - width;
  context.save();
  context.translate(MARGIN + x, top + px * 0.88);
  context.scale(stretch, 1);
  context.fillText(line.text, 0, 0);
  context.restore();
}

function drawRaster(context: SKRSContext2D, raster: PrintedRaster, top: number): void {
  if (raster.width === 0 || raster.height === 0) return;
  const image = context.createImageData(raster.width, raster.height);
  const rowBytes = raster.width / 8;
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      const ink = ((raster.bits[y * rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
      const p = (y * raster.width + x) * 4;
      const value = ink ? 0 : 255;
      image.data[p] = value;
      image.data[p + 1] = value;
      image.data[p + 2] = value;
      image.data[p + 3] = 255;
    }
  }
  context.putImageData(image, MARGIN, top);
}

function drawQrPlaceholder(context: SKRSContext2D, top: number, widthDots: number): void {
  const x = MARGIN + (widthDots - QR_DOTS) / 2;
  context.strokeStyle = '#000';
  context.lineWidth = 2;
  context.strokeRect(x, top, QR_DOTS, QR_DOTS);
  context.font = ticketFont(CHAR_DOTS, false);
  context.fillStyle = '#000';
  const label = 'QR';
  context.fillText(label, x + (QR_DOTS - context.measureText(label).width) / 2, top + QR_DOTS / 2 + 8);
}
