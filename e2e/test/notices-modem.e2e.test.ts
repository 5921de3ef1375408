import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLockerService, type LockerService } from '@hallq/devices';
import {
  hasSocat,
  simulatedLockLine,
  simulatedSmsModemLine,
  type SimulatedLockLine,
  type SimulatedSmsModemLine,
} from '@hallq/devices/simulation';
import { screenshot, VIEWPORTS } from '../src/browser';
import { openConsole } from '../src/console-pages';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { doorOf, fillDeposit, type DepositForm } from '../src/locker-doors';
import { staffPages } from '../src/staff-pages';

// The modem's network refuses a send with +CMS ERROR 38 ("network out of order") as often as it is told to.
const NETWORK_OUT_OF_ORDER = 38;
const MAX_ATTEMPTS = 3;

let modem: SimulatedSmsModemLine;
let locks: SimulatedLockLine;
let rig: HallRig;
let locker: LockerService;
const { open, openPanel, closeAll } = staffPages(() => rig);

beforeAll(async () => {
  // The modem's port goes into the hall file, so its line is there before the server starts.
  [modem, locks] = await Promise.all([simulatedSmsModemLine(), simulatedLockLine({ addresses: [1, 2] })]);
  rig = await startHallRig({
    notices: {
      sender: 'modem',
      modem: { path: modem.path, deliveryReports: true },
      retrySeconds: 1,
      maxRetrySeconds: 2,
      maxAttempts: MAX_ATTEMPTS,
    },
  });
  // The locker PC's service drives the simulated lock boards for the server, as the locker kiosk's shell does.
  locker = await startLockerService({
    serverUrl: rig.server.url,
    locker: { deviceKey: 'demo-locker', serialPath: locks.path, baudRate: 9600 },
    pollMs: 100,
    log: () => {},
  });
}, 90_000);
afterAll(async () => {
  await locker?.stop();
  // The server lets go of the modem before its line closes.
  await rig?.stop();
  await Promise.all([modem?.close(), locks?.close()]);
});
afterEach(() => closeAll());

const sim = () => modem.simulator;

/** The clerk at window 20 (综合出件) deposits the item and shuts its door: the item's pickup notice is queued. */
async function depositAtPanel(panel: Page, item: DepositForm): Promise<void> {
  await fillDeposit(panel, item);
  await panel.getByTestId('deposit-submit').click();
  const status = panel.getByTestId('deposit-status');
  await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('awaiting_close');
  const door = doorOf(locks, (await status.getAttribute('data-compartment'))!);
  expect(door.board.isOpen(door.channel)).toBe(true);
  door.board.close(door.channel);
  await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('occupied');
  await panel.getByTestId('deposit-done').click();
}

/** The id of the case's notice, found by its text while that is kept (the console's entries name no case). */
async function noticeIdOf(caseNumber: string): Promise<string> {
  const manager = await rig.api.login('admin', 'admin');
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        id = (await rig.api.notices(manager)).notices.find((n) => n.text?.includes(caseNumber))?.id;
        return id;
      },
      { timeout: 10_000 },
    )
    .toBeDefined();
  return id!;
}

async function attemptsOf(id: string): Promise<number | undefined> {
  const manager = await rig.api.login('admin', 'admin');
  return (await rig.api.notices(manager)).notices.find((n) => n.id === id)?.attempts;
}

const smsAbout = (caseNumber: string) => sim().messages.filter((m) => m.text.includes(caseNumber));

async function openNotices(): Promise<Page> {
  const mgr = await openConsole(open, 'admin', 'admin', VIEWPORTS.clerk);
  await mgr.getByTestId('nav-outbox').click();
  await mgr.getByTestId('outbox').waitFor();
  return mgr;
}

const noticeIn = (mgr: Page, id: string): Locator => mgr.locator(`[data-testid="notice"][data-id="${id}"]`);

/** Waits for the console to show the notice in `status`, as the server's feed reports each change. */
async function showsStatus(notice: Locator, status: string, timeout = 15_000): Promise<void> {
  await expect.poll(() => notice.getAttribute('data-status'), { timeout }).toBe(status);
}

describe.skipIf(!hasSocat())('通知发件箱 with the SMS modem (the simulator on a real pty)', () => {
  it('a deposit at the counter panel sends the pickup code through the modem, and its delivery report erases the notice', async () => {
    const panel = await openPanel(20, 'c20');
    await depositAtPanel(panel, {
      caseNumber: 'LS2026-005101',
      description: '营业执照（正副本）',
      name: '王小明',
      phone: '13800138000',
      size: 'S',
    });

    await expect.poll(() => smsAbout('LS2026-005101').length, { timeout: 15_000 }).toBe(1);
    const [sms] = smsAbout('LS2026-005101');
    expect(sms!.recipient).toBe('13800138000');
    const code = /取件码 (\d{6})/.exec(sms!.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    const id = await noticeIdOf('LS2026-005101');
    const mgr = await openNotices();
    const sender = mgr.getByTestId('notice-sender');
    expect(await sender.getAttribute('data-ready')).toBe('true');
    expect(await sender.textContent()).toContain('短信猫');
    const notice = noticeIn(mgr, id);
    // Sent, no report yet: the manager sees the text (the code) while it may still need relaying.
    await showsStatus(notice, 'sent');
    expect(await notice.getByTestId('notice-text').textContent()).toContain(code);

    // The network's delivery report for every part of the text.
    expect(sim().deliver()).toBe(sms!.references.length);
    await showsStatus(notice, 'delivered');
    expect(await notice.getByTestId('notice-status').textContent()).toBe('已送达');
    expect(await notice.getByTestId('notice-text').textContent()).toBe('已删除');
    expect(await notice.getByTestId('notice-phone').textContent()).toBe('138****8000');
    expect(await notice.textContent()).not.toContain(code);
    expect(await notice.locator('button').count()).toBe(0);
  });

  it('a send the modem keeps failing is retried, then shown failed with the modem’s words; 重新发送 with the network back delivers it', async () => {
    for (let i = 0; i < MAX_ATTEMPTS; i++) sim().failNextSend(NETWORK_OUT_OF_ORDER);
    // Each try reaches the modem: one AT+CMGS, refused at its first part.
    let sends = 0;
    const countSend = (command: string) => {
      if (/^AT\+CMGS=/i.test(command)) sends++;
    };
    sim().on('command', countSend);
    const panel = await openPanel(20, 'c20');
    await depositAtPanel(panel, {
      caseNumber: 'LS2026-005102',
      description: '食品经营许可证',
      name: '李华',
      phone: '13900139000',
      size: 'S',
    });
    const id = await noticeIdOf('LS2026-005102');
    const mgr = await openNotices();
    const notice = noticeIn(mgr, id);
    await showsStatus(notice, 'failed');
    expect(await attemptsOf(id)).toBe(MAX_ATTEMPTS);
    expect(await notice.textContent()).toContain(`已尝试 ${MAX_ATTEMPTS} 次`);
    expect(await notice.getByTestId('notice-last-error').textContent()).toBe(
      '最近一次失败：+CMS ERROR 38: network out of order',
    );
    expect(smsAbout('LS2026-005102')).toHaveLength(0);
    sim().off('command', countSend);
    expect(sends).toBe(MAX_ATTEMPTS);
    expect(await mgr.getByTestId('notice-filter-failed').textContent()).toContain('1');
    await screenshot(mgr, 'manager-notices-failed');

    // The failures are used up: the network is back.
    await notice.getByTestId('notice-resend').click();
    await expect.poll(() => smsAbout('LS2026-005102').length, { timeout: 15_000 }).toBe(1);
    expect(smsAbout('LS2026-005102')[0]!.recipient).toBe('13900139000');
    await showsStatus(notice, 'sent');
    expect(await attemptsOf(id)).toBe(1);
    expect(await notice.getByTestId('notice-last-error').count()).toBe(0);
    sim().deliver();
    await showsStatus(notice, 'delivered');
    expect(await notice.getByTestId('notice-text').textContent()).toBe('已删除');
    expect(await notice.getByTestId('notice-phone').textContent()).toBe('139****9000');
  });

  it('a failed notice handed to the window is printed for its clerk and, once relayed, erased', async () => {
    // One item whose notice the network has not reported delivered yet, for the list of several states.
    const panel = await openPanel(20, 'c20');
    await depositAtPanel(panel, {
      caseNumber: 'LS2026-005103',
      description: '道路运输经营许可证',
      name: '赵敏',
      phone: '13600136000',
      size: 'M',
    });
    await expect.poll(() => smsAbout('LS2026-005103').length, { timeout: 15_000 }).toBe(1);

    for (let i = 0; i < MAX_ATTEMPTS; i++) sim().failNextSend(NETWORK_OUT_OF_ORDER);
    await depositAtPanel(panel, {
      caseNumber: 'LS2026-005104',
      description: '药品经营许可证',
      name: '张伟',
      phone: '13700137000',
      size: 'M',
    });
    const id = await noticeIdOf('LS2026-005104');
    const mgr = await openNotices();
    const notice = noticeIn(mgr, id);
    await showsStatus(notice, 'failed');
    const code = /取件码 (\d{6})/.exec((await notice.getByTestId('notice-text').textContent())!)![1]!;

    await notice.getByTestId('notice-toWindow').click();
    await showsStatus(notice, 'at_window');
    expect(await notice.textContent()).toContain('经窗口打印转达');
    await screenshot(mgr, 'manager-notices');

    // The slip is put in the page for the print dialog; the dialog itself is left out.
    await mgr.evaluate(() => {
      window.print = () => {};
    });
    await notice.getByTestId('notice-print').click();
    const slip = mgr.getByTestId('notice-slip');
    await slip.waitFor({ state: 'attached' });
    expect(await slip.isVisible()).toBe(false);
    expect(await slip.textContent()).toContain(code);
    // The clerk phones the citizen from the slip: the number is whole until the notice is relayed.
    expect(await slip.textContent()).toContain('13700137000');
    await mgr.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await slip.waitFor({ state: 'detached' });

    await notice.getByTestId('notice-relayed').click();
    await showsStatus(notice, 'relayed');
    expect(await notice.getByTestId('notice-text').textContent()).toBe('已删除');
    expect(await notice.getByTestId('notice-phone').textContent()).toBe('137****7000');
    expect(await notice.getByTestId('notice-print').count()).toBe(0);
    expect(smsAbout('LS2026-005104')).toHaveLength(0);
  });
});
