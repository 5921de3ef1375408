import { APPOINTMENT_CODE_DIGITS } from '@hallq/shared/domain';
import type { BrowserContext, Page } from 'playwright-core';
import {
  simulatedIdCardReader,
  simulatedLockLine,
  type SimulatedIdCardReader,
  type SimulatedLockLine,
} from '@hallq/devices/simulation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../src/browser';
import { byTestId, headingCount, offScreen, settled } from '../src/fit';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { installKioskShell, type KioskShell } from '../src/kiosk-bridge';
import { lookName, setKioskLook, type KioskLook } from '../src/kiosk-flows';

// The citizen kiosk at the sizes halls buy it in (issue 13), portrait and landscape, and the phone page behind the
// ticket's QR code: every screen in each language and in large type, with nothing a citizen must touch or read first
// below the fold or past an edge.
const KIOSK_SIZES = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
] as const;
const PHONE_SIZE = { width: 360, height: 740 };
// Tibetan is set larger than Chinese (--bo-scale), so it is the tallest; large type is the widest.
const LOOKS: readonly KioskLook[] = [
  { language: 'zh', large: false },
  { language: 'bo', large: false },
  { language: 'en', large: false },
  { language: 'bo', large: true },
  { language: 'zh', large: true },
];

let rig: HallRig;
let line: SimulatedLockLine;
let reader: SimulatedIdCardReader;
const contexts: BrowserContext[] = [];
const shells: KioskShell[] = [];

beforeAll(async () => {
  // Unpaced: this file takes a few dozen tickets from one kiosk, faster than a person would.
  [rig, line, reader] = await Promise.all([
    startHallRig({ unpacedKiosk: true }),
    simulatedLockLine({ addresses: [1, 2] }),
    simulatedIdCardReader(),
  ]);
  // A reader that does not answer: its notice (the longest a card gets) shows on the appointment screen.
  reader.simulator.silent();
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await Promise.all(shells.map((s) => s.stop()));
  await rig?.stop();
  await line?.close();
  await reader?.close();
});

/**
 * The busiest kiosk there is: in a pickup locker (a third home button) with an ID card reader (a button more on the
 * appointment screen), printing on the virtual printer. The reader does not answer, so its notice shows too.
 */
async function openKiosk(size: { width: number; height: number }): Promise<Page> {
  const context = await rig.browser.newContext({ viewport: size, hasTouch: true, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  // One shell at a time holds the lock boards' serial line: a kiosk opened before lets go of it (its page keeps its
  // pickup button, and no test touches it again).
  await Promise.all(shells.splice(0).map((s) => s.stop()));
  shells.push(
    await installKioskShell(page, {
      serverUrl: rig.server.url,
      printer: `tcp://127.0.0.1:${rig.printer.port}`,
      lockerSerialPath: line.path,
      idCardReaderPath: reader.path,
    }),
  );
  await page.goto(`${rig.server.url}/kiosk/`);
  await page.getByTestId('screen-home').waitFor();
  await page.getByTestId('tile-personal').waitFor();
  return page;
}

/** What every kiosk screen has: the way to a guide, the languages and large type. */
const HEADER = [...byTestId('call-guide', 'elderly-toggle'), '.header [data-testid^="lang-"]'];
const DIGITS = '[data-testid^="digit-"]';

/**
 * The screen as it is now: a screenshot `<name>-<w>x<h>.png` to look at, every selector wholly on screen, one `h1`.
 * Soft: one run lists every screen that does not fit, not just the first.
 */
async function expectFits(page: Page, name: string, selectors: readonly string[]): Promise<void> {
  await settled(page);
  const { width, height } = page.viewportSize()!;
  const full = `${name}-${width}x${height}`;
  await screenshot(page, full);
  expect.soft(await offScreen(page, selectors), full).toEqual([]);
  expect.soft(await headingCount(page), `${full}: h1 elements`).toBe(1);
}

/** Every kiosk screen a citizen can reach, in one look, from home and back to it (完成 resets the look). */
async function everyScreen(page: Page, look: KioskLook): Promise<void> {
  const name = (screen: string) => `kiosk-${screen}-${lookName(look)}`;
  const at = (screen: string) => page.getByTestId(`screen-${screen}`).waitFor();

  await setKioskLook(page, look);
  await expectFits(page, name('home'), [
    ...HEADER,
    '[data-testid^="tile-"]',
    ...byTestId('priority-button', 'appointment-button', 'pickup-button'),
  ]);

  // 预约签到: the reader failed (its notice), then a code typed in full, and the refusal of an unknown code.
  await page.getByTestId('appointment-button').tap();
  await page.getByTestId('appointment-id-card').tap();
  await page.getByRole('alert').waitFor();
  for (const d of '0'.repeat(APPOINTMENT_CODE_DIGITS)) await page.getByTestId(`digit-${d}`).tap();
  await expectFits(page, name('appointment'), [
    ...HEADER,
    ...byTestId('back', 'go-home', 'appointment-id-card', 'appointment-code', 'appointment-submit'),
    DIGITS,
  ]);
  await page.getByTestId('appointment-submit').tap();
  await at('refused');
  await expectFits(page, name('refused'), [
    ...HEADER,
    ...byTestId('reenter-code', 'outcome-call-guide', 'outcome-home'),
  ]);
  await page.getByTestId('outcome-home').tap();

  // 自助取件: the code typed, not sent (wrong codes lock the keypad for a while).
  await page.getByTestId('pickup-button').tap();
  for (const d of '123456') await page.getByTestId(`digit-${d}`).tap();
  await expectFits(page, name('pickup'), [
    ...HEADER,
    ...byTestId('back', 'go-home', 'pickup-code', 'pickup-submit'),
    DIGITS,
  ]);
  await page.getByTestId('back').tap();

  // The item list, searched on the touch keyboard: in Tibetan ས པ ཡ ི typed one by one find སྤྱི་ཚོགས (social security),
  // elsewhere the pinyin initials sbk find 社保卡.
  await page.getByTestId('tile-social-security').tap();
  await at('items');
  const keys =
    look.language === 'bo' ? ['key-bo-27', 'key-bo-12', 'key-bo-23', 'key-bo-30'] : ['key-s', 'key-b', 'key-k'];
  for (const key of keys) await page.getByTestId(key).tap();
  await page.getByTestId('item-social-security-card').waitFor();
  await expectFits(page, name('items'), [
    ...HEADER,
    ...byTestId('back', 'go-home', 'skip-item', 'search-box', 'key-layout', 'item-social-security-card'),
    '[data-testid="keyboard"] [data-testid^="key-"]',
  ]);
  await page.getByTestId('key-clear').tap();
  await page.getByTestId('item-social-security-card').tap();
  await at('item');
  await expectFits(page, name('item'), [...HEADER, ...byTestId('back', 'go-home', 'take-ticket')]);

  // No paper: the printer is checked first, and the ticket can be shown on screen instead, with its item and QR code.
  await rig.printer.setOffline(true);
  try {
    await page.getByTestId('take-ticket').tap();
    await at('printer-not-ready');
    await expectFits(page, name('printer-not-ready'), [
      ...HEADER,
      ...byTestId('go-home', 'show-on-screen', 'outcome-call-guide', 'outcome-home'),
    ]);
  } finally {
    await rig.printer.setOffline(false);
  }
  await page.getByTestId('show-on-screen').tap();
  await page.getByTestId('ticket-qr').waitFor();
  await expectFits(page, name('ticket-on-screen'), [...HEADER, ...byTestId('ticket-number', 'ticket-done')]);
  await page.getByTestId('ticket-done').tap();
  await at('home');

  // 优先: the groups, then a printed priority ticket ("take your ticket", the number, 完成).
  await setKioskLook(page, look);
  await page.getByTestId('priority-button').tap();
  await at('priority');
  await expectFits(page, name('priority'), [
    ...HEADER,
    ...byTestId('back', 'go-home', 'priority-elderly', 'priority-disabled', 'priority-pregnant', 'priority-military'),
  ]);
  await page.getByTestId('priority-elderly').tap();
  await at('ticket');
  expect(await page.getByTestId('screen-ticket').getAttribute('data-mode')).toBe('printed');
  await expectFits(page, name('ticket'), [...HEADER, ...byTestId('ticket-number', 'ticket-done')]);
  await page.getByTestId('ticket-done').tap();
  await at('home');
}

const kiosks = new Map<string, Page>();

describe('the kiosk at 1080×1920 and 1920×1080, every screen in each language and in large type', () => {
  for (const size of KIOSK_SIZES) {
    it(`at ${size.width}×${size.height}`, { timeout: 240_000 }, async () => {
      const page = await openKiosk(size);
      kiosks.set(`${size.width}x${size.height}`, page);
      for (const look of LOOKS) await everyScreen(page, look);
    });
  }

  // Last: the server goes away for a while, which would disturb the other screens.
  it('the offline notice at both sizes, in each language and in large type', { timeout: 120_000 }, async () => {
    const pages = await Promise.all(KIOSK_SIZES.map((s) => kiosks.get(`${s.width}x${s.height}`) ?? openKiosk(s)));
    const restarted = rig.server.restart({ downMs: 20_000 });
    try {
      for (const page of pages) {
        await page.getByTestId('offline-notice').waitFor({ timeout: 5000 });
        for (const look of LOOKS) {
          // The notice covers the header: only its own language buttons can be touched. Large type is set under it.
          await page.locator(`.offline-notice [data-testid="lang-${look.language}"]`).tap();
          const toggle = page.getByTestId('elderly-toggle');
          if ((await toggle.getAttribute('aria-pressed')) !== String(look.large)) await toggle.dispatchEvent('click');
          await expectFits(page, `kiosk-offline-${lookName(look)}`, [
            ...byTestId('offline-notice'),
            '.offline-notice [data-testid^="lang-"]',
            '.offline-title',
            '.offline-advice',
          ]);
        }
      }
    } finally {
      await restarted;
    }
    for (const page of pages) await page.getByTestId('offline-notice').waitFor({ state: 'detached', timeout: 20_000 });
  });
});

describe('the phone page at 360×740 in each language', () => {
  it('a waiting ticket, giving it up, and the call', async () => {
    // A type no kiosk screen above takes tickets of, so this ticket is the next one its window calls.
    const issued = await rig.api.issue('marriage');
    const context = await rig.browser.newContext({ viewport: PHONE_SIZE, hasTouch: true, isMobile: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${rig.server.url}${issued.statusPath}`);
    await page.getByTestId('phone-number').waitFor();
    const languages = ['zh', 'bo', 'en'] as const;
    const labels = { zh: '中文', bo: 'བོད་ཡིག', en: 'English' };
    const inEach = async (scene: string, selectors: readonly string[]) => {
      for (const language of languages) {
        await page.locator('.languages button', { hasText: labels[language] }).tap();
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language === 'zh' ? 'zh-CN' : language);
        await expectFits(page, `phone-${scene}-${language}`, selectors);
      }
    };
    const always = [...byTestId('phone-number', 'phone-state'), '.languages button'];
    await page.getByTestId('phone-people-ahead').waitFor();
    await inEach('waiting', [...always, ...byTestId('phone-give-up')]);
    await page.getByTestId('phone-give-up').tap();
    await inEach('give-up', [...always, ...byTestId('phone-give-up-confirm'), '.confirm .keep']);
    await page.locator('.confirm .keep').tap();

    const hall = await rig.api.hall();
    const window = hall.windows.find((w) => w.serves.includes('marriage'))!.number;
    const clerk = await rig.api.login(`c${String(window).padStart(2, '0')}`, 'demo', window);
    await rig.api.callNext(window, clerk);
    await expect.poll(() => page.getByTestId('phone-state').getAttribute('data-state')).toBe('called');
    await inEach('called', [...always, ...byTestId('phone-window', 'phone-give-up')]);
  });
});
