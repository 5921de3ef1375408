import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeTicket } from './escpos-encoder';
import { printerStatus, printTicket } from './network-printer';
import { PaperOutError, PrinterOfflineError, PrinterTimeoutError } from './printer-errors';
import { layoutText, ticketLines, type TicketPrint } from './ticket-layout';
import { EscPosDecoder, ticketSummary, VirtualPrinter, type PrintedTicket } from './virtual-printer';

const ticket: TicketPrint = {
  hallName: '拉萨市城关区政务服务中心',
  windowTypeName: '不动产登记',
  number: 'A023',
  peopleAhead: 7,
  estimatedWaitMinutes: 25,
  windows: [3, 5, 7],
  issuedAt: new Date('2026-11-23T01:05:00Z'),
  timeZone: 'Asia/Shanghai',
  statusUrl: 'https://hall.example.gov.cn/s/Ab3xYz9?t=K7q',
  materials: ['申请人身份证原件及复印件（需本人签字确认，复印件一式两份）', '户口簿 (household register)'],
};

const printers: VirtualPrinter[] = [];
async function startPrinter(options: ConstructorParameters<typeof VirtualPrinter>[0] = {}) {
  const printer = new VirtualPrinter(options);
  printers.push(printer);
  await printer.listen(0);
  return printer;
}
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.close()));
});

describe('encoding a ticket', () => {
  it('resets the printer, turns Chinese mode on and selects the China character set before any text', () => {
    const bytes = encodeTicket(ticketLines(ticket, 80));
    // ESC @, FS &, ESC R 15.
    expect([...bytes.subarray(0, 7)]).toEqual([0x1b, 0x40, 0x1c, 0x26, 0x1b, 0x52, 0x0f]);
  });

  it('sends a line GBK cannot encode as a GS v 0 raster image: mode 0, width in bytes, rows, then the bits', () => {
    const raster = { kind: 'raster', width: 16, height: 2, bits: Buffer.from([0xff, 0x00, 0x01, 0x80]) } as const;
    const bytes = encodeTicket([raster]);
    const header = [0x1d, 0x76, 0x30, 0x00, 2, 0, 2, 0];
    expect(bytes.includes(Buffer.from([...header, 0xff, 0x00, 0x01, 0x80]))).toBe(true);
    expect(() => encodeTicket([{ ...raster, bits: Buffer.alloc(3) }])).toThrow(RangeError);
  });

  it('encodes hanzi as GBK double bytes', () => {
    const bytes = encodeTicket([
      { kind: 'text', text: '当日有效', align: 'left', widthScale: 1, heightScale: 1, bold: false },
    ]);
    expect(bytes.includes(Buffer.from([0xb5, 0xb1, 0xc8, 0xd5, 0xd3, 0xd0, 0xd0, 0xa7]))).toBe(true);
  });
});

describe('printing to a network printer', () => {
  it('prints the ticket lines, Chinese included, with the status URL as QR and a cut', async () => {
    const printer = await startPrinter();
    const blocks = ticketLines(ticket, 80);
    const printed = printer.nextTicket();
    await printTicket(encodeTicket(blocks), { host: printer.host, port: printer.port, timeoutMs: 2000 });
    const result = await printed;

    expect(result.lines.map((l) => l.text).filter((t) => t !== '')).toEqual(layoutText(blocks));
    expect(result.qr).toEqual([ticket.statusUrl]);
    expect(result.cut).toBe(true);
    const number = result.lines.find((l) => l.text === 'A023');
    expect(number).toMatchObject({ widthScale: 3, heightScale: 3, bold: true, align: 'center' });
    expect(result.text).toContain(`[QR] ${ticket.statusUrl}`);
    expect(result.text.endsWith('--- cut ---')).toBe(true);
    expect(printer.tickets()).toHaveLength(1);
  });

  it('splits tickets at each cut, even when sent byte by byte', async () => {
    const printer = await startPrinter();
    const bytes = Buffer.concat([
      encodeTicket(ticketLines(ticket, 58)),
      encodeTicket(ticketLines({ ...ticket, number: 'A024' }, 58)),
    ]);
    const socket = net.connect({ host: printer.host, port: printer.port });
    await new Promise((r) => socket.once('connect', r));
    for (const byte of bytes) socket.write(Buffer.from([byte]));
    socket.end();
    await new Promise((r) => socket.once('close', r));
    const tickets = printer.tickets();
    expect(tickets).toHaveLength(2);
    expect(tickets.map((t) => t.lines.find((l) => l.widthScale > 1)?.text)).toEqual(['A023', 'A024']);
    expect(tickets.every((t) => t.cut && t.qr[0] === ticket.statusUrl)).toBe(true);
  });

  it('sums a received ticket up in one line: number, window type, printed time', async () => {
    const printer = await startPrinter();
    const printed = printer.nextTicket();
    await printTicket(encodeTicket(ticketLines(ticket, 58)), { host: printer.host, port: printer.port });
    expect(ticketSummary(await printed)).toBe('A023  不动产登记  2026-11-23 09:05');
  });

  it('decodes the Tibetan lines of a ticket as raster images in paper order, keeping the Chinese as text', async () => {
    const printer = await startPrinter();
    const tibetan = {
      ...ticket,
      inCitizenLanguage: { windowTypeName: 'གནས་མི་སྤོ་བའི་རྒྱུ་ནོར་ཐོ་འགོད།', validToday: 'དེ་རིང་ཁོ་ན་ནུས་པ་ཡོད།' },
    };
    const blocks = ticketLines(tibetan, 58);
    const printed = printer.nextTicket();
    await printTicket(encodeTicket(blocks), { host: printer.host, port: printer.port });
    const result = await printed;

    const sent = blocks.filter((b) => b.kind === 'raster');
    expect(result.rasters).toEqual(sent.map(({ width, height, bits }) => ({ width, height, bits })));
    expect(result.rasters.every((r) => r.width === 384 && r.bits.some((byte) => byte !== 0))).toBe(true);
    expect(result.lines.map((l) => l.text).filter((t) => t !== '')).toEqual(layoutText(blocks));
    const order = result.items.map((i) => (i.kind === 'text' ? i.line.text : i.kind)).filter((t) => t !== '');
    expect(order.slice(0, 3)).toEqual(['拉萨市城关区政务服务中心', 'raster', '不动产登记']);
    expect(order.slice(-2)).toEqual(['raster', '当日有效']);
    expect(ticketSummary(result)).toBe('A023  不动产登记  2026-11-23 09:05');
  });

  it('waits for the whole of a raster image that arrives in pieces', () => {
    const tickets: PrintedTicket[] = [];
    const decoder = new EscPosDecoder({ onTicket: (t) => tickets.push(t), onStatusQuery: () => undefined });
    const bits = Buffer.from(Array.from({ length: 6 }, (_, i) => i + 1));
    const bytes = encodeTicket([{ kind: 'raster', width: 16, height: 3, bits }, { kind: 'cut' }]);
    for (let i = 0; i < bytes.length; i += 5) decoder.push(bytes.subarray(i, i + 5));
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.rasters).toEqual([{ width: 16, height: 3, bits }]);
    expect(tickets[0]?.text).toBe('[image 16×3]\n--- cut ---');
  });

  it('saves each ticket as a PNG with its raster images copied dot for dot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallq-tickets-'));
    const printer = await startPrinter({ pngDir: dir, paperWidth: 58 });
    const raster = { kind: 'raster', width: 384, height: 40, bits: Buffer.alloc(48 * 40, 0xff) } as const;
    const blank = { kind: 'text', text: '', align: 'left', widthScale: 1, heightScale: 1, bold: false } as const;
    const printed = printer.nextTicket();
    await printTicket(encodeTicket([{ ...blank, text: '当日有效' }, raster, { kind: 'cut' }]), {
      host: printer.host,
      port: printer.port,
    });
    const result = await printed;

    expect(result.pngFile).toBe(join(dir, 'ticket-0001.png'));
    const png = PNG.sync.read(readFileSync(result.pngFile!));
    // 384 dots of paper and a margin each side; one text line (30 dots) and the 40 rows of the image, plus margins.
    expect(png.width).toBeGreaterThan(384);
    expect(png.height).toBeGreaterThanOrEqual(30 + 40);
    const dark = (x: number, y: number) => (png.data[(y * png.width + x) * 4] ?? 255) < 128;
    const margin = (png.width - 384) / 2;
    // The all-ink image is a black band the width of the paper, below the text line.
    const bandTop = png.height - margin - 40;
    for (const x of [margin, margin + 191, margin + 383]) {
      expect(dark(x, bandTop)).toBe(true);
      expect(dark(x, bandTop + 39)).toBe(true);
    }
    expect(dark(margin - 1, bandTop + 20)).toBe(false);
    // And the text line above it has ink of its own.
    let textInk = 0;
    for (let y = margin; y < bandTop; y++) for (let x = 0; x < png.width; x++) if (dark(x, y)) textInk++;
    expect(textInk).toBeGreaterThan(50);
  });

  it('reports ready for a working printer', async () => {
    const printer = await startPrinter();
    expect(await printerStatus({ host: printer.host, port: printer.port })).toBe('ready');
  });

  it('rejects with PrinterOfflineError when the printer refuses connections', async () => {
    const printer = await startPrinter({ offline: true });
    await expect(
      printTicket(encodeTicket(ticketLines(ticket, 80)), { host: printer.host, port: printer.port, timeoutMs: 2000 }),
    ).rejects.toBeInstanceOf(PrinterOfflineError);
    expect(await printerStatus({ host: printer.host, port: printer.port })).toBe('offline');
  });

  it('prints again once an offline printer comes back', async () => {
    const printer = await startPrinter({ offline: true });
    await printer.setOffline(false);
    await printTicket(encodeTicket(ticketLines(ticket, 80)), { host: printer.host, port: printer.port });
    expect(printer.tickets()).toHaveLength(1);
  });

  it('reports paper_out and refuses to print when the paper has run out', async () => {
    const printer = await startPrinter({ paperOut: true });
    expect(await printerStatus({ host: printer.host, port: printer.port })).toBe('paper_out');
    await expect(
      printTicket(encodeTicket(ticketLines(ticket, 80)), { host: printer.host, port: printer.port, timeoutMs: 2000 }),
    ).rejects.toBeInstanceOf(PaperOutError);
    expect(printer.tickets()).toHaveLength(0);
  });

  it('rejects with PrinterTimeoutError when the printer is slower than the timeout', async () => {
    const printer = await startPrinter({ slowMs: 500 });
    const started = Date.now();
    await expect(
      printTicket(encodeTicket(ticketLines(ticket, 80)), { host: printer.host, port: printer.port, timeoutMs: 150 }),
    ).rejects.toBeInstanceOf(PrinterTimeoutError);
    expect(Date.now() - started).toBeLessThan(450);
  });

  it('still prints on a slow printer within the timeout', async () => {
    const printer = await startPrinter({ slowMs: 30 });
    await printTicket(encodeTicket(ticketLines(ticket, 80)), {
      host: printer.host,
      port: printer.port,
      timeoutMs: 3000,
    });
    expect(printer.tickets()).toHaveLength(1);
  });
});
