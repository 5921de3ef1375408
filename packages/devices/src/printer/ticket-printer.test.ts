import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeTicket } from './escpos-encoder';
import { PaperOutError, PrinterOfflineError, PrinterTimeoutError } from './printer-errors';
import { openTicketPrinter, parsePrinterUri, PrinterUriError } from './ticket-printer';
import { layoutText, ticketLines, type TicketPrint } from './ticket-layout';
import { EscPosDecoder, VirtualPrinter, type PrintedTicket } from './virtual-printer';

const ticket: TicketPrint = {
  hallName: '敖汉旗政务服务中心',
  windowTypeName: '社保医保综合窗口',
  number: 'B007',
  peopleAhead: 2,
  estimatedWaitMinutes: 8,
  windows: [4],
  issuedAt: new Date('2026-11-23T02:30:00Z'),
  timeZone: 'Asia/Shanghai',
  statusUrl: 'https://hall.example.gov.cn/s/B007x',
  materials: ['居民身份证', '社会保障卡'],
};

const readable = (t: PrintedTicket) => t.lines.map((l) => l.text).filter((s) => s !== '');

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startPrinter(options: ConstructorParameters<typeof VirtualPrinter>[0] = {}) {
  const printer = new VirtualPrinter(options);
  cleanups.push(() => printer.close());
  await printer.listen(0);
  return printer;
}

describe('parsePrinterUri', () => {
  it('reads a network printer, with 9100 as the default port', () => {
    expect(parsePrinterUri('tcp://192.168.1.50:9101')).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 9101 });
    expect(parsePrinterUri('tcp://printer-3.hall.lan')).toEqual({
      kind: 'tcp',
      host: 'printer-3.hall.lan',
      port: 9100,
    });
    expect(parsePrinterUri('tcp://[::1]:9100/')).toEqual({ kind: 'tcp', host: '::1', port: 9100 });
  });

  it('reads a serial printer, with 9600 baud as the default', () => {
    expect(parsePrinterUri('serial:/dev/ttyUSB0?baud=115200')).toEqual({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 115200,
    });
    expect(parsePrinterUri('serial:COM3')).toEqual({ kind: 'serial', path: 'COM3', baudRate: 9600 });
  });

  it('reads a system printer by its queue name', () => {
    expect(parsePrinterUri('printer:EPSON_TM_T88V')).toEqual({ kind: 'system', name: 'EPSON_TM_T88V' });
  });

  it.each([
    ['', 'not a printer URI'],
    ['192.168.1.50:9100', 'not a printer URI'],
    ['http://192.168.1.50', 'not a printer URI'],
    ['tcp://', 'expected tcp://host:port'],
    ['tcp://host:99999', 'port 99999 is out of range'],
    ['tcp://host:0', 'port 0 is out of range'],
    ['tcp://host:91x', 'expected tcp://host:port'],
    ['serial:', 'expected serial:'],
    ['serial:/dev/ttyUSB0?baud=fast', 'baud must be a positive whole number'],
    ['serial:/dev/ttyUSB0?parity=none', 'unknown option "parity"'],
    ['printer:', 'expected printer:NAME'],
    ['printer:Office Printer', 'expected printer:NAME'],
  ])('refuses %j, saying why', (uri, why) => {
    expect(() => parsePrinterUri(uri)).toThrow(PrinterUriError);
    expect(() => parsePrinterUri(uri)).toThrow(why);
  });
});

describe('a network ticket printer', () => {
  it('prints a ticket that decodes back to its layout, Chinese included', async () => {
    const virtual = await startPrinter();
    const printer = openTicketPrinter(`tcp://${virtual.host}:${virtual.port}`, { paperWidth: 58, timeoutMs: 2000 });
    expect(await printer.status()).toBe('ready');
    const printed = virtual.nextTicket();
    await printer.print(ticket);
    const result = await printed;
    expect(readable(result)).toEqual(layoutText(ticketLines(ticket, 58)));
    expect(result.qr).toEqual([ticket.statusUrl]);
    expect(result.cut).toBe(true);
  });

  it('is offline when nothing listens, and refuses the job with PrinterOfflineError', async () => {
    const virtual = await startPrinter({ offline: true });
    const printer = openTicketPrinter(`tcp://${virtual.host}:${virtual.port}`, { timeoutMs: 1000 });
    expect(await printer.status()).toBe('offline');
    await expect(printer.print(ticket)).rejects.toBeInstanceOf(PrinterOfflineError);
  });

  it('reports paper_out and refuses the job with PaperOutError', async () => {
    const virtual = await startPrinter({ paperOut: true });
    const printer = openTicketPrinter(`tcp://${virtual.host}:${virtual.port}`, { timeoutMs: 1000 });
    expect(await printer.status()).toBe('paper_out');
    await expect(printer.print(ticket)).rejects.toBeInstanceOf(PaperOutError);
    expect(virtual.tickets()).toHaveLength(0);
  });

  it('gives up on a printer slower than the timeout with PrinterTimeoutError', async () => {
    const virtual = await startPrinter({ slowMs: 400 });
    const printer = openTicketPrinter(`tcp://${virtual.host}:${virtual.port}`, { timeoutMs: 150 });
    await expect(printer.print(ticket)).rejects.toBeInstanceOf(PrinterTimeoutError);
  });

  it('prints jobs given at once one after the other, each intact', async () => {
    // A slow printer makes the jobs overlap if they were not queued.
    const virtual = await startPrinter({ slowMs: 20 });
    const printer = openTicketPrinter(`tcp://${virtual.host}:${virtual.port}`, { timeoutMs: 3000 });
    const numbers = ['B008', 'B009', 'B010'];
    await Promise.all(numbers.map((number) => printer.print({ ...ticket, number })));
    const tickets = virtual.tickets();
    expect(tickets.map((t) => t.lines.find((l) => l.widthScale > 1)?.text)).toEqual(numbers);
    for (const [i, t] of tickets.entries()) {
      expect(readable(t)).toEqual(layoutText(ticketLines({ ...ticket, number: numbers[i] as string }, 80)));
    }
  });
});

const hasSocat = spawnSync('socat', ['-V']).status === 0;

/** A pty pair from socat: the kiosk opens one end, a VirtualPrinter serves the other. */
async function ptyPair(): Promise<[string, string]> {
  const socat: ChildProcess = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0']);
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        socat.once('exit', () => resolve());
        socat.kill('SIGTERM');
      }),
  );
  let log = '';
  return new Promise((resolve, reject) => {
    socat.once('error', reject);
    socat.stderr?.setEncoding('utf8').on('data', (d: string) => {
      log += d;
      const ptys = [...log.matchAll(/PTY is (\S+)/g)].map((m) => m[1] as string);
      if (ptys.length === 2 && log.includes('starting data transfer loop')) resolve([ptys[0]!, ptys[1]!]);
    });
  });
}

async function serialVirtualPrinter(options: ConstructorParameters<typeof VirtualPrinter>[0] = {}) {
  const [kioskEnd, printerEnd] = await ptyPair();
  const virtual = new VirtualPrinter(options);
  const port = new SerialPort({ path: printerEnd, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  virtual.attach(port);
  cleanups.push(() => virtual.close());
  return { virtual, uri: `serial:${kioskEnd}?baud=9600` };
}

describe('a serial ticket printer', () => {
  it('is offline when the device does not exist', async () => {
    const printer = openTicketPrinter('serial:/dev/ttyHALLQ-missing?baud=9600', { timeoutMs: 1000 });
    expect(await printer.status()).toBe('offline');
    await expect(printer.print(ticket)).rejects.toBeInstanceOf(PrinterOfflineError);
  });

  it.skipIf(!hasSocat)('sends the ticket over the line, where it decodes back (socat pty pair)', async () => {
    const { virtual, uri } = await serialVirtualPrinter();
    const printer = openTicketPrinter(uri, { timeoutMs: 2000 });
    expect(await printer.status()).toBe('ready');
    const printed = virtual.nextTicket();
    await printer.print(ticket);
    const result = await printed;
    expect(readable(result)).toEqual(layoutText(ticketLines(ticket, 80)));
    expect(result.qr).toEqual([ticket.statusUrl]);
  });

  it.skipIf(!hasSocat)('reports paper_out and refuses the job (socat pty pair)', async () => {
    const { virtual, uri } = await serialVirtualPrinter({ paperOut: true });
    const printer = openTicketPrinter(uri, { timeoutMs: 2000 });
    expect(await printer.status()).toBe('paper_out');
    await expect(printer.print(ticket)).rejects.toBeInstanceOf(PaperOutError);
    expect(virtual.tickets()).toHaveLength(0);
  });

  it.skipIf(!hasSocat)('is offline when the line is open but no printer answers (socat pty pair)', async () => {
    const [kioskEnd] = await ptyPair();
    const printer = openTicketPrinter(`serial:${kioskEnd}`, { timeoutMs: 300 });
    expect(await printer.status()).toBe('offline');
    await expect(printer.print(ticket)).rejects.toBeInstanceOf(PrinterOfflineError);
  });
});

// The edge that cannot run here (no CUPS): lp and lpstat are stand-in scripts on PATH.
describe('a system (CUPS) ticket printer', () => {
  let dir = '';
  const originalPath = process.env.PATH;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hallq-lp-'));
    process.env.PATH = `${dir}${path.delimiter}${originalPath}`;
    const script = async (name: string, body: string) => {
      await writeFile(path.join(dir, name), `#!/bin/sh\n${body}\n`);
      await chmod(path.join(dir, name), 0o755);
    };
    // lpstat prints what the test put in lpstat.out; lp keeps each job and its arguments.
    await script('lpstat', `cat "${dir}/lpstat.out"`);
    await script(
      'lp',
      `[ -f "${dir}/lp.sleep" ] && exec sleep 5\necho "$@" > "${dir}/lp.args"\ncat > "${dir}/job-$$.bin"\necho "request id is $2-1 (1 file(s))"`,
    );
    return async () => {
      process.env.PATH = originalPath;
      await rm(dir, { recursive: true, force: true });
    };
  });
  const lpstatSays = (text: string) => writeFile(path.join(dir, 'lpstat.out'), text);
  const jobs = async () => (await readdir(dir)).filter((f) => f.startsWith('job-'));

  it('sends the raw bytes to lp when lpstat reports the queue enabled and idle', async () => {
    await lpstatSays('printer TM-T88 is idle.  enabled since Mon 23 Nov 2026 09:00:00 AM CST\n');
    const printer = openTicketPrinter('printer:TM-T88', { timeoutMs: 2000 });
    expect(await printer.status()).toBe('ready');
    await printer.print(ticket);

    expect(await readFile(path.join(dir, 'lp.args'), 'utf8')).toBe('-d TM-T88 -o raw\n');
    const [job] = await jobs();
    const bytes = await readFile(path.join(dir, job as string));
    expect(bytes.equals(encodeTicket(ticketLines(ticket, 80)))).toBe(true);
    const decoded: PrintedTicket[] = [];
    const decoder = new EscPosDecoder({ onTicket: (t) => decoded.push(t), onStatusQuery: () => {} });
    decoder.push(bytes);
    expect(decoded.map(readable)).toEqual([layoutText(ticketLines(ticket, 80))]);
  });

  it('is ready while the queue is printing another job', async () => {
    await lpstatSays('printer TM-T88 now printing TM-T88-12.  enabled since Mon 23 Nov 2026 09:00:00 AM CST\n');
    expect(await openTicketPrinter('printer:TM-T88').status()).toBe('ready');
  });

  it('is offline and queues nothing when the queue is disabled', async () => {
    await lpstatSays('printer TM-T88 disabled since Mon 23 Nov 2026 09:00:00 AM CST -\n\tPaused\n');
    const printer = openTicketPrinter('printer:TM-T88', { timeoutMs: 2000 });
    expect(await printer.status()).toBe('offline');
    await expect(printer.print(ticket)).rejects.toBeInstanceOf(PrinterOfflineError);
    expect(await jobs()).toEqual([]);
  });

  it('gives up on an lp that hangs with PrinterTimeoutError', async () => {
    await lpstatSays('printer TM-T88 is idle.  enabled since Mon 23 Nov 2026 09:00:00 AM CST\n');
    await writeFile(path.join(dir, 'lp.sleep'), '');
    const printer = openTicketPrinter('printer:TM-T88', { timeoutMs: 300 });
    await expect(printer.print(ticket)).rejects.toBeInstanceOf(PrinterTimeoutError);
  });
});
