import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { audit, blocking, describeViolations } from '../src/axe';
import { VIEWPORTS, screenshot } from '../src/browser';
import { openConsole } from '../src/console-pages';
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

const HEADER = '事项编码,事项名称,实施主体,行使层级,办件类型,承诺时限(工作日),申请材料,收费标准(元),窗口类型';
const GOOD_ROW = 'e2e-marriage-copy,婚姻登记证明补办,hall-office,区级,承诺件,5,居民身份证,0,personal';
/** An item sheet in the import layout (UTF-8 with a BOM, as Excel saves it), its third row kind `kind`. */
const itemSheet = (kind: string) => ({
  name: '事项清单.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    `\ufeff${[HEADER, GOOD_ROW, `e2e-seal-filing,公章刻制备案,hall-office,区级,${kind},0,营业执照,0,personal`].join('\r\n')}\r\n`,
  ),
});

/** Neither the page nor anything on it is wider than the screen. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** The same view at the clerk PC's size and the large screen's: `settings-<name>-<size>.png`, each fitting its width. */
async function shoot(page: Page, name: string) {
  for (const size of [VIEWPORTS.clerk, VIEWPORTS.display]) {
    await page.setViewportSize(size);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, `settings-${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(VIEWPORTS.clerk);
}

async function section(page: Page, part: string) {
  await page.getByTestId(`settings-nav-${part}`).click();
  await page.getByTestId(`settings-section-${part}`).waitFor();
}

async function saved(page: Page, part: string) {
  await page.getByTestId(`settings-save-${part}`).click();
  await page.getByTestId('settings-notice').waitFor();
  expect(await page.getByTestId(`settings-save-${part}`).isDisabled()).toBe(true);
}

describe('the 设置 tab', () => {
  it('changes windows and the calendar, resets a password, issues a key, imports items, and rolls back', async () => {
    const page = await openConsole(open, 'admin', 'admin', VIEWPORTS.clerk);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-section-windows').waitFor();

    // Window 2 serves 帮办代办 too, after 个人综窗.
    const serves = page.getByTestId('settings-serves-windows[1].serves');
    expect(await page.getByTestId('settings-save-windows').isDisabled()).toBe(true);
    await page.getByTestId('settings-serves-add-windows[1].serves').selectOption('help');
    await expect.poll(() => serves.locator('li').count()).toBe(2);
    await saved(page, 'windows');
    expect(await serves.textContent()).toMatch(/1\. .*2\. /);
    const found = blocking(await audit(page, 'manager console (settings)'));
    expect(describeViolations(found)).toBe('');
    await shoot(page, 'windows');

    // The year's holidays pasted at once; a line it cannot read is named and left out.
    await section(page, 'calendar');
    await page.getByTestId('settings-calendar-paste').fill('2027-01-01 元旦\n2027-02-07 调休 mon\n2027-13-01');
    await page.getByTestId('settings-calendar-paste-apply').click();
    await page.getByTestId('settings-field-calendar.holidays[0]').waitFor();
    expect(await page.getByTestId('settings-field-calendar.holidays[0]').inputValue()).toBe('2027-01-01');
    expect(await page.getByTestId('settings-section-calendar').textContent()).toContain('第 3 行「2027-13-01」');
    await saved(page, 'calendar');
    await shoot(page, 'calendar');

    // A one-time password, shown once.
    await section(page, 'staff');
    await page.getByTestId('settings-reset-c02').click();
    const secret = page.getByTestId('settings-secret');
    await secret.waitFor();
    const password = (await page.getByTestId('settings-secret-text').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(8);
    await shoot(page, 'staff-password');
    await page.getByTestId('settings-secret-close').click();
    await secret.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(password);
    expect(await rig.api.login('c02', password)).toBeTruthy();

    // A device key, shown as text and as a QR code.
    await section(page, 'devices');
    await page.getByTestId('settings-issue-kiosk-2').click();
    await secret.waitFor();
    await page.getByTestId('settings-secret-qr').waitFor();
    expect(await page.getByTestId('settings-secret-text').textContent()).not.toBe('');
    await shoot(page, 'devices-key');
    await page.getByTestId('settings-secret-close').click();
    await secret.waitFor({ state: 'detached' });

    // An item sheet with a bad third row: named by row and column, not importable until fixed.
    await section(page, 'serviceItems');
    const file = page.getByTestId('settings-catalogue-file');
    await file.setInputFiles(itemSheet('随便件'));
    const problem = page.getByTestId('settings-catalogue-problem-3');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('办件类型');
    expect(await page.getByTestId('settings-catalogue-import').isDisabled()).toBe(true);
    await shoot(page, 'items-import');
    await file.setInputFiles(itemSheet('即办件'));
    await expect.poll(() => page.getByTestId('settings-catalogue-problems').count()).toBe(0);
    expect(await page.getByTestId('settings-catalogue-changes').textContent()).toContain('e2e-seal-filing');
    await page.getByTestId('settings-catalogue-import').click();
    await page.getByTestId('settings-notice').waitFor();
    expect(await page.getByTestId('settings-notice').textContent()).toContain('已导入');

    // The history lists each change; rolling back to before the import is a new version.
    await section(page, 'history');
    const before = page.getByTestId('settings-history-3');
    await before.waitFor();
    expect(await page.getByTestId('settings-history-2').textContent()).toContain('窗口 2 修改');
    expect(await page.getByTestId('settings-history-4').textContent()).toContain('清单导入');
    await shoot(page, 'history');
    await page.getByTestId('settings-rollback-3').click();
    await page.getByTestId('settings-rollback-confirm-3').click();
    await page.getByTestId('settings-history-5').waitFor();
    expect(await page.getByTestId('settings-history-5').textContent()).toContain('回滚到版本 3');
    await section(page, 'serviceItems');
    expect(await page.getByTestId('settings-section-serviceItems').textContent()).not.toContain('e2e-seal-filing');
  });

  it('closes the hall on Saturdays from the 办公时间 section', async () => {
    const page = await openConsole(open, 'admin', 'admin', VIEWPORTS.clerk);
    await page.getByTestId('nav-settings').click();
    await section(page, 'hours');
    const closed = page.getByTestId('settings-closed-hours.sat');
    expect(await closed.isChecked()).toBe(false);
    await closed.check();
    await page.getByTestId('settings-field-hours.sat.open').waitFor({ state: 'detached' });
    await saved(page, 'hours');
    expect(await page.getByTestId('settings-closed-hours.sat').isChecked()).toBe(true);
    expect(await page.getByTestId('settings-field-hours.fri.open').inputValue()).not.toBe('');
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'settings-hours-1366x768');

    // A window type's own hours: the server's error stands beside the field it names.
    await section(page, 'windowTypes');
    await page.getByTestId('settings-hall-hours-windowTypes[0]').uncheck();
    await page.getByTestId('settings-lunch-windowTypes[0].hours.mon').check();
    await page.getByTestId('settings-field-windowTypes[0].hours.mon.lunch.start').fill('23:00');
    await page.getByTestId('settings-save-windowTypes').click();
    const error = page.getByTestId('settings-error-windowTypes[0].hours.mon.lunch');
    await error.waitFor();
    expect(await error.textContent()).toContain('lunch');
  });

  it('sets notices to go through an SMS gateway in 通知发送, the test SMS waiting for the save', async () => {
    const page = await openConsole(open, 'admin', 'admin', VIEWPORTS.clerk);
    await page.getByTestId('nav-settings').click();
    await section(page, 'notices');
    expect(await page.getByTestId('settings-test-send').isDisabled()).toBe(true);
    await page.getByTestId('settings-field-notices.sender').selectOption('gateway');
    await page.getByTestId('settings-field-notices.gateway.url').fill('https://sms.example.gov.cn/api/send');
    await page.getByTestId('settings-field-notices.gateway.token').fill('gateway-token');
    await page.getByTestId('settings-test-phone').fill('13900139000');
    expect(await page.getByTestId('settings-save-notices').isDisabled()).toBe(false);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'manager-settings-notices');
  });
});
