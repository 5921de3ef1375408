import { EventEmitter } from 'node:events';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { PAPER_DOTS, type Align, type PaperWidth } from './ticket-layout';
import { ticketPng } from './ticket-png';

export interface PrintedLine {
  text: string;
  align: Align;
  widthScale: number;
  heightScale: number;
  bold: boolean;
}

/** A raster image (GS v 0) as received. */
export interface PrintedRaster {
  /** Dots: the width in bytes times 8. */
  width: number;
  height: number;
  /** width / 8 bytes per row, rows top to bottom, the leftmost dot in the high bit; a set bit is ink. */
  bits: Buffer;
}

/** What reached the paper, top to bottom. */
export type PrintedItem =
  { kind: 'text'; line: PrintedLine } | { kind: 'raster'; raster: PrintedRaster } | { kind: 'qr'; data: string };

/** One ticket as the virtual printer saw it: everything up to a cut (or the end of a connection). */
export interface PrintedTicket {
  lines: PrintedLine[];
  /** Payloads of the QR codes printed, in order. */
  qr: string[];
  /** Raster images printed, in order. */
  rasters: PrintedRaster[];
  /** Everything printed in paper order, for drawing the ticket (see ticketPng). */
  items: PrintedItem[];
  /** True when the ticket ended with a cut command. */
  cut: boolean;
  /** Readable rendering: text lines, `[QR] payload`, `[image W×H]` and `--- cut ---`. */
  text: string;
  /** Where its picture was saved, when the printer saves pictures (`pngDir`). */
  pngFile?: string;
}

export interface VirtualPrinterOptions {
  /** Refuse connections (nothing listens on the port). */
  offline?: boolean;
  /** Paper end: status queries report it and print data is discarded. */
  paperOut?: boolean;
  /** Delay before handling each chunk received, in ms, to simulate a slow printer. */
  slowMs?: number;
  /** Save a picture of each ticket in this directory, ticket-0001.png and on, before it is emitted. */
  pngDir?: string;
  /** The paper the pictures show; default 80 mm. */
  paperWidth?: PaperWidth;
}

/** DLE EOT n replies. Fixed bits: 1 and 4 set, 0 and 7 clear. */
export function statusByte(n: number, paperOut: boolean): number {
  const base = 0x12;
  switch (n) {
    case 1:
      return paperOut ? base | 0x08 : base; // bit 3: offline
    case 2:
      return paperOut ? base | 0x20 : base; // bit 5: stopped by paper end
    case 4:
      return paperOut ? base | 0x60 : base; // bits 5, 6: paper end
    default:
      return base;
  }
}

type Need = 'more';

/** Incremental ESC/POS decoder for one connection. */
export class EscPosDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private lineBytes: number[] = [];
  private lines: PrintedLine[] = [];
  private qr: string[] = [];
  private rasters: PrintedRaster[] = [];
  private items: PrintedItem[] = [];
  private rendered: string[] = [];
  private storedQr = '';
  private style = { align: 'left' as Align, widthScale: 1, heightScale: 1, bold: false };

  constructor(
    private readonly handlers: {
      onTicket: (t: PrintedTicket) => void;
      onStatusQuery: (n: number) => void;
    },
  ) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let i = 0;
    while (i < this.pending.length) {
      const used = this.step(this.pending, i);
      if (used === 'more') break;
      i += used;
    }
    this.pending = this.pending.subarray(i);
  }

  /** Ends the stream: anything printed but not cut becomes a ticket. */
  finish(): void {
    this.endLine(false);
    if (this.items.length > 0) this.emit(false);
    this.pending = Buffer.alloc(0);
  }

  private step(b: Buffer, i: number): number | Need {
    const c = b[i] as number;
    const at = (k: number): number | undefined => b[i + k];
    const need = (n: number): boolean => i + n > b.length;
    if (c === 0x0a) {
      this.endLine(true);
      return 1;
    }
    if (c === 0x10) {
      // DLE EOT n, DLE ENQ n: 3 bytes; DLE DC4 fn m t: 5 bytes.
      if (need(2)) return 'more';
      if (at(1) === 0x14) return need(5) ? 'more' : 5;
      if (need(3)) return 'more';
      if (at(1) === 0x04) this.handlers.onStatusQuery(at(2) as number);
      return 3;
    }
    if (c === 0x1b) {
      if (need(2)) return 'more';
      const cmd = at(1) as number;
      if (cmd === 0x40) {
        this.style = { align: 'left', widthScale: 1, heightScale: 1, bold: false };
        return 2;
      }
      if (cmd === 0x32 || cmd === 0x3c) return 2;
      if (need(3)) return 'more';
      const n = at(2) as number;
      if (cmd === 0x61) this.style.align = n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left';
      else if (cmd === 0x45) this.style.bold = (n & 1) === 1;
      else if (cmd === 0x21) {
        this.style.bold = (n & 0x08) !== 0;
        this.style.heightScale = n & 0x10 ? 2 : 1;
        this.style.widthScale = n & 0x20 ? 2 : 1;
      } else if (cmd === 0x64) {
        this.endLine(false);
        for (let k = 0; k < n; k++) this.pushLine('');
      }
      return 3;
    }
    if (c === 0x1c) {
      if (need(2)) return 'more';
      const cmd = at(1) as number;
      if (cmd === 0x26 || cmd === 0x2e) return 2; // FS & / FS . : Chinese mode on/off
      return need(3) ? 'more' : 3;
    }
    if (c === 0x1d) {
      if (need(2)) return 'more';
      const cmd = at(1) as number;
      if (cmd === 0x28) {
        // GS ( fn pL pH data
        if (need(5)) return 'more';
        const len = (at(3) as number) | ((at(4) as number) << 8);
        if (need(5 + len)) return 'more';
        if (at(2) === 0x6b && len >= 3 && at(5) === 0x31) this.qrFunction(b.subarray(i + 5, i + 5 + len));
        return 5 + len;
      }
      if (cmd === 0x56) {
        if (need(3)) return 'more';
        const m = at(2) as number;
        const size = m === 65 || m === 66 ? 4 : 3;
        if (need(size)) return 'more';
        this.endLine(false);
        this.emit(true);
        return size;
      }
      if (cmd === 0x76) {
        // GS v 0 m xL xH yL yH data: a raster image, (xL + 256 xH) bytes by (yL + 256 yH) rows.
        if (need(8)) return 'more';
        const widthBytes = (at(4) as number) | ((at(5) as number) << 8);
        const height = (at(6) as number) | ((at(7) as number) << 8);
        const size = 8 + widthBytes * height;
        if (need(size)) return 'more';
        this.endLine(false);
        this.pushRaster({ width: widthBytes * 8, height, bits: Buffer.from(b.subarray(i + 8, i + size)) });
        return size;
      }
      if (need(3)) return 'more';
      if (cmd === 0x21) {
        const n = at(2) as number;
        this.style.widthScale = (n >> 4) + 1;
        this.style.heightScale = (n & 0x0f) + 1;
      }
      return 3;
    }
    if (c < 0x20) return 1; // other control bytes (CR, HT, ...) are ignored
    this.lineBytes.push(c);
    return 1;
  }

  private qrFunction(data: Buffer): void {
    // data = cn(0x31) fn ...
    const fn = data[1];
    if (fn === 0x50) this.storedQr = data.subarray(3).toString('latin1');
    else if (fn === 0x51) {
      this.endLine(false);
      this.qr.push(this.storedQr);
      this.items.push({ kind: 'qr', data: this.storedQr });
      this.rendered.push(`[QR] ${this.storedQr}`);
    }
  }

  private endLine(force: boolean): void {
    if (!force && this.lineBytes.length === 0) return;
    this.pushLine(iconv.decode(Buffer.from(this.lineBytes), 'gbk'));
    this.lineBytes = [];
  }

  private pushLine(text: string): void {
    const line = { text, ...this.style };
    this.lines.push(line);
    this.items.push({ kind: 'text', line });
    this.rendered.push(text);
  }

  private pushRaster(raster: PrintedRaster): void {
    this.rasters.push(raster);
    this.items.push({ kind: 'raster', raster });
    this.rendered.push(`[image ${raster.width}×${raster.height}]`);
  }

  private emit(cut: boolean): void {
    const ticket: PrintedTicket = {
      lines: this.lines,
      qr: this.qr,
      rasters: this.rasters,
      items: this.items,
      cut,
      text: [...this.rendered, ...(cut ? ['--- cut ---'] : [])].join('\n'),
    };
    this.lines = [];
    this.qr = [];
    this.rasters = [];
    this.items = [];
    this.rendered = [];
    this.handlers.onTicket(ticket);
  }
}

export interface VirtualPrinterEvents {
  ticket: [PrintedTicket];
}

/**
 * A network receipt printer on a TCP port that decodes what it is sent.
 * `listen()` binds (port 0 = ephemeral); tickets are kept in memory and emitted as `ticket`.
 */
export class VirtualPrinter extends EventEmitter<VirtualPrinterEvents> {
  private server: net.Server | null = null;
  private readonly streams = new Set<Duplex>();
  private readonly printed: PrintedTicket[] = [];
  private boundPort = 0;
  private boundHost = '127.0.0.1';
  private offline: boolean;
  private readonly pngDir: string | null;
  private readonly paperWidth: PaperWidth;
  paperOut: boolean;
  slowMs: number;

  constructor(options: VirtualPrinterOptions = {}) {
    super();
    this.offline = options.offline ?? false;
    this.paperOut = options.paperOut ?? false;
    this.slowMs = options.slowMs ?? 0;
    this.pngDir = options.pngDir ?? null;
    this.paperWidth = options.paperWidth ?? 80;
  }

  get port(): number {
    return this.boundPort;
  }

  get host(): string {
    return this.boundHost;
  }

  /** Every ticket printed so far, oldest first. */
  tickets(): PrintedTicket[] {
    return [...this.printed];
  }

  /** The next ticket to complete. */
  nextTicket(): Promise<PrintedTicket> {
    return new Promise((resolve) => this.once('ticket', resolve));
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<{ host: string; port: number }> {
    this.boundHost = host;
    await this.bind(port);
    if (this.offline) await this.unbind();
    return { host: this.boundHost, port: this.boundPort };
  }

  /** Going offline stops listening (connections are refused) and drops open connections. */
  async setOffline(offline: boolean): Promise<void> {
    if (offline === this.offline) return;
    this.offline = offline;
    if (offline) await this.unbind();
    else await this.bind(this.boundPort);
  }

  async close(): Promise<void> {
    await this.unbind();
  }

  private bind(port: number): Promise<void> {
    const server = net.createServer({ allowHalfOpen: true }, (socket) => this.attach(socket));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.boundHost, () => {
        server.off('error', reject);
        const address = server.address();
        if (address !== null && typeof address === 'object') this.boundPort = address.port;
        this.server = server;
        resolve();
      });
    });
  }

  private unbind(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
    if (server === null) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  /**
   * Serves one connection: a TCP socket, or the far end of a serial link (e.g. one side of a pty pair) so the same
   * printer stands in for a serial one. Closing the printer destroys it.
   */
  attach(stream: Duplex): void {
    this.streams.add(stream);
    const decoder = new EscPosDecoder({
      onStatusQuery: (n) => {
        if (!stream.destroyed) stream.write(Buffer.from([statusByte(n, this.paperOut)]));
      },
      onTicket: (ticket) => {
        // Without paper nothing reaches the page.
        if (this.paperOut) return;
        if (this.pngDir !== null) this.savePng(ticket, this.pngDir);
        this.printed.push(ticket);
        this.emit('ticket', ticket);
      },
    });
    // Chunks are handled strictly in order, each after `slowMs` when the printer is slow.
    let queue: Promise<void> = Promise.resolve();
    const later = (work: () => void) => {
      queue = queue.then(async () => {
        if (this.slowMs > 0) await new Promise((r) => setTimeout(r, this.slowMs));
        if (!stream.destroyed) work();
      });
    };
    stream.on('data', (chunk: Buffer) => later(() => decoder.push(chunk)));
    stream.on('end', () =>
      later(() => {
        decoder.finish();
        stream.end();
      }),
    );
    stream.on('error', () => stream.destroy());
    stream.on('close', () => this.streams.delete(stream));
  }

  private savePng(ticket: PrintedTicket, dir: string): void {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `ticket-${String(this.printed.length + 1).padStart(4, '0')}.png`);
    writeFileSync(file, ticketPng(ticket, PAPER_DOTS[this.paperWidth]));
    ticket.pngFile = file;
  }
}

const HALL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/**
 * One line for a log of tickets as they arrive: number, window type and printed time, e.g.
 * "A023  不动产登记  2026-11-23 09:05". The number is the first enlarged line; the window type is the line above it.
 */
export function ticketSummary(ticket: PrintedTicket): string {
  const lines = ticket.lines.filter((l) => l.text.trim() !== '');
  const at = lines.findIndex((l) => l.widthScale > 1);
  const number = at >= 0 ? (lines[at] as PrintedLine).text.trim() : '?';
  const windowType = at >= 1 ? (lines[at - 1] as PrintedLine).text.trim() : '?';
  const time = lines.find((l) => HALL_TIME.test(l.text.trim()))?.text.trim() ?? '';
  return [number, windowType, time].filter((s) => s !== '').join('  ');
}
