import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, VIEWPORTS } from '../src/browser';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { installKioskShell } from '../src/kiosk-bridge';
import { takeTicket } from '../src/kiosk-flows';

let rig: HallRig;

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});

/** Takes a pickup ticket at the kiosk (in a language other than Chinese when asked) and returns its QR code's URL. */
async function printedStatusUrl(language?: 'bo' | 'en'): Promise<string> {
  const context = await rig.browser.newContext({ viewport: VIEWPORTS.kiosk, hasTouch: true });
  const page = await context.newPage();
  await installKioskShell(page, {
    serverUrl: rig.server.url,
    printer: `tcp://127.0.0.1:${rig.printer.port}`,
  });
  await page.goto(`${rig.server.url}/kiosk/`);
  if (language) await page.getByTestId(`lang-${language}`).tap();
  const printed = rig.printer.nextTicket();
  await takeTicket(page, 'pickup');
  const ticket = await printed;
  await context.close();
  return ticket.qr[0]!;
}

/** The phone that scanned the QR code; records what it was asked to vibrate. */
async function openPhone(url: string): Promise<Page> {
  const context = await rig.browser.newContext({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
  await context.addInitScript(() => {
    const w = window as unknown as { vibrations: unknown[] };
    w.vibrations = [];
    navigator.vibrate = ((pattern: unknown) => (w.vibrations.push(pattern), true)) as Navigator['vibrate'];
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('phone-number').waitFor();
  return page;
}

const vibrations = (page: Page) => page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations);

describe('the phone page behind the ticket QR code', () => {
  it('follows the ticket live: people ahead fall, then the window number and a vibration when it is called', async () => {
    const first = await printedStatusUrl();
    const mine = await printedStatusUrl();
    expect(new URL(mine).pathname).toMatch(/^\/t\/[\w-]{16,}$/);
    const page = await openPhone(mine);
    const number = (await rig.api.status(mine)).number;
    expect(await page.getByTestId('phone-number').textContent()).toContain(number);
    const ahead = page.getByTestId('phone-people-ahead');
    await expect.poll(() => ahead.getAttribute('data-count')).toBe('1');
    await screenshot(page, 'phone-waiting');

    const clerk = await rig.api.login('c20', 'demo', 20);
    const called = await rig.api.callNext(20, clerk);
    expect(called.ticket?.number).toBe((await rig.api.status(first)).number);
    await expect.poll(() => ahead.getAttribute('data-count')).toBe('0');

    await rig.api.start(20, clerk);
    await rig.api.finish(20, clerk);
    await rig.api.callNext(20, clerk);
    const state = page.getByTestId('phone-state');
    await expect.poll(() => state.getAttribute('data-state')).toBe('called');
    expect(await page.getByTestId('phone-window').textContent()).toContain('20');
    expect(await vibrations(page)).toHaveLength(1);
    await screenshot(page, 'phone-called');
  });

  it('lets the citizen give the ticket up, and the hall no longer holds it', async () => {
    const url = await printedStatusUrl();
    const page = await openPhone(url);
    const number = (await rig.api.status(url)).number;
    expect(await rig.api.inPlay()).toContain(number);
    await page.getByTestId('phone-give-up').tap();
    await screenshot(page, 'phone-give-up-confirm');
    await page.getByTestId('phone-give-up-confirm').tap();
    await expect.poll(() => page.getByTestId('phone-state').getAttribute('data-state')).toBe('cancelled');
    expect(await rig.api.inPlay()).not.toContain(number);
  });

  it('opens in the language the ticket was taken in, and the citizen can still switch', async () => {
    const url = await printedStatusUrl('bo');
    const page = await openPhone(url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('bo');
    await page.getByRole('button', { name: 'English' }).tap();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    // The citizen's choice outlasts a reload of this ticket's page.
    await page.reload();
    await page.getByTestId('phone-number').waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.context().close();
  });

  it('says plainly when a ticket is not found', async () => {
    const context = await rig.browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await page.goto(`${rig.server.url}/t/AAAAAAAAAAAAAAAAAAAAAA`);
    await expect.poll(() => page.getByTestId('phone-state').getAttribute('data-state')).toBe('not_found');
    await context.close();
  });
});
