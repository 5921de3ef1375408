import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHallClient } from '@hallq/shared/client';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, VIEWPORTS } from '../src/browser';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { staffPages } from '../src/staff-pages';

// Window 15 serves 公安 (police); 户口迁移（市内） is a 市公安局 item whose materials are 申请人居民身份证, 户口簿 and
// 迁入地合法稳定住所证明.
const WINDOW = 15;
const HALL_NAME = '拉萨市政务服务中心（演示）';

let rig: HallRig;
const { context, closeAll } = staffPages(() => rig);

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});
afterEach(closeAll);

/** A police ticket for 户口迁移（市内）, issued at the reception desk. */
async function issueHukouTransfer(): Promise<string> {
  const client = createHallClient({ baseUrl: rig.server.url, timeoutMs: 10_000 });
  const token = await rig.api.login('admin', 'admin');
  const body = { requestId: randomUUID(), windowType: 'police', serviceItem: 'hukou-transfer' };
  return (await client.call('issueTicket', { token, body })).ticket.number;
}

/** c15's counter panel, drawn at three device pixels a CSS pixel so the notice's preview is sharp in a screenshot. */
async function openPanel(): Promise<Page> {
  const page = await (await context({ viewport: VIEWPORTS.display, deviceScaleFactor: 3, locale: 'zh-CN' })).newPage();
  await page.goto(`${rig.server.url}/counter/?window=${WINDOW}`);
  await page.getByTestId('login-staff').fill(`c${WINDOW}`);
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('panel').waitFor();
  // A browser's print dialog would wait for a person: count the calls instead.
  await page.evaluate(() => {
    const counted = window as unknown as { print(): void; __printed: number };
    counted.__printed = 0;
    counted.print = () => void counted.__printed++;
  });
  return page;
}

/** Calls and starts the next ticket, and opens the finish form on `outcome`. */
async function serveAndFinish(panel: Page, number: string, outcome: string): Promise<void> {
  await panel.getByTestId('action-callNext').click();
  await expect.poll(() => panel.getByTestId('current-number').textContent()).toContain(number);
  await panel.getByTestId('action-start').click();
  await expect.poll(() => panel.getByTestId('current-ticket').getAttribute('data-state')).toBe('serving');
  await panel.getByTestId('action-finish').click();
  await panel.getByTestId(`finish-outcome-${outcome}`).click();
}

/** The notice as it will print: its A4 preview, saved for people to look at. */
async function screenshotNotice(panel: Page, kind: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await panel.getByTestId('notice-sheet').screenshot({ path: `${SCREENSHOT_DIR}notice-${kind}.png` });
}

interface PdfPage {
  pages: number;
  width: number;
  height: number;
  text: string;
  /** Where the text starts and ends across the page, in points from the left edge. */
  left: number;
  right: number;
}

async function readPdf(path: string): Promise<PdfPage> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false }).promise;
  const page = await pdf.getPage(1);
  const { width, height } = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items = content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [item] : []));
  const text = items.map((item) => item.str).join('');
  const left = Math.min(...items.map((item) => item.transform[4] as number));
  const right = Math.max(...items.map((item) => (item.transform[4] as number) + item.width));
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, width, height, text, left, right };
}

/**
 * Text as compared with what the PDF says. The PDF maps some characters back to a look-alike that shares the font's
 * glyph: a Kangxi radical (⼼ for 心), which NFKC folds back, sometimes to the traditional form (⼾ → 戶 for 户), or a
 * radical with no fold at all (⻔ for 门); the table folds those of these notices. Letter-spaced titles come out with
 * spaces between the characters.
 */
const LOOK_ALIKES: Record<string, string> = { 戶: '户', '⻔': '门', '⻬': '齐' };
const plain = (text: string) =>
  Array.from(text.normalize('NFKC').replace(/\s+/g, ''), (c) => LOOK_ALIKES[c] ?? c).join('');

const printedCount = (panel: Page) => panel.evaluate(() => (window as unknown as { __printed: number }).__printed);

describe('written notices at the counter', () => {
  it('一次性告知: the notice lists every missing material, prints on Enter and can be printed again', async () => {
    const number = await issueHukouTransfer();
    const panel = await openPanel();
    await serveAndFinish(panel, number, 'incomplete');
    await panel.getByTestId('finish-material-1').check();
    await panel.getByTestId('finish-material-2').check();
    await panel.getByTestId('finish-confirm').click();

    const dialog = panel.getByTestId('notice-dialog');
    await dialog.waitFor();
    // The name field has the focus: the clerk types the name straight away, and it prints masked.
    await panel.keyboard.type('扎西多吉');
    await expect.poll(() => panel.getByTestId('notice-sheet').textContent()).toContain('扎***');
    await screenshotNotice(panel, 'incomplete');

    // What the printer gets: the page in print media, where only the notice shows.
    const pdfPath = join(mkdtempSync(join(tmpdir(), 'hallq-notice-')), 'notice-incomplete.pdf');
    await panel.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pdf = await readPdf(pdfPath);
    expect(pdf.pages).toBe(1);
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([595, 842]); // A4 in points
    const margin = (20 / 25.4) * 72; // 20 mm
    expect(pdf.left).toBeGreaterThanOrEqual(margin);
    expect(pdf.right).toBeLessThanOrEqual(pdf.width - margin);
    for (const words of [HALL_NAME, '一次性告知通知书', '户口簿', '迁入地合法稳定住所证明', '扎***', number, '盖章处'])
      expect(plain(pdf.text), words).toContain(plain(words));
    expect(plain(pdf.text)).not.toContain(plain('扎西多吉'));
    // Nothing of the panel behind the dialog reaches the paper.
    expect(plain(pdf.text)).not.toContain(plain('退出登录'));

    await panel.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await printedCount(panel)).toBe(1);

    const entry = panel.getByTestId('notice-entry');
    expect(await entry.getAttribute('data-number')).toBe(number);
    expect(await entry.getAttribute('data-kind')).toBe('incomplete');
    await entry.getByTestId('notice-reprint').click();
    await dialog.waitFor();
    // A reprint asks for the name again: it was never kept.
    expect(await panel.getByTestId('notice-applicant').inputValue()).toBe('');
    await panel.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await printedCount(panel)).toBe(1);
  });

  it('受理, 不予受理 and 转交 each offer their notice, and Esc skips it', async () => {
    const fill: Record<string, (panel: Page) => Promise<void>> = {
      accepted: async (panel) => {
        await panel.getByTestId('finish-case-number').fill('GA-2026-0042');
      },
      rejected: async (panel) => {
        await panel.getByTestId('finish-reject-reason').fill('申请人户籍不在本市，不属于本中心受理范围');
        await panel.getByTestId('finish-refer-to').fill('户籍所在地公安派出所');
      },
      transferred: async (panel) => {
        await panel.getByTestId('transfer-type-cross-region').click();
        await panel.getByTestId('transfer-note').fill('跨省迁入，请按跨省通办办理');
      },
    };
    const says: Record<string, string[]> = {
      accepted: ['受理通知书', 'GA-2026-0042', '承诺于'],
      rejected: ['不予受理通知书', '户籍所在地公安派出所', '行政复议'],
      transferred: ['转交通知单', '跨省通办', '跨省迁入，请按跨省通办办理'],
    };
    for (const [kind, fillIn] of Object.entries(fill)) {
      const number = await issueHukouTransfer();
      const panel = await openPanel();
      await serveAndFinish(panel, number, kind);
      await fillIn(panel);
      await panel.getByTestId('finish-confirm').click();
      const sheet = panel.getByTestId('notice-sheet');
      await sheet.waitFor();
      expect(await sheet.getAttribute('data-kind')).toBe(kind);
      const text = (await sheet.textContent()) ?? '';
      for (const words of [HALL_NAME, '市公安局', number, ...says[kind]!])
        expect(text, `${kind}: ${words}`).toContain(words);
      await screenshotNotice(panel, kind);
      await panel.keyboard.press('Escape');
      await panel.getByTestId('notice-dialog').waitFor({ state: 'hidden' });
      expect(await printedCount(panel)).toBe(0);
      expect(await panel.getByTestId('notice-entry').getAttribute('data-kind')).toBe(kind);
      await closeAll();
    }
  });
});
