import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { simulatedLockLine, type SimulatedLockLine } from '@hallq/devices/simulation';
import { pickupQrPayload } from '@hallq/shared/domain';
import { screenshot, VIEWPORTS } from '../src/browser';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { installKioskShell, type KioskShell } from '../src/kiosk-bridge';
import { doorOf as doorOn, fillDeposit } from '../src/locker-doors';
import { staffPages } from '../src/staff-pages';

// The demo locker: cabinet A on board 1 (A03 = channel 3, size M), cabinet B on board 2.
let rig: HallRig;
let line: SimulatedLockLine;
const { openPanel, openManager, context, closeAll } = staffPages(() => rig);
const shells: KioskShell[] = [];

beforeAll(async () => {
  [rig, line] = await Promise.all([startHallRig(), simulatedLockLine({ addresses: [1, 2] })]);
});
afterAll(async () => {
  await rig?.stop();
  await line?.close();
});
afterEach(async () => {
  await closeAll();
  await Promise.all(shells.splice(0).map((s) => s.stop()));
});

/** The kiosk inside the locker: its shell drives the simulated lock boards over the pty. */
async function openLockerKiosk(): Promise<Page> {
  const page = await (await context({ viewport: VIEWPORTS.kiosk, hasTouch: true, locale: 'zh-CN' })).newPage();
  shells.push(
    await installKioskShell(page, {
      serverUrl: rig.server.url,
      printer: `tcp://127.0.0.1:${rig.printer.port}`,
      lockerSerialPath: line.path,
    }),
  );
  await page.goto(`${rig.server.url}/kiosk/`);
  await page.getByTestId('screen-home').waitFor();
  return page;
}

async function typeCode(kiosk: Page, code: string): Promise<void> {
  await kiosk.getByTestId('pickup-button').tap();
  for (const digit of code) await kiosk.getByTestId(`digit-${digit}`).tap();
  await kiosk.getByTestId('pickup-submit').tap();
}

/** A result stored through the API (a locker kiosk must be open to drive the door) and its door shut: the code, read from its notice as the window relays it. */
async function storedItem(caseNumber: string): Promise<{ compartment: string; code: string; qr: string }> {
  const clerk = await rig.api.login('c20', 'demo', 20);
  const deposit = await rig.api.deposit(clerk, 'S', caseNumber);
  const { number } = deposit.compartment;
  const { board, channel } = doorOn(line, number);
  await expect.poll(() => board.isOpen(channel)).toBe(true);
  board.close(channel);
  const manager = await rig.api.login('admin', 'admin');
  let entry: { text: string | null } | undefined;
  await expect
    .poll(async () => {
      entry = (await rig.api.notices(manager)).notices.find((e) => e.text?.includes(caseNumber));
      return entry !== undefined;
    })
    .toBe(true);
  const code = /取件码 (\d{6})/.exec(entry!.text!)![1]!;
  return { compartment: number, code, qr: pickupQrPayload('locker-1', code) };
}

const doorOf = (compartment: string) => doorOn(line, compartment);

describe('自助取件柜 from deposit to collection', () => {
  it('a clerk deposits at the counter panel, and the applicant collects at the kiosk with the code the notice carried', async () => {
    // The locker's kiosk is running (its shell drives the doors); the clerk at window 20 (综合出件) puts a business
    // licence in a medium compartment.
    const kiosk = await openLockerKiosk();
    await screenshot(kiosk, 'locker-home');
    const panel = await openPanel(20, 'c20');
    await fillDeposit(panel, {
      caseNumber: 'LS2026-004711',
      description: '营业执照（正副本）',
      name: '王小明',
      phone: '13800138000',
      size: 'M',
    });
    await screenshot(panel, 'counter-deposit-form');
    await panel.getByTestId('deposit-submit').click();

    const status = panel.getByTestId('deposit-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('awaiting_close');
    const compartment = (await status.getAttribute('data-compartment'))!;
    const door = doorOf(compartment);
    expect(door.board.isOpen(door.channel)).toBe(true);
    await screenshot(panel, 'counter-deposit-open');
    door.board.close(door.channel);
    await expect.poll(() => status.getAttribute('data-state')).toBe('occupied');
    // The clerk never sees the code, only that it went to the applicant's (masked) phone.
    expect(await status.textContent()).toContain('138****8000');

    // The demo hall names no SMS sender: the notice waits at the window, and the manager relays it by phone.
    const manager = await openManager();
    await manager.getByTestId('nav-outbox').click();
    const entry = manager.getByTestId('notice').filter({ hasText: 'LS2026-004711' });
    const text = (await entry.getByTestId('notice-text').textContent())!;
    expect(text).toContain('王*');
    expect(text).not.toContain('王小明');
    const code = /取件码 (\d{6})/.exec(text)![1]!;
    // Once erased the notice no longer names the case: it is followed by its id.
    const notice = manager.locator(`[data-testid="notice"][data-id="${await entry.getAttribute('data-id')}"]`);
    expect(await notice.getAttribute('data-status')).toBe('at_window');
    await screenshot(manager, 'manager-outbox');
    // Relayed: 已转达 has the server erase the notice, so the console no longer holds the code; the phone stays masked.
    await notice.getByTestId('notice-relayed').click();
    await expect.poll(() => notice.getAttribute('data-status')).toBe('relayed');
    expect(await notice.getByTestId('notice-text').textContent()).toBe('已删除');
    expect(await notice.getByTestId('notice-phone').textContent()).toBe('138****8000');
    expect(await notice.textContent()).not.toContain(code);
    expect(await notice.getByTestId('notice-relayed').count()).toBe(0);
    await manager.getByTestId('nav-lockers').click();
    await expect
      .poll(() => manager.getByTestId(`compartment-${compartment}`).getAttribute('data-state'))
      .toBe('occupied');
    await screenshot(manager, 'manager-lockers');

    // At the locker: a mistyped code first, then the right one.
    const wrong = code === '000000' ? '000001' : '000000';
    await typeCode(kiosk, wrong);
    await expect.poll(() => kiosk.getByTestId('pickup-notice').getAttribute('data-kind')).toBe('wrong_code');
    await screenshot(kiosk, 'locker-wrong-code');
    for (const digit of code) await kiosk.getByTestId(`digit-${digit}`).tap();
    await kiosk.getByTestId('pickup-submit').tap();

    const doorScreen = kiosk.getByTestId('screen-pickup-door');
    await expect.poll(() => doorScreen.getAttribute('data-stage')).toBe('open');
    expect(await doorScreen.getAttribute('data-compartment')).toBe(compartment);
    expect(door.board.isOpen(door.channel)).toBe(true);
    await screenshot(kiosk, 'locker-door-open');
    door.board.close(door.channel);
    await kiosk.getByTestId('screen-pickup-done').waitFor();
    await screenshot(kiosk, 'locker-collected');

    // Collected: the compartment is free again, and the notice stays as it was sent, erased (PIPL).
    await expect.poll(() => manager.getByTestId(`compartment-${compartment}`).getAttribute('data-state')).toBe('free');
    await manager.getByTestId('nav-outbox').click();
    expect(await notice.getAttribute('data-status')).toBe('relayed');
    expect(await notice.textContent()).not.toContain(code);

    // The same code again is told as used, not wrong.
    await kiosk.getByTestId('pickup-finish').tap();
    await typeCode(kiosk, code);
    await expect.poll(() => kiosk.getByTestId('pickup-notice').getAttribute('data-kind')).toBe('already_collected');
  });

  it('opens the door for a pickup notice’s QR code held to the scanner', async () => {
    const kiosk = await openLockerKiosk();
    const item = await storedItem('LS2026-004712');
    // A keyboard-wedge scanner types the payload and Enter, on the home screen.
    await kiosk.keyboard.type(item.qr);
    await kiosk.keyboard.press('Enter');
    const doorScreen = kiosk.getByTestId('screen-pickup-door');
    await expect.poll(() => doorScreen.getAttribute('data-stage')).toBe('open');
    const door = doorOf(item.compartment);
    door.board.close(door.channel);
    await kiosk.getByTestId('screen-pickup-done').waitFor();
  });

  it('sends the applicant to the pickup window when the door is jammed, and staff see the fault', async () => {
    const kiosk = await openLockerKiosk();
    const item = await storedItem('LS2026-004713');
    const door = doorOf(item.compartment);
    door.board.jamShut(door.channel);
    const panel = await openPanel(20, 'c20');
    try {
      await typeCode(kiosk, item.code);
      const staffScreen = kiosk.getByTestId('screen-pickup-staff');
      await staffScreen.waitFor();
      expect(await staffScreen.getAttribute('data-reason')).toBe('door_failed');
      expect(await staffScreen.textContent()).toContain('20');
      await screenshot(kiosk, 'locker-fault');
      // The pickup window is told before the applicant gets there.
      const alert = panel.getByTestId('alert-locker-fault');
      await expect.poll(() => alert.getAttribute('data-compartment')).toBe(item.compartment);
      await screenshot(panel, 'counter-locker-fault');

      const manager = await openManager();
      await manager.getByTestId('nav-lockers').click();
      await expect
        .poll(() => manager.getByTestId(`compartment-${item.compartment}`).getAttribute('data-state'))
        .toBe('faulty');
      await screenshot(manager, 'manager-lockers-fault');

      // Staff open the cabinet with the service key, hand the documents over at the window and put the door back
      // in use.
      door.board.unjam(door.channel);
      await manager.getByTestId(`compartment-resolve-${item.compartment}`).click();
      await manager.getByTestId('handover-window').click();
      await manager.getByTestId('confirm-action').click();
      await expect
        .poll(() => manager.getByTestId(`compartment-${item.compartment}`).getAttribute('data-state'))
        .toBe('free');
      await alert.waitFor({ state: 'detached' });
    } finally {
      door.board.unjam(door.channel);
    }
  });

  // Last: the pause holds the demo locker's keypad for half a minute.
  it('pauses the keypad after five wrong codes in a row; the applicant’s right code opens the door after the pause', async () => {
    const kiosk = await openLockerKiosk();
    const item = await storedItem('LS2026-004714');
    const wrong = item.code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 4; i++) {
      await typeCode(kiosk, wrong);
      await kiosk.getByTestId('pickup-notice').waitFor();
      await kiosk.getByTestId('back').tap();
    }
    await typeCode(kiosk, wrong);
    await kiosk.getByTestId('screen-pickup-locked').waitFor();
    const pausedAt = Date.now();
    await screenshot(kiosk, 'locker-locked');
    await kiosk.getByTestId('outcome-home').tap();
    await typeCode(kiosk, item.code);
    await kiosk.getByTestId('screen-pickup-locked').waitFor();
    const door = doorOf(item.compartment);
    expect(door.board.isOpen(door.channel)).toBe(false);

    // The demo hall pauses 30 seconds: then the right code opens the door, no quarter of an hour later.
    await kiosk.getByTestId('outcome-home').tap();
    await new Promise((r) => setTimeout(r, Math.max(0, pausedAt + 31_000 - Date.now())));
    await typeCode(kiosk, item.code);
    await expect.poll(() => door.board.isOpen(door.channel), { timeout: 10_000 }).toBe(true);
  }, 90_000);
});
