import { NOTICE_KINDS } from '@hallq/shared/domain';
import { issueLines } from '@hallq/shell';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { NoticePrintJob, NoticePrintResult } from '../bridge/notice-bridge';
import type { ScreenSettings } from './settings';

/** The counter panel's settings: the only page that prints notices. */
export type CounterSettings = Extract<ScreenSettings, { page: 'counter' }>;

/** `webContents.print` options: straight to the printer, no dialog in front of the citizen. */
export interface NoticePrintOptions {
  silent: true;
  /** Absent: the system's default printer. */
  deviceName?: string;
  pageSize: 'A4';
  printBackground: true;
}

/** `webContents.printToPDF` options: the page's own `@page` size and margins, as on paper. */
export const NOTICE_PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

export function noticePrintOptions(settings: CounterSettings): NoticePrintOptions {
  return {
    silent: true,
    ...(settings.noticePrinter !== undefined && { deviceName: settings.noticePrinter }),
    pageSize: 'A4',
    printBackground: true,
  };
}

/**
 * The job as the page sent it, checked: the page is not trusted, and the job names a file. The day and the number
 * are held to their forms (2026-11-20, A001), so nothing the page sends can reach outside the notice folder.
 */
const noticePrintJob = z.strictObject({
  ticketDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD'),
  ticketNumber: z.string().regex(/^[A-Z]\d{3,5}$/, 'must be a ticket number like A001'),
  kind: z.enum(NOTICE_KINDS),
});

export function parseNoticePrintJob(raw: unknown): NoticePrintJob | { problems: string[] } {
  const parsed = noticePrintJob.safeParse(raw);
  return parsed.success ? parsed.data : { problems: issueLines(parsed.error) };
}

/**
 * Where the notice's PDF copy goes: `<noticePdfDir>/<ticket's day>/<number>-<kind>.pdf`, or null when the settings
 * name no folder. The name holds no personal data (the applicant is on the paper, never in a file name), and a
 * reprint of the same notice replaces its copy.
 */
export function noticePdfPath(settings: CounterSettings, job: NoticePrintJob): string | null {
  if (settings.noticePdfDir === undefined) return null;
  return join(settings.noticePdfDir, job.ticketDay, `${job.ticketNumber}-${job.kind}.pdf`);
}

/** What printing needs of Electron and the disk; main.ts passes the sender's web contents and node:fs. */
export interface NoticePrintIo {
  printToPdf(): Promise<Uint8Array>;
  print(options: NoticePrintOptions): Promise<void>;
  makeDir(path: string): Promise<void>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

/**
 * One print request from the page: the PDF copy first (so a notice whose paper jams can be reprinted from it), then
 * the paper. Each failure is reported in the clerk's words; neither stops the other.
 */
export async function printNoticeJob(
  raw: unknown,
  settings: CounterSettings,
  io: NoticePrintIo,
): Promise<NoticePrintResult> {
  const job = parseNoticePrintJob(raw);
  if ('problems' in job) return { ok: false, message: `打印请求有误：${job.problems.join('；')}` };
  const failures: string[] = [];
  const pdfPath = noticePdfPath(settings, job);
  if (pdfPath !== null) {
    try {
      const pdf = await io.printToPdf();
      await io.makeDir(dirname(pdfPath));
      await io.writeFile(pdfPath, pdf);
    } catch (error) {
      failures.push(`PDF 副本未能保存到 ${pdfPath}：${messageOf(error)}`);
    }
  }
  try {
    await io.print(noticePrintOptions(settings));
  } catch (error) {
    failures.push(`打印机 ${settings.noticePrinter ?? '（系统默认）'} 未能打印：${messageOf(error)}`);
  }
  return failures.length === 0 ? { ok: true } : { ok: false, message: failures.join('；') };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
