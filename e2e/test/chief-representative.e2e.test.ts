import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

/** The id of the open follow-up of ticket `number`, as the chief representative `staffId` is given it. */
async function followUpOf(staffId: string, number: string): Promise<string> {
  const token = await rig.api.login(staffId, 'demo');
  const found = (await rig.api.followUps(token)).followUps.find((f) => f.rating.ticketNumber === number);
  if (!found) throw new Error(`no follow-up of ${number} for ${staffId}`);
  return found.id;
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

describe("the chief representative's console", () => {
  it("follows up a bad rating at their department's window to the archive; another department never sees it", async () => {
    // 人社 (hrss) holds window 11, 税务 (tax) windows 13 and 14 in the demo hall.
    const hrssNumber = await serveAndRate(rig, await openRatingPad(open, 11), {
      window: 11,
      clerk: 'c11',
      windowType: 'social-security',
      level: 'dissatisfied',
      reason: 'long_wait',
    });
    const taxNumber = await serveAndRate(rig, await openRatingPad(open, 13), {
      window: 13,
      clerk: 'c13',
      windowType: 'tax',
      level: 'very_dissatisfied',
      reason: 'attitude',
    });
    const hrss = await followUpOf('z01', hrssNumber);
    const tax = await followUpOf('z02', taxNumber);

    const z01 = await openConsole(open, 'z01', 'demo', VIEWPORTS.clerk);
    await expect.poll(() => text(z01, 'console-title')).toBe('首席代表工作台 · 市人力资源和社会保障局');
    expect(await z01.title()).toBe('首席代表工作台 · 市人力资源和社会保障局');
    // The lockers and the notice outbox are the hall office's.
    expect(await z01.getByTestId('nav-lockers').count()).toBe(0);
    expect(await z01.getByTestId('nav-outbox').count()).toBe(0);
    const card = z01.getByTestId(`followup-${hrss}`);
    await card.waitFor();
    expect(await z01.getByTestId(`followup-${tax}`).count()).toBe(0);
    expect(await z01.getByTestId('floor-window-13').count()).toBe(0);
    expect(await text(z01, 'floor-window-11')).toContain('尼玛次仁（c11） · A岗');
    expect(await card.textContent()).toContain('等候时间太长');

    const z02 = await openConsole(open, 'z02', 'demo', VIEWPORTS.clerk);
    await z02.getByTestId(`followup-${tax}`).waitFor();
    expect(await z02.getByTestId(`followup-${hrss}`).count()).toBe(0);

    // 分派 to the window's clerk, 已回访 noted, then 办结 with the result.
    await card.getByTestId('followup-assign').locator('select').selectOption('c11');
    await card.getByTestId('followup-assign').getByRole('button').click();
    await expect.poll(() => card.getByTestId('followup-assignee').textContent()).toContain('尼玛次仁（c11）');
    await card.getByTestId('followup-note').locator('input[name="text"]').fill('已电话回访市民，致歉并说明高峰时段');
    await card.getByTestId('followup-note').locator('input[name="calledBack"]').check();
    await card.getByTestId('followup-note').getByRole('button').click();
    await expect.poll(() => card.getByTestId('followup-notes').textContent()).toContain('［已回访］');
    await screenshot(z01, 'chief-console-1366x768');
    await card.getByTestId('followup-close').locator('input').fill('高峰时段增开社保窗口，已告知市民');
    await card.getByTestId('followup-close').getByRole('button').click();
    await card.waitFor({ state: 'detached' });

    await z01.getByTestId('nav-archive').click();
    await z01.getByTestId('archive-filter-window').selectOption('11');
    const row = z01.getByTestId(`archive-row-${hrss}`);
    await row.waitFor();
    const entry = await row.textContent();
    for (const part of ['11号', '尼玛次仁（c11）', '不满意', '等候时间太长', '按时', '［已回访］', '增开社保窗口']) {
      expect(entry).toContain(part);
    }
    expect(await text(z01, 'archive-count')).toContain('共 1 条');
    await screenshot(z01, 'chief-archive-1366x768');

    // Neither the follow-up nor its archive entry reaches 税务's chief representative, however they look.
    await z02.reload();
    await z02.getByTestId(`followup-${tax}`).waitFor();
    expect(await z02.getByTestId(`followup-${hrss}`).count()).toBe(0);
    await z02.getByTestId('nav-archive').click();
    await expect.poll(() => text(z02, 'archive-count')).toContain('共 0 条');
    expect(await z02.getByTestId(`archive-row-${hrss}`).count()).toBe(0);
    expect(await z02.getByTestId('archive-filter-window').locator('option[value="11"]').count()).toBe(0);

    // The manager sees every department's, and may narrow to one.
    const manager = await openConsole(open, 'admin', 'admin', VIEWPORTS.display);
    expect(await text(manager, 'console-title')).toBe('管理台');
    await manager.getByTestId(`followup-${tax}`).waitFor();
    await screenshot(manager, 'manager-console-1920x1080');
    await manager.getByTestId('nav-archive').click();
    await manager.getByTestId(`archive-row-${hrss}`).waitFor();
    await manager.getByTestId('department-filter').selectOption('tax');
    await manager.getByTestId(`archive-row-${hrss}`).waitFor({ state: 'detached' });
  });
});
