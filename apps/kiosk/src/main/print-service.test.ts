import { PrinterUriError, VirtualPrinter, type PrintedTicket } from '@hallq/devices';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketPrintJob } from '../bridge/kiosk-bridge';
import { createPrintService } from './print-service';

const job: TicketPrintJob = {
  hallName: '拉萨市城关区政务服务中心',
  windowTypeName: '不动产登记',
  serviceItemName: null,
  number: 'A023',
  peopleAhead: 7,
  estimatedWaitMinutes: 25,
  windows: [3, 5],
  issuedAt: '2026-11-23T01:05:00.000Z',
  timeZone: 'Asia/Shanghai',
  statusUrl: 'https://hall.example.gov.cn/s/Ab3xYz9',
  materials: ['申请人身份证原件及复印件', '不动产权属证书'],
};

const printers: VirtualPrinter[] = [];
async function startPrinter(options: ConstructorParameters<typeof VirtualPrinter>[0] = {}) {
  const printer = new VirtualPrinter(options);
  printers.push(printer);
  await printer.listen(0);
  return { printer, uri: `tcp://${printer.host}:${printer.port}` };
}
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.close()));
});

const bigLine = (t: PrintedTicket) => t.lines.find((l) => l.widthScale > 1)?.text;

describe('createPrintService', () => {
  it('prints the job with its number, window type, hall time and materials readable', async () => {
    const { printer, uri } = await startPrinter();
    const service = createPrintService({ printer: uri, paperWidth: 80, timeoutMs: 2000 });
    expect(await service.printerStatus()).toBe('ready');

    expect(await service.printTicket(job)).toEqual({ ok: true });
    const [ticket] = printer.tickets();
    expect(bigLine(ticket!)).toBe('A023');
    expect(ticket!.text).toContain('不动产登记');
    expect(ticket!.text).toContain('2026-11-23 09:05');
    expect(ticket!.text).toContain('1. 申请人身份证原件及复印件');
    expect(ticket!.text).toContain('2. 不动产权属证书');
    expect(ticket!.qr).toEqual([job.statusUrl]);
    expect(ticket!.cut).toBe(true);
  });

  it('prints a Tibetan ticket with its window type and validity line drawn in Tibetan above the Chinese text', async () => {
    const { printer, uri } = await startPrinter();
    const service = createPrintService({ printer: uri, paperWidth: 80, timeoutMs: 5000 });
    const inCitizenLanguage = { windowTypeName: 'གནས་མི་སྤོ་བའི་རྒྱུ་ནོར་ཐོ་འགོད།', validToday: 'དེ་རིང་ཁོ་ན་ནུས་པ་ཡོད།' };
    expect(await service.printTicket({ ...job, inCitizenLanguage })).toEqual({ ok: true });
    const [ticket] = printer.tickets();
    const order = ticket!.items.map((i) => (i.kind === 'text' ? i.line.text : i.kind)).filter((t) => t !== '');
    expect(order.slice(0, 4)).toEqual(['拉萨市城关区政务服务中心', 'raster', '不动产登记', 'A023']);
    expect(order.slice(-2)).toEqual(['raster', '当日有效']);
    expect(ticket!.rasters.every((r) => r.width === 576)).toBe(true);
  });

  it('prints an English ticket all as text, each English line above its Chinese', async () => {
    const { printer, uri } = await startPrinter();
    const service = createPrintService({ printer: uri, paperWidth: 58, timeoutMs: 2000 });
    const inCitizenLanguage = { windowTypeName: 'Real estate registration', validToday: 'Valid today only' };
    await service.printTicket({ ...job, inCitizenLanguage });
    const [ticket] = printer.tickets();
    expect(ticket!.rasters).toEqual([]);
    const text = ticket!.lines.map((l) => l.text).filter((t) => t !== '');
    expect(text.slice(1, 3)).toEqual(['Real estate registration', '不动产登记']);
    expect(text.slice(-2)).toEqual(['Valid today only', '当日有效']);
  });

  it('lays the ticket out for 58 mm paper', async () => {
    const { printer, uri } = await startPrinter();
    const service = createPrintService({ printer: uri, paperWidth: 58, timeoutMs: 2000 });
    await service.printTicket(job);
    expect(printer.tickets()[0]!.lines.find((l) => l.text === 'A023')).toMatchObject({ widthScale: 2 });
  });

  it('says offline when the printer does not answer', async () => {
    const { uri } = await startPrinter({ offline: true });
    const service = createPrintService({ printer: uri, paperWidth: 80, timeoutMs: 1000 });
    expect(await service.printerStatus()).toBe('offline');
    expect(await service.printTicket(job)).toMatchObject({ ok: false, reason: 'offline' });
  });

  it('says paper_out when the roll has run out, and nothing is printed', async () => {
    const { printer, uri } = await startPrinter({ paperOut: true });
    const service = createPrintService({ printer: uri, paperWidth: 80, timeoutMs: 1000 });
    expect(await service.printerStatus()).toBe('paper_out');
    expect(await service.printTicket(job)).toMatchObject({ ok: false, reason: 'paper_out' });
    expect(printer.tickets()).toEqual([]);
  });

  it('says timeout when the printer is slower than the timeout', async () => {
    const { uri } = await startPrinter({ slowMs: 400 });
    const service = createPrintService({ printer: uri, paperWidth: 80, timeoutMs: 150 });
    const result = await service.printTicket(job);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(result.ok === false && result.message).toContain('150 ms');
  });

  it('prints two jobs touched at once one after the other, each intact', async () => {
    const { printer, uri } = await startPrinter({ slowMs: 20 });
    const service = createPrintService({ printer: uri, paperWidth: 80, timeoutMs: 3000 });
    const results = await Promise.all([
      service.printTicket(job),
      service.printTicket({ ...job, number: 'A024', materials: ['户口簿'] }),
    ]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    const tickets = printer.tickets();
    expect(tickets.map(bigLine)).toEqual(['A023', 'A024']);
    expect(tickets[0]!.text).toContain('不动产权属证书');
    expect(tickets[1]!.text).toContain('1. 户口簿');
    expect(tickets[1]!.text).not.toContain('不动产权属证书');
    expect(tickets.every((t) => t.cut && t.qr.length === 1)).toBe(true);
  });

  it('fails a job it cannot lay out with reason error, without throwing', async () => {
    const { printer, uri } = await startPrinter();
    const service = createPrintService({ printer: uri, paperWidth: 80, timeoutMs: 1000 });
    expect(await service.printTicket({ ...job, issuedAt: 'yesterday' })).toMatchObject({
      ok: false,
      reason: 'error',
      message: expect.stringContaining('issuedAt'),
    });
    expect(await service.printTicket({ ...job, statusUrl: 'https://例子.cn/s/1' })).toMatchObject({
      ok: false,
      reason: 'error',
    });
    expect(printer.tickets()).toEqual([]);
  });

  it('reports not_configured when no printer is fitted, and fails a job as offline', async () => {
    const service = createPrintService({ printer: '', paperWidth: 80 });
    expect(await service.printerStatus()).toBe('not_configured');
    expect(await service.printTicket(job)).toMatchObject({ ok: false, reason: 'offline' });
  });

  it('refuses a malformed printer setting when created', () => {
    expect(() => createPrintService({ printer: '192.168.1.50:9100', paperWidth: 80 })).toThrow(PrinterUriError);
  });
});
