// Encoded directly (iconv-lite GBK + a handful of ESC/POS commands) rather than via node-thermal-printer,
// whose API is built around a live interface and buffers; pure bytes are simpler to test and send.
import iconv from 'iconv-lite';
import { isAscii, type Align, type TicketBlock } from './ticket-layout';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

export const escpos = {
  init: [ESC, 0x40],
  chineseMode: [FS, 0x26],
  align: (a: Align) => [ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2],
  size: (w: number, h: number) => [GS, 0x21, ((clampScale(w) - 1) << 4) | (clampScale(h) - 1)],
  bold: (on: boolean) => [ESC, 0x45, on ? 1 : 0],
  feed: (n: number) => [ESC, 0x64, Math.max(0, Math.min(255, Math.floor(n)))],
  /** Feed to the cutter and partial-cut (GS V 66 n). */
  cut: [GS, 0x56, 0x42, 0x00],
} as const;

function clampScale(n: number): number {
  return Math.max(1, Math.min(8, Math.floor(n)));
}

/** GS ( k sequence for a model 2 QR code, error correction M. */
export function qrCommands(data: string, moduleSize: number): number[] {
  if (!isAscii(data)) throw new RangeError('QR payload must be printable ASCII');
  const payload = [...Buffer.from(data, 'ascii')];
  const len = payload.length + 3;
  if (len > 0xffff) throw new RangeError('QR payload too long');
  const size = Math.max(1, Math.min(16, Math.floor(moduleSize)));
  return [
    ...[GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00], // model 2
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, size], // module size
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31], // error correction M
    ...[GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30, ...payload], // store
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30], // print
  ];
}

/** ESC/POS bytes for a ticket layout: GBK text in Chinese mode (FS &). */
export function encodeTicket(blocks: readonly TicketBlock[]): Buffer {
  const parts: Buffer[] = [Buffer.from([...escpos.init, ...escpos.chineseMode])];
  for (const block of blocks) {
    switch (block.kind) {
      case 'text':
        parts.push(
          Buffer.from([
            ...escpos.align(block.align),
            ...escpos.size(block.widthScale, block.heightScale),
            ...escpos.bold(block.bold),
          ]),
          iconv.encode(block.text, 'gbk'),
          Buffer.from([LF]),
        );
        break;
      case 'qr':
        parts.push(
          Buffer.from([...escpos.align('center'), ...escpos.size(1, 1), ...escpos.bold(false)]),
          Buffer.from(qrCommands(block.data, block.moduleSize)),
          Buffer.from([LF]),
        );
        break;
      case 'feed':
        parts.push(Buffer.from(escpos.feed(block.lines)));
        break;
      case 'cut':
        parts.push(Buffer.from(escpos.cut));
        break;
    }
  }
  parts.push(Buffer.from([...escpos.align('left'), ...escpos.size(1, 1), ...escpos.bold(false)]));
  return Buffer.concat(parts);
}
