import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHallClient } from '@hallq/shared/client';
import { previousMonth } from '@hallq/shared/domain';
import { SCREENSHOT_DIR, VIEWPORTS, screenshot } from '../src/browser';
import { openConsole, openRatingPad, serveAndRate } from '../src/console-pages';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { staffPages } from '../src/staff-pages';

let rig: HallRig;
const { open, closeAll } = staffPages(() => rig);

beforeAll(async () => {
  // The demo's month of history before today: last month's bulletin has a hall's month to tell.
  rig = await startHallRig({ withHistory: true });
}, 180_000);
afterAll(async () => {
  await rig?.stop();
});
afterEach(closeAll);

/** Every page's text of a PDF, without the spaces and line breaks a table's cells are laid out with. */
async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string; width: number; height: number }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  const { width, height } = (await pdf.getPage(1)).getViewport({ scale: 1 });
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: text.replace(/\s+/g, ''), width, height };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

async function printed(page: Page) {
  return pdfText(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
}

describe('the monthly bulletin (月度通报)', () => {
  it('prints last month on A4 and downloads it as Excel, figures as the API gives them; a bad rating with its follow-up', async () => {
    const client = createHallClient({ baseUrl: rig.server.url, timeoutMs: 30_000 });
    const today = (await client.call('health')).hallDay;
    const month = previousMonth(today.slice(0, 7));
    const thisMonth = today.slice(0, 7);
    // Today, at 人社's window 11: a service rated 不满意, which opens a follow-up.
    await serveAndRate(rig, await openRatingPad(open, 11), {
      window: 11,
      clerk: 'c11',
      windowType: 'social-security',
      level: 'dissatisfied',
      reason: 'long_wait',
    });
    const token = await rig.api.login('admin', 'admin');
    const bulletin = await client.call('reportBulletin', { query: { month }, token });
    const current = bulletin.totals.current!;
    expect(current.tickets.served).toBeGreaterThan(0);

    const page = await openConsole(open, 'admin', 'admin', VIEWPORTS.clerk);
    await page.getByTestId('nav-bulletin').click();
    const [year, m] = month.split('-').map(Number);
    const title = `${year}年${m}月 政务服务大厅运行情况通报`;
    await expect.poll(() => page.getByTestId('bulletin-title').textContent(), { timeout: 30_000 }).toBe(title);
    expect(await page.getByTestId('bulletin-month').inputValue()).toBe(month);
    await screenshot(page, 'manager-bulletin-1366x768');

    const pdf = await printed(page);
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([595, 842]); // A4 portrait, in points
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.text).toContain(squeeze(title));
    // The tabs and the buttons stay on screen.
    expect(pdf.text).not.toContain('下载Excel');
    expect(pdf.text).not.toContain('整改台账');
    expect(pdf.text).toContain(`办件量${current.tickets.served}`);
    expect(pdf.text).toContain(`11号窗口`);
    expect(pdf.text).toContain('5个工作日内');

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.screenshot({ path: `${SCREENSHOT_DIR}bulletin-a4-print.png` });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(VIEWPORTS.clerk);

    // This month so far: today's bad rating, its window, clerk, level and the follow-up still open.
    await page.getByTestId('bulletin-month').fill(thisMonth);
    await expect
      .poll(() => page.getByTestId('bulletin-title').textContent())
      .toContain(`${Number(thisMonth.slice(0, 4))}年${Number(thisMonth.slice(5))}月`);
    const bad = page.getByTestId('bulletin-bad').locator('tr', { hasText: '11号窗口' }).last();
    await expect.poll(() => bad.textContent()).toContain('尼玛次仁（c11）');
    expect(await bad.textContent()).toContain('不满意');
    expect(await bad.textContent()).toContain('整改中');
    const thisPdf = await printed(page);
    expect(thisPdf.text).toContain('尼玛次仁（c11）');
    expect(thisPdf.text).toContain('整改中');

    // Back to last month, as Excel.
    await page.getByTestId('bulletin-month').fill(month);
    await expect.poll(() => page.getByTestId('bulletin-title').textContent()).toBe(title);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bulletin-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`月度通报-${month}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '总体',
      '部门',
      '窗口',
      '排名',
      '差评',
      '空岗',
      '考勤异常',
    ]);
    const totals = workbook.getWorksheet('总体')!;
    const served = totals.getRows(2, totals.rowCount - 1)!.find((r) => r.getCell(1).value === '办件量')!;
    expect([served.getCell(2).value, served.getCell(3).value]).toEqual([
      current.tickets.served,
      bulletin.totals.previous?.tickets.served ?? null,
    ]);
    expect(workbook.getWorksheet('差评')!.rowCount - 1).toBe(bulletin.badRatings.length);
  }, 180_000);

  it("charts last month's figures of the demo history in the 统计 tab, as the bulletin counts them", async () => {
    const client = createHallClient({ baseUrl: rig.server.url, timeoutMs: 30_000 });
    const month = previousMonth((await client.call('health')).hallDay.slice(0, 7));
    const token = await rig.api.login('admin', 'admin');
    const bulletin = await client.call('reportBulletin', { query: { month }, token });
    const page = await openConsole(open, 'admin', 'admin', VIEWPORTS.clerk);
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('statistics-period-lastMonth').click();
    await expect
      .poll(() => page.getByTestId('statistics-headline-served').textContent(), { timeout: 30_000 })
      .toContain(String(bulletin.totals.current!.tickets.served));
    expect(await page.getByTestId('statistics-range').textContent()).toContain(`${month}-01`);
    await screenshot(page, 'manager-statistics-month-1366x768');
  }, 60_000);
});
