import { randomUUID } from 'node:crypto';
import { createHallClient } from '@hallq/shared/client';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { audit, blocking, describeViolations } from '../src/axe';
import { VIEWPORTS, screenshot } from '../src/browser';
import { openConsole, openRatingPad, serveAndRate } from '../src/console-pages';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { staffPages } from '../src/staff-pages';

let rig: HallRig;
const { open, closeAll } = staffPages(() => rig);

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});
afterEach(closeAll);

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';
/** A headline figure as shown, without its name. */
const headline = async (page: Page, id: string) =>
  (await page.getByTestId(`statistics-headline-${id}`).locator('dd').textContent()) ?? '';
const cell = (page: Page, row: string, figure: string) =>
  page.getByTestId(row).locator(`td[data-figure="${figure}"]`).textContent();

/**
 * The day the scenario drives through the API: at 税务's window 13 one ticket served and rated 不满意, one served
 * after a wait of several seconds (the longest), one called twice and marked no-show; at 人社's window 11 one served
 * and rated 非常满意; and a 个人综窗 ticket left waiting. The ticket numbers served at window 13.
 */
async function driveDay(): Promise<{ served13: string[]; noShow: string }> {
  const first = await serveAndRate(rig, await openRatingPad(open, 13), {
    window: 13,
    clerk: 'c13',
    windowType: 'tax',
    level: 'dissatisfied',
    reason: 'long_wait',
  });
  await serveAndRate(rig, await openRatingPad(open, 11), {
    window: 11,
    clerk: 'c11',
    windowType: 'social-security',
    level: 'very_satisfied',
  });
  const c13 = await rig.api.login('c13', 'demo', 13);
  const { ticket: waited } = await rig.api.issue('tax');
  // Waits are counted in minutes to one decimal: 7 s makes this one the longest (0.1 min) of a fast scenario.
  await new Promise((r) => setTimeout(r, 7000));
  await rig.api.callNext(13, c13);
  await rig.api.start(13, c13);
  await rig.api.finish(13, c13);
  const { ticket: absent } = await rig.api.issue('tax');
  await rig.api.callNext(13, c13);
  const client = createHallClient({ baseUrl: rig.server.url, timeoutMs: 10_000 });
  const action = { token: c13, params: { id: 13 }, body: { requestId: randomUUID() } };
  await client.call('recall', action);
  await client.call('noShow', { ...action, body: { requestId: randomUUID() } });
  await rig.api.issue('personal');
  return { served13: [first, waited.number], noShow: absent.number };
}

/** Neither the page nor anything on it is wider than the screen. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

async function openStatistics(staffId: string, password: string, viewport: { width: number; height: number }) {
  const page = await openConsole(open, staffId, password, viewport);
  await page.getByTestId('nav-statistics').click();
  await page.getByTestId('statistics-headline').waitFor();
  // The charts are drawn once their canvas is there.
  await page.locator('[data-testid="statistics-chart-hourly"] canvas').waitFor();
  return page;
}

describe('the 统计 tab', () => {
  it("counts today's tickets live, by window, drills down to the tickets behind a figure, and filters", async () => {
    const { served13, noShow } = await driveDay();

    const page = await openStatistics('admin', 'admin', VIEWPORTS.clerk);
    await expect.poll(() => headline(page, 'issued')).toBe('5');
    expect(await headline(page, 'served')).toBe('3');
    expect(await headline(page, 'noShows')).toBe('1');
    expect(await headline(page, 'goodShare')).toBe('50.0%');
    expect(await headline(page, 'bad')).toBe('1');
    expect(await headline(page, 'p90Wait')).toMatch(/^0\.\d 分钟$/);

    // By window: 13 issued three (one a no-show), 11 one; the waiting 个人综窗 ticket has no window yet.
    expect(await cell(page, 'statistics-groups-row-13', 'issued')).toBe('3');
    expect(await cell(page, 'statistics-groups-row-13', 'served')).toBe('2');
    expect(await cell(page, 'statistics-groups-row-13', 'noShows')).toBe('1');
    expect(await cell(page, 'statistics-groups-row-11', 'served')).toBe('1');
    expect(await cell(page, 'statistics-types-row-personal', 'issued')).toBe('1');
    const hourly = await page.getByTestId('statistics-chart-hourly').getAttribute('aria-label');
    expect(hourly).toContain('共取号 5 人，办理 3 人');
    expect(await page.getByTestId('statistics-chart-ratings').getAttribute('aria-label')).toBe(
      '饼图：好差评。非常满意 1 人，不满意 1 人',
    );
    expect(await fitsWidth(page)).toBe(true);
    const found = blocking(await audit(page, 'manager console (statistics)'));
    expect(describeViolations(found)).toBe('');
    await screenshot(page, 'manager-statistics-1366x768');

    // The tickets behind window 13's 办理 figure, then behind its 过号.
    await page.getByTestId('statistics-window-13-served').click();
    const drill = page.getByTestId('statistics-drill');
    await expect.poll(() => drill.locator('h3').textContent()).toContain('13号窗口 · 办理：共 2 张号票');
    for (const number of served13) await drill.getByTestId(`statistics-drill-row-${number}`).waitFor();
    expect(await drill.getByTestId(`statistics-drill-row-${noShow}`).count()).toBe(0);
    await screenshot(page, 'manager-statistics-drill-1366x768');
    await page.getByTestId('statistics-drill-close').click();
    await drill.waitFor({ state: 'detached' });
    await page.getByTestId('statistics-window-13-noShows').click();
    await page.getByTestId(`statistics-drill-row-${noShow}`).waitFor();
    expect(await text(page, `statistics-drill-row-${noShow}`)).toContain('过号');
    await page.keyboard.press('Escape');
    await drill.waitFor({ state: 'detached' });

    // Today follows the hall: one more served at window 11 shows without a reload.
    const c11 = await rig.api.login('c11', 'demo', 11);
    await rig.api.serve(11, c11, 'social-security');
    await expect.poll(() => headline(page, 'issued'), { timeout: 10_000 }).toBe('6');
    await expect.poll(() => cell(page, 'statistics-groups-row-11', 'served')).toBe('2');

    // Narrowed to window 11: 人社's two, and no other window's row.
    await page.getByTestId('statistics-filter-window').selectOption('11');
    await expect.poll(() => headline(page, 'issued')).toBe('2');
    expect(await page.getByTestId('statistics-groups-row-13').count()).toBe(0);
    await page.getByTestId('statistics-filter-window').selectOption('');

    // By clerk: c13 served window 13's two.
    await page.getByTestId('statistics-grouping-clerk').click();
    await expect.poll(() => cell(page, 'statistics-groups-row-c13', 'served')).toBe('2');

    const wide = await openStatistics('admin', 'admin', VIEWPORTS.display);
    await expect.poll(() => headline(wide, 'issued')).toBe('6');
    expect(await fitsWidth(wide)).toBe(true);
    await screenshot(wide, 'manager-statistics-1920x1080');

    // 税务's chief representative counts only 税务's windows.
    const chief = await openStatistics('z02', 'demo', VIEWPORTS.clerk);
    await expect.poll(() => headline(chief, 'issued')).toBe('3');
    expect(await chief.getByTestId('statistics-groups-row-11').count()).toBe(0);
    expect(await chief.getByTestId('statistics-filter-window').locator('option[value="11"]').count()).toBe(0);
  });
});
