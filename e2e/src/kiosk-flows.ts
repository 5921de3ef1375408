import type { Page } from 'playwright-core';

/** Touches a tile, skips the optional service item when asked, and waits for the ticket screen; the number shown. */
export async function takeTicket(page: Page, windowType: string): Promise<string> {
  await page.getByTestId(`tile-${windowType}`).tap();
  const skip = page.getByTestId('skip-item');
  const ticket = page.getByTestId('screen-ticket');
  await Promise.race([skip.waitFor(), ticket.waitFor()]);
  if (await skip.isVisible()) await skip.tap();
  await ticket.waitFor();
  return (await page.getByTestId('ticket-number').textContent())!.trim();
}

/** A citizen's choice on the kiosk: a language, and large type (大字模式) on or off. */
export interface KioskLook {
  language: 'zh' | 'bo' | 'en';
  large: boolean;
}

/** Sets the kiosk's language and large type with its own buttons, as a citizen would; waits for the page to follow. */
export async function setKioskLook(page: Page, look: KioskLook): Promise<void> {
  await page.getByTestId(`lang-${look.language}`).first().tap();
  const lang = { zh: 'zh-CN', bo: 'bo', en: 'en' }[look.language];
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
  const toggle = page.getByTestId('elderly-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== String(look.large)) await toggle.tap();
  await page.locator(look.large ? '.kiosk.elderly' : '.kiosk:not(.elderly)').waitFor({ state: 'attached' });
}

/** `zh`, `bo-large`…: how a look is named in screenshot names. */
export const lookName = (look: KioskLook): string => `${look.language}${look.large ? '-large' : ''}`;
