// The ticket is built with node-thermal-printer's EPSON command builder: CharacterSet.CHINA encodes text as GBK
// (EUC-CN), and it supplies alignment, bold and the QR code. It lacks Chinese mode (FS &), a feed of n lines and a
// feed-to-cutter cut, which go in through `add()`. Line wrapping stays ours (its fold counts characters, not the two
// columns of a hanzi), and so does the transport: its network interface cannot read the paper sensor (DLE EOT) on
// the job's connection and has no whole-job timeout, and it has no serial interface (see ticket-printer.ts).
import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { isAscii, type TicketBlock } from './ticket-layout';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

export const escpos = {
  init: [ESC, 0x40],
  chineseMode: [FS, 0x26],
  feed: (n: number) => [ESC, 0x64, Math.max(0, Math.min(255, Math.floor(n)))],
  /** GS V 66 0: feed to the cutter, then partial-cut, so the last line is never cut through. */
  cut: [GS, 0x56, 0x42, 0x00],
  /** GS v 0, mode 0 (normal size): the header of a raster image, width in bytes and height in dots, each 16-bit LE. */
  raster: (widthBytes: number, height: number) => [
    GS,
    0x76,
    0x30,
    0x00,
    widthBytes & 0xff,
    widthBytes >> 8,
    height & 0xff,
    height >> 8,
  ],
} as const;

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, Math.floor(n)));

/** ESC/POS bytes for a ticket layout: GBK text in Chinese mode (FS &), and images for what GBK cannot encode. */
export function encodeTicket(blocks: readonly TicketBlock[]): Buffer {
  // An empty interface: the builder is used for bytes only.
  const builder = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', breakLine: BreakLine.NONE });
  builder.add(Buffer.from([...escpos.init, ...escpos.chineseMode]));
  builder.setCharacterSet(CharacterSet.CHINA);
  // Its setTextSize(a, b) writes GS ! with `a` in the high nibble, which ESC/POS reads as the width.
  const size = (width: number, height: number) => builder.setTextSize(clamp(width, 1, 8) - 1, clamp(height, 1, 8) - 1);
  for (const block of blocks) {
    switch (block.kind) {
      case 'text':
        if (block.align === 'center') builder.alignCenter();
        else if (block.align === 'right') builder.alignRight();
        else builder.alignLeft();
        size(block.widthScale, block.heightScale);
        builder.bold(block.bold);
        builder.println(block.text);
        break;
      case 'qr':
        // printQR writes the character count as the length: only ASCII keeps it equal to the byte count.
        if (!isAscii(block.data)) throw new RangeError('QR payload must be printable ASCII');
        builder.alignCenter();
        size(1, 1);
        builder.bold(false);
        // It knows module sizes 1–8 only and silently drops any other.
        builder.printQR(block.data, { cellSize: clamp(block.moduleSize, 1, 8), correction: 'M', model: 2 });
        builder.newLine();
        break;
      case 'raster':
        if (block.width % 8 !== 0 || block.bits.length !== (block.width / 8) * block.height) {
          throw new RangeError('raster bits must be width / 8 bytes per row, one row per dot of height');
        }
        // The image is as wide as the paper with its text already placed in it: no printer alignment may shift it.
        builder.alignLeft();
        builder.add(Buffer.from(escpos.raster(block.width / 8, block.height)));
        builder.add(block.bits);
        break;
      case 'feed':
        builder.add(Buffer.from(escpos.feed(block.lines)));
        break;
      case 'cut':
        builder.add(Buffer.from(escpos.cut));
        break;
    }
  }
  builder.alignLeft();
  size(1, 1);
  builder.bold(false);
  return builder.getBuffer();
}
