import type { PrintedTicket } from '@hallq/devices';
import { PRESET_CARDS, simulatedIdCardReader, type SimulatedIdCardReader } from '@hallq/devices/simulation';
import type { WindowTypeConfig } from '@hallq/shared/contracts';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, VIEWPORTS } from '../src/browser';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { installKioskShell, type KioskShell } from '../src/kiosk-bridge';
import { takeTicket } from '../src/kiosk-flows';

let rig: HallRig;
let context: BrowserContext | undefined;
let shell: KioskShell | undefined;

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});
afterEach(async () => {
  await shell?.stop();
  shell = undefined;
  await context?.close();
  context = undefined;
  rig.printer.paperOut = false;
  rig.printer.slowMs = 0;
  await rig.printer.setOffline(false);
});

/** A kiosk: inside its shell (printing to the virtual printer) or a plain browser at /kiosk/?key=…. */
async function openKiosk(options: { shell?: boolean; clock?: boolean; idCardReaderPath?: string } = {}): Promise<Page> {
  context = await rig.browser.newContext({ viewport: VIEWPORTS.kiosk, hasTouch: true, locale: 'zh-CN' });
  if (options.clock) await context.clock.install();
  const page = await context.newPage();
  if (options.shell ?? true) {
    shell = await installKioskShell(page, {
      serverUrl: rig.server.url,
      printer: `tcp://127.0.0.1:${rig.printer.port}`,
      timeoutMs: 2000,
      idCardReaderPath: options.idCardReaderPath,
    });
    await page.goto(`${rig.server.url}/kiosk/`);
  } else {
    await page.goto(`${rig.server.url}/kiosk/?key=demo-kiosk`);
  }
  await page.getByTestId('screen-home').waitFor();
  return page;
}

/** 刷证取号: a type taken by card, chosen (past its items, if it has any) until the kiosk waits for the card. */
async function chooseByCard(page: Page, windowType: string) {
  await page.getByTestId(`tile-${windowType}`).tap();
  const skip = page.getByTestId('skip-item');
  const reading = page.locator('[data-testid="screen-busy"][data-task="reading_card"]');
  await Promise.race([skip.waitFor(), reading.waitFor()]);
  if (await skip.isVisible()) await skip.tap();
  await reading.waitFor();
  return reading;
}

const printedTextOf = (t: PrintedTicket) => t.lines.map((l) => l.text).join('\n');

describe('the kiosk in its shell, printing on the virtual printer', () => {
  it('takes a ticket for each kind of window type and prints it with the right number and Chinese text', async () => {
    const hall = await rig.api.hall();
    const firstOfKind = new Map<string, WindowTypeConfig>();
    for (const t of hall.windowTypes) if (!firstOfKind.has(t.kind)) firstOfKind.set(t.kind, t);
    expect(firstOfKind.size).toBe(8);

    const page = await openKiosk();
    await screenshot(page, 'kiosk-home');
    for (const [kind, type] of firstOfKind) {
      const printed = rig.printer.nextTicket();
      const number = await takeTicket(page, type.code);
      const ticket = await printed;
      const text = printedTextOf(ticket);
      expect(text, kind).toContain(number);
      expect(text, kind).toContain(type.name.zh);
      expect(text, kind).toContain(hall.name.zh);
      expect(text, kind).toContain('当日有效');
      expect(ticket.cut, kind).toBe(true);
      // The QR code leads to this very ticket on the server: the paper never disagrees with the hall.
      expect(ticket.qr).toHaveLength(1);
      const status = await rig.api.status(ticket.qr[0]!);
      expect(status).toMatchObject({ number, windowType: type.code, state: 'waiting' });
      expect(await page.getByTestId('screen-ticket').getAttribute('data-mode')).toBe('printed');
      await page.getByTestId('ticket-done').tap();
      await page.getByTestId('screen-home').waitFor();
    }
  });

  it('finds an item by pinyin initials and prints the materials it needs', async () => {
    const page = await openKiosk();
    await page.getByTestId('tile-social-security').tap();
    await page.getByTestId('screen-items').waitFor();
    for (const key of 'sbk') await page.getByTestId(`key-${key}`).tap();
    const item = page.getByTestId('item-social-security-card');
    await item.waitFor();
    await screenshot(page, 'kiosk-item-search');
    await item.tap();
    await page.getByTestId('screen-item').waitFor();
    await expect(page.getByTestId('item-materials').textContent()).resolves.toContain('身份证');
    await screenshot(page, 'kiosk-item');
    const printed = rig.printer.nextTicket();
    await page.getByTestId('take-ticket').tap();
    await page.getByTestId('screen-ticket').waitFor();
    const text = printedTextOf(await printed);
    expect(text).toContain('请携带以下材料');
    expect(text).toContain('身份证');
    // The item chosen and the hall's date and time of taking it, on paper in Chinese.
    const hall = await rig.api.hall();
    expect(text).toContain(hall.serviceItems.find((s) => s.code === 'social-security-card')!.name.zh);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  it('leads the priority path to a priority ticket at the help-and-proxy window type', async () => {
    const page = await openKiosk();
    await page.getByTestId('priority-button').tap();
    await page.getByTestId('screen-priority').waitFor();
    await screenshot(page, 'kiosk-priority');
    const printed = rig.printer.nextTicket();
    await page.getByTestId('priority-elderly').tap();
    await page.getByTestId('screen-ticket').waitFor();
    const number = (await page.getByTestId('ticket-number').textContent())!.trim();
    expect(printedTextOf(await printed)).toContain('帮办代办');
    // Devices see no priority group (the public view of a ticket); staff do.
    const help = await rig.api.window(1);
    const queued = help.queues.find((q) => q.windowType === 'help')!.next.find((t) => t.number === number);
    expect(queued).toMatchObject({ number, state: 'waiting' });
    const staff = await rig.api.login('admin', 'admin');
    expect((await rig.api.staffTickets(staff)).find((t) => t.number === number)?.priority).toBe('elderly');
  });

  it('checks in an appointment by its code, and tells an early arrival when to come back', async () => {
    const staff = await rig.api.login('admin', 'admin');
    const due = await rig.api.book(staff, 'personal', new Date(Date.now() + 5 * 60_000));
    const early = await rig.api.book(staff, 'personal', new Date(Date.now() + 3 * 3600_000));
    const page = await openKiosk();

    const enter = async (code: string) => {
      await page.getByTestId('appointment-button').tap();
      await page.getByTestId('screen-appointment').waitFor();
      for (const d of code) await page.getByTestId(`digit-${d}`).tap();
      await page.getByTestId('appointment-submit').tap();
    };
    await enter(early.code);
    const refused = page.getByTestId('screen-refused');
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('appointment_too_early');
    await screenshot(page, 'kiosk-appointment-too-early');
    await page.getByTestId('go-home').tap();

    const printed = rig.printer.nextTicket();
    await enter(due.code);
    await page.getByTestId('screen-ticket').waitFor();
    const number = (await page.getByTestId('ticket-number').textContent())!.trim();
    expect(printedTextOf(await printed)).toContain(number);
    const status = await rig.api.status((await rig.printer.tickets().at(-1)!).qr[0]!);
    expect(status.number).toBe(number);
  });

  describe('with the ID card reader (a simulated reader on a serial line)', () => {
    let reader: SimulatedIdCardReader;
    beforeAll(async () => {
      reader = await simulatedIdCardReader();
    });
    afterAll(async () => {
      await reader?.close();
    });
    afterEach(() => {
      reader.simulator.removeCard();
      reader.simulator.silent(false);
    });

    it('checks in an appointment by the card placed on the reader, greeting the citizen by the masked name', async () => {
      const card = PRESET_CARDS['zhang-san'];
      const staff = await rig.api.login('admin', 'admin');
      await rig.api.book(staff, 'tax', new Date(Date.now() + 10 * 60_000), card.idNumber);
      const page = await openKiosk({ idCardReaderPath: reader.path });
      await page.getByTestId('appointment-button').tap();
      await screenshot(page, 'kiosk-appointment');
      const printed = rig.printer.nextTicket();
      await page.getByTestId('appointment-id-card').tap();
      await page.locator('[data-testid="screen-busy"][data-task="reading_card"]').waitFor();
      await screenshot(page, 'kiosk-reading-card');
      reader.simulator.placeCard(card);
      await page.getByTestId('screen-ticket').waitFor();
      const number = (await page.getByTestId('ticket-number').textContent())!.trim();
      expect(number).toMatch(/^E\d{3}$/);
      expect(await page.getByTestId('ticket-holder').textContent()).toContain('张*');
      const text = printedTextOf(await printed);
      expect(text).toContain(number);
      expect(text).not.toContain(card.idNumber.slice(-4));
      // Nothing of the card but the masked name reached the page.
      expect(await page.content()).not.toContain(card.idNumber.slice(0, 14));
    });

    it('falls back to the keypad when the reader fails, saying so', async () => {
      const page = await openKiosk({ idCardReaderPath: reader.path });
      reader.simulator.silent();
      await page.getByTestId('appointment-button').tap();
      await page.getByTestId('appointment-id-card').tap();
      const notice = page.getByTestId('appointment-card-notice');
      await notice.waitFor();
      expect(await notice.getAttribute('data-notice')).toBe('fault');
      await page.getByTestId('appointment-code').waitFor();
      await screenshot(page, 'kiosk-card-fault');
    });

    it('takes a capped type by card once a day: the same card is refused its second ticket, another card is not', async () => {
      const page = await openKiosk({ idCardReaderPath: reader.path });
      await page.getByTestId('tile-real-estate').getByTestId('by-card').waitFor();
      const take = async (card: (typeof PRESET_CARDS)[keyof typeof PRESET_CARDS]) => {
        await chooseByCard(page, 'real-estate');
        reader.simulator.placeCard(card);
      };
      await take(PRESET_CARDS['ouyang-nana']);
      await page.getByTestId('screen-ticket').waitFor();
      expect((await page.getByTestId('ticket-number').textContent())!.trim()).toMatch(/^H\d{3}$/);
      await page.getByTestId('ticket-done').tap();
      await page.getByTestId('screen-home').waitFor();
      reader.simulator.removeCard();

      await take(PRESET_CARDS['ouyang-nana']);
      const refused = page.getByTestId('screen-refused');
      await refused.waitFor();
      expect(await refused.getAttribute('data-code')).toBe('per_person_cap');
      await screenshot(page, 'kiosk-per-person-cap');
      await page.getByTestId('outcome-home').tap();
      reader.simulator.removeCard();

      await take(PRESET_CARDS['wang-jianguo']);
      await page.getByTestId('screen-ticket').waitFor();
      expect(await page.getByTestId('ticket-holder').textContent()).toContain('王**');
    });

    it('takes the card away too early: a clear screen, and the card read on the next try', async () => {
      const page = await openKiosk({ idCardReaderPath: reader.path });
      const reading = await chooseByCard(page, 'real-estate');
      // The citizen lifts the card as soon as the reader has found it.
      const lift = (r: { command: string | null }) => {
        if (r.command !== 'selectCard') return;
        reader.simulator.removeCard();
        reader.simulator.off('reply', lift);
      };
      reader.simulator.on('reply', lift);
      reader.simulator.placeCard(PRESET_CARDS['ayigul-mamat']);
      const screen = page.getByTestId('screen-card');
      await screen.waitFor();
      expect(await screen.getAttribute('data-notice')).toBe('removed');
      await screenshot(page, 'kiosk-card-removed');
      await page.getByTestId('card-retry').tap();
      await reading.waitFor();
      reader.simulator.placeCard(PRESET_CARDS['ayigul-mamat']);
      await page.getByTestId('screen-ticket').waitFor();
    });
  });

  it('calls a guide: the call reaches staff, and the kiosk says when someone is on the way', async () => {
    const page = await openKiosk();
    await page.getByTestId('tile-social-security').tap();
    await page.getByTestId('call-guide').tap();
    const banner = page.getByTestId('guide-status');
    await expect.poll(() => banner.getAttribute('data-status')).toBe('waiting');
    const staff = await rig.api.login('admin', 'admin');
    const open = (await rig.api.openGuideCalls(staff)).calls.filter((c) => c.kiosk === 'kiosk-1');
    expect(open).toHaveLength(1);
    await screenshot(page, 'kiosk-guide-called');
    await rig.api.answerGuide(staff, open[0]!.id);
    await expect.poll(() => banner.getAttribute('data-status'), { timeout: 10_000 }).toBe('answered');
  });

  it('shows a full window type greyed with its reason, and refuses it', async () => {
    const hall = await rig.api.hall();
    const marriage = hall.windowTypes.find((t) => t.code === 'marriage')!;
    const queues = await rig.api.queues();
    const issued = queues.queues.find((q) => q.windowType === 'marriage')!.issuedToday;
    for (let i = issued; i < marriage.dailyCap!; i++) await rig.api.issue('marriage');

    const page = await openKiosk();
    const tile = page.getByTestId('tile-marriage');
    await expect.poll(() => tile.textContent()).toContain('今日号已取完');
    expect(await tile.isDisabled()).toBe(true);
    await screenshot(page, 'kiosk-home-full-type');
    const before = rig.printer.tickets().length;
    await tile.tap({ force: true });
    await page.waitForTimeout(300);
    expect(rig.printer.tickets().length).toBe(before);
    await page.getByTestId('screen-home').waitFor();
  });

  it('checks the printer first: offline means no number is taken', async () => {
    const page = await openKiosk();
    const inPlayBefore = await rig.api.inPlay();
    await rig.printer.setOffline(true);
    await page.getByTestId('tile-personal').tap();
    await page.getByTestId('skip-item').tap();
    const notReady = page.getByTestId('screen-printer-not-ready');
    await notReady.waitFor();
    await screenshot(page, 'kiosk-printer-not-ready');
    expect(await rig.api.inPlay()).toEqual(inPlayBefore);
  });

  /** Breaks the printer the moment the server has issued the number: after the kiosk's printer check passed. */
  async function breakPrinterOnIssue(page: Page, breakIt: () => void): Promise<void> {
    await page.route('**/api/tickets', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      const response = await route.fetch();
      breakIt();
      await route.fulfill({ response });
    });
  }

  it('tells the citizen when paper runs out after the number was taken, and cancels the number on request', async () => {
    const page = await openKiosk();
    await breakPrinterOnIssue(page, () => (rig.printer.paperOut = true));
    await page.getByTestId('tile-personal').tap();
    await page.getByTestId('skip-item').tap();
    const failed = page.getByTestId('screen-print-failed');
    await failed.waitFor();
    expect(await failed.getAttribute('data-reason')).toBe('paper_out');
    await screenshot(page, 'kiosk-print-failed');
    const number = (await failed.getAttribute('data-number'))!;
    expect(await rig.api.inPlay()).toContain(number);
    await page.getByTestId('cancel-ticket').tap();
    await page.getByTestId('screen-cancelled').waitFor();
    expect(await rig.api.inPlay()).not.toContain(number);
    expect(rig.printer.tickets().some((t) => printedTextOf(t).includes(number))).toBe(false);
  });

  it('reprints after a print that timed out, once the printer answers again', async () => {
    const page = await openKiosk();
    await breakPrinterOnIssue(page, () => (rig.printer.slowMs = 5000));
    await page.getByTestId('tile-personal').tap();
    await page.getByTestId('skip-item').tap();
    const failed = page.getByTestId('screen-print-failed');
    await failed.waitFor({ timeout: 15_000 });
    expect(await failed.getAttribute('data-reason')).toBe('timeout');
    const number = (await failed.getAttribute('data-number'))!;
    rig.printer.slowMs = 0;
    const printed = rig.printer.nextTicket();
    await page.getByTestId('reprint').tap();
    await page.getByTestId('screen-ticket').waitFor();
    expect((await page.getByTestId('ticket-number').textContent())!.trim()).toBe(number);
    expect(printedTextOf(await printed)).toContain(number);
  });

  it('cancels the number of a failed print when the citizen walks away', async () => {
    const page = await openKiosk({ clock: true });
    await breakPrinterOnIssue(page, () => (rig.printer.paperOut = true));
    await page.getByTestId('tile-personal').tap();
    await page.getByTestId('skip-item').tap();
    const failed = page.getByTestId('screen-print-failed');
    await failed.waitFor();
    const number = (await failed.getAttribute('data-number'))!;
    await context!.clock.fastForward(61_000);
    await page.getByTestId('screen-home').waitFor();
    await expect.poll(async () => (await rig.api.window(2)).queues[0]!.next.map((t) => t.number)).not.toContain(number);
  });

  it('returns home after 60 s without a touch, back to Chinese and normal type', async () => {
    const page = await openKiosk({ clock: true });
    await page.getByTestId('lang-en').tap();
    await page.getByTestId('elderly-toggle').tap();
    await page.getByTestId('tile-social-security').tap();
    await page.getByTestId('screen-items').waitFor();
    await context!.clock.fastForward(52_000);
    await page.getByTestId('idle-countdown').waitFor();
    await context!.clock.fastForward(9_000);
    await page.getByTestId('screen-home').waitFor();
    expect(await page.getByTestId('elderly-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^zh/);
  });

  it('gives the next citizen Chinese again once a ticket taken in English is done', async () => {
    const page = await openKiosk();
    await page.getByTestId('lang-en').tap();
    await takeTicket(page, 'personal');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByTestId('ticket-done').tap();
    await page.getByTestId('screen-home').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^zh/);
  });

  it('switches language on the home screen: Tibetan and English names of the window types', async () => {
    const page = await openKiosk();
    await page.getByTestId('lang-bo').tap();
    await expect.poll(() => page.getByTestId('tile-personal').textContent()).toContain('སྒེར');
    await screenshot(page, 'kiosk-home-tibetan');
    await page.getByTestId('lang-en').tap();
    await expect.poll(() => page.getByTestId('tile-personal').textContent()).toMatch(/Personal/i);
    await page.getByTestId('elderly-toggle').tap();
    await screenshot(page, 'kiosk-home-english-large-type');
  });
});

describe('the kiosk in a plain browser (no shell)', () => {
  it('shows the ticket on screen with the item, the time it was taken and a QR code of its status page', async () => {
    const page = await openKiosk({ shell: false });
    await page.getByTestId('tile-social-security').tap();
    await page.getByTestId('item-social-security-card').tap();
    await page.getByTestId('take-ticket').tap();
    await page.getByTestId('screen-ticket').waitFor();
    expect(await page.getByTestId('screen-ticket').getAttribute('data-mode')).toBe('screen');
    await page.getByTestId('ticket-qr').waitFor();
    expect(await page.getByTestId('ticket-item').textContent()).toContain('社会保障卡');
    expect(await page.getByTestId('ticket-taken-at').textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await screenshot(page, 'kiosk-ticket-on-screen');
    expect((await page.getByTestId('ticket-number').textContent())!.trim()).toMatch(/^C\d{3}$/);
  });
});

// Last: restarting the server would disturb the screenshots of the tests after it.
describe('the kiosk while the server is down', () => {
  it('covers the whole screen with a notice while the server is down, and takes tickets again once it is back', async () => {
    const page = await openKiosk();
    const notice = page.getByTestId('offline-notice');
    // Down long enough that the notice is still up while it is measured, on a machine busy with other work.
    const restarted = rig.server.restart({ downMs: 12_000 });
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain('暂时无法取号');
    expect(await notice.textContent()).toContain('请稍候或到咨询台');
    // Nothing of the home screen can be touched: the notice is what a finger meets, in every corner.
    expect(await notice.boundingBox()).toEqual({ x: 0, y: 0, ...VIEWPORTS.kiosk });
    const hit = (x: number, y: number) =>
      page.evaluate(
        ([px, py]) => document.elementFromPoint(px!, py!)?.closest('[data-testid="offline-notice"]') !== null,
        [x, y],
      );
    for (const [x, y] of [
      [10, 10],
      [540, 960],
      [1070, 1910],
    ] as const)
      expect(await hit(x, y)).toBe(true);
    await screenshot(page, 'kiosk-offline');
    await restarted;
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    await takeTicket(page, 'personal');
  });
});
