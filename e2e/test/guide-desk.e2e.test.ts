import { randomUUID } from 'node:crypto';
import { createHallClient } from '@hallq/shared/client';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, screenshot } from '../src/browser';
import { kioskGuideCalls, openGuideDesk } from '../src/guide-pages';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { staffPages } from '../src/staff-pages';

let rig: HallRig;
const pages = staffPages(() => rig);

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});
afterEach(pages.closeAll);

/** The clerk's window actions HallApi has no helper for, through the same typed client. */
const windowAction = (name: 'recall' | 'noShow', window: number, token: string) =>
  createHallClient({ baseUrl: rig.server.url, timeoutMs: 10_000 }).call(name, {
    token,
    params: { id: window },
    body: { requestId: randomUUID() },
  });
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim() ?? '';
/** Long enough for an event the server sent to have reached a page, were it sent to that page. */
const settleFeed = (page: Page) => page.waitForTimeout(1000);

describe('the guide desk', () => {
  it('explains a no-show in words, reactivates it, and the clerk calls it again', async () => {
    const issued = await rig.api.issue('legal', 'demo-kiosk');
    const number = issued.ticket.number;
    const clerk = await rig.api.login('c06', 'demo', 6);
    expect((await rig.api.callNext(6, clerk)).ticket?.number).toBe(number);
    await windowAction('recall', 6, clerk);
    await windowAction('noShow', 6, clerk);

    const desk = await openGuideDesk(pages, 'g01');
    await desk.getByTestId('lookup-number').fill(number.toLowerCase());
    await desk.getByTestId('lookup-submit').click();
    const trace = desk.getByTestId('trace');
    await expect.poll(() => trace.getAttribute('data-state')).toBe('no_show');
    expect(await text(desk, 'trace-state')).toBe('过号');
    // Each line: when, what, where, who.
    const history = await desk
      .getByTestId('trace-history')
      .locator('li')
      .evaluateAll((lines) => lines.map((li) => [...li.children].slice(1).map((c) => c.textContent)));
    expect(history).toEqual([
      ['取号', '', '取号机 kiosk-1'],
      ['呼叫', '6 号窗口', '工作人员 c06'],
      ['重呼', '6 号窗口', '工作人员 c06'],
      ['标记过号', '6 号窗口', '工作人员 c06'],
    ]);
    expect(await text(desk, 'trace-where')).toBe('在 6 号窗口呼叫 2 次未到');
    await desk.getByTestId('reactivate').waitFor();
    await screenshot(desk, 'guide-desk-1366x768');

    await desk.getByTestId('reactivate').click();
    // The feed brings it back as waiting, first in its line with nobody else of its type waiting, at open window 6.
    await expect.poll(() => trace.getAttribute('data-state')).toBe('waiting');
    expect(await text(desk, 'trace-position')).toBe('排在第 1 位');
    expect(await text(desk, 'trace-windows')).toContain('6');
    await expect.poll(() => desk.getByTestId('trace-history').locator('li').count()).toBe(5);
    expect(await desk.getByTestId('reactivate').count()).toBe(0);

    expect((await rig.api.callNext(6, clerk)).ticket?.number).toBe(number);
    await expect.poll(() => trace.getAttribute('data-state')).toBe('called');
  });

  it("reaches only the guides of the kiosk's floor, and the kiosk says which guide is coming", async () => {
    const kiosks = kioskGuideCalls(rig.server.url);
    const firstFloor = await openGuideDesk(pages, 'g01', VIEWPORTS.display);
    const secondFloor = await openGuideDesk(pages, 'g02');
    const clerkUpstairs = await pages.openPanel(13, 'c13');
    const kioskContext = await pages.context({ viewport: VIEWPORTS.kiosk, hasTouch: true, locale: 'zh-CN' });
    const kiosk = await kioskContext.newPage();
    await kiosk.goto(`${rig.server.url}/kiosk/?key=demo-kiosk`);

    // Meanwhile g01 takes a number for an elderly citizen: under help_and_proxy it is a 帮办代办 (K) ticket.
    await firstFloor.getByTestId('guide-nav-issue').click();
    await firstFloor.getByTestId('issue-priority-elderly').click();
    expect(await text(firstFloor, 'issue-priority-path')).toContain('帮办代办');
    await firstFloor.getByTestId('issue-submit').click();
    expect(await text(firstFloor, 'issued-number')).toMatch(/^K\d{3}$/);

    await kiosk.getByTestId('call-guide').tap();
    const banner = kiosk.getByTestId('guide-status');
    await expect.poll(() => banner.getAttribute('data-status')).toBe('waiting');
    const upstairs = await kiosks.call('demo-kiosk-2', 'language');
    const call = firstFloor.locator('[data-kiosk="kiosk-1"]');
    await call.waitFor();
    const id = (await call.getAttribute('data-call'))!;
    await secondFloor.locator(`[data-call="${upstairs.id}"]`).waitFor();
    expect(await call.textContent()).toContain('一楼综合受理区');
    expect(await call.getAttribute('class')).toContain('new');
    await screenshot(firstFloor, 'guide-desk-calls-1920x1080');

    await call.getByTestId('guide-call-answer').click();
    await call.waitFor({ state: 'detached' });
    await expect.poll(() => banner.getAttribute('data-status')).toBe('answered');
    expect(await banner.textContent()).toContain('导办 卓玛 正在赶来');
    expect(await kiosks.get('demo-kiosk', id)).toMatchObject({ answeredByName: '卓玛' });

    // Neither the other floor's guide nor a clerk upstairs ever had kiosk-1's call; nor did g01 have kiosk-2's.
    await settleFeed(secondFloor);
    expect(await secondFloor.locator(`[data-call="${id}"]`).count()).toBe(0);
    expect(await secondFloor.getByTestId('guide-calls').getAttribute('data-count')).toBe('1');
    expect(await clerkUpstairs.getByTestId('alert-guide').count()).toBe(0);
    expect(await firstFloor.locator(`[data-call="${upstairs.id}"]`).count()).toBe(0);
    expect(await firstFloor.getByTestId('guide-calls').getAttribute('data-count')).toBe('0');
  });

  it("lists today's appointments, checks one in, and books one for a caller", async () => {
    const office = await rig.api.login('admin', 'admin');
    const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    const due = await rig.api.book(office, 'personal', soon(5));
    await rig.api.book(office, 'tax', soon(150), '540102199001011234');

    const desk = await openGuideDesk(pages, 'g01');
    await desk.getByTestId('guide-nav-appointments').click();
    await desk.getByTestId(`check-in-${due.code}`).click();
    const number = await text(desk, 'issued-number');
    expect(number).toMatch(/^A\d{3}$/);
    // The list learns of the check-in from the feed, as it would of a kiosk's.
    await expect.poll(() => text(desk, `appointment-${due.code}`)).toContain(`已签到 ${number}`);
    await desk.getByTestId('issued-close').click();

    await desk.getByTestId('booking-type').selectOption('social-security');
    await desk.getByTestId('booking-submit').click();
    const code = await text(desk, 'booked-code');
    expect(code).toMatch(/^\d{8}$/);
    await desk.getByTestId(`appointment-${code}`).waitFor();
    expect(await desk.locator('.gd-table tbody tr').count()).toBe(3);
    await screenshot(desk, 'guide-desk-appointments-1366x768');
  });
});
