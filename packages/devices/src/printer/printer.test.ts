import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeTicket } from './escpos-encoder';
import { printerStatus, printTicket } from './network-printer';
import { PaperOutError, PrinterOfflineError, PrinterTimeoutError } from './printer-errors';
import { layoutText, ticketLines, type TicketPrint } from './ticket-layout';
import { ticketSummary, VirtualPrinter } from './virtual-printer';

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
