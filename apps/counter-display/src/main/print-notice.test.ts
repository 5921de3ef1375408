import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CounterSettings,
  type NoticePrintIo,
  noticePdfPath,
  noticePrintOptions,
  parseNoticePrintJob,
  printNoticeJob,
} from './print-notice';
import { parseScreenSettings } from './settings';

const counter = (over: Record<string, unknown> = {}) =>
  parseScreenSettings({ serverUrl: 'http://10.0.0.2:8080', page: 'counter', window: 3, ...over }) as CounterSettings;

const JOB = { ticketDay: '2026-11-20', ticketNumber: 'A001', kind: 'incomplete' } as const;

/** Electron and the disk as a log of what was asked of them; `fail` names the steps that throw. */
function fakeIo(fail: ('pdf' | 'print')[] = []) {
  const log: unknown[][] = [];
  const io: NoticePrintIo = {
    async printToPdf() {
      log.push(['printToPdf']);
      if (fail.includes('pdf')) throw new Error('disk full');
      return new Uint8Array([37, 80, 68, 70]);
    },
    async print(options) {
      log.push(['print', options]);
      if (fail.includes('print')) throw new Error('Printer offline');
    },
    async makeDir(path) {
      log.push(['makeDir', path]);
    },
    async writeFile(path, data) {
      log.push(['writeFile', path, data.length]);
    },
  };
  return { io, log };
}

describe('the print options', () => {
  it('print silently on A4 to the configured printer', () => {
    expect(noticePrintOptions(counter({ noticePrinter: '窗口3 HP M404' }))).toEqual({
      silent: true,
      deviceName: '窗口3 HP M404',
      pageSize: 'A4',
      printBackground: true,
    });
  });

  it('go to the system’s default printer when none is configured', () => {
    expect(noticePrintOptions(counter())).toEqual({ silent: true, pageSize: 'A4', printBackground: true });
  });
});

describe('the PDF copy', () => {
  it('is filed by the ticket’s day, named by its number and the kind of notice', () => {
    expect(noticePdfPath(counter({ noticePdfDir: '/srv/notices' }), JOB)).toBe(
      join('/srv/notices', '2026-11-20', 'A001-incomplete.pdf'),
    );
  });

  it('is not kept when the settings name no folder', () => {
    expect(noticePdfPath(counter(), JOB)).toBeNull();
  });
});

describe('the print job from the page', () => {
  it('is taken only in its exact form, so it cannot name a file outside the folder', () => {
    expect(parseNoticePrintJob(JOB)).toEqual(JOB);
    expect(parseNoticePrintJob({ ...JOB, ticketNumber: '../../A001' })).toEqual({
      problems: ['ticketNumber: must be a ticket number like A001'],
    });
    expect(parseNoticePrintJob({ ...JOB, ticketDay: '2026-11-20/..' })).toEqual({
      problems: ['ticketDay: must be a day as YYYY-MM-DD'],
    });
    expect(parseNoticePrintJob({ ...JOB, kind: 'completed', applicantName: '张三' })).toMatchObject({
      problems: [expect.stringMatching(/^kind: /), 'applicantName: Unrecognized key: "applicantName"'],
    });
  });
});

describe('printing a notice', () => {
  it('keeps the PDF copy first, then prints it', async () => {
    const { io, log } = fakeIo();
    const settings = counter({ noticePrinter: 'HP', noticePdfDir: '/srv/notices' });
    expect(await printNoticeJob(JOB, settings, io)).toEqual({ ok: true });
    const file = join('/srv/notices', '2026-11-20', 'A001-incomplete.pdf');
    expect(log).toEqual([
      ['printToPdf'],
      ['makeDir', join('/srv/notices', '2026-11-20')],
      ['writeFile', file, 4],
      ['print', noticePrintOptions(settings)],
    ]);
  });

  it('only prints when no folder is configured', async () => {
    const { io, log } = fakeIo();
    expect(await printNoticeJob(JOB, counter(), io)).toEqual({ ok: true });
    expect(log.map(([step]) => step)).toEqual(['print']);
  });

  it('still prints when the copy cannot be saved, and says what failed', async () => {
    const { io, log } = fakeIo(['pdf']);
    const result = await printNoticeJob(JOB, counter({ noticePdfDir: '/srv/notices' }), io);
    expect(log.map(([step]) => step)).toEqual(['printToPdf', 'print']);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('PDF 副本未能保存') });
  });

  it('reports a printer that fails, by its name', async () => {
    const { io } = fakeIo(['print']);
    expect(await printNoticeJob(JOB, counter({ noticePrinter: 'HP' }), io)).toEqual({
      ok: false,
      message: '打印机 HP 未能打印：Printer offline',
    });
  });

  it('neither prints nor writes for a job that is not one', async () => {
    const { io, log } = fakeIo();
    const result = await printNoticeJob({ ticketNumber: 'A001' }, counter({ noticePdfDir: '/srv/notices' }), io);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^打印请求有误：/) });
    expect(log).toEqual([]);
  });
});
