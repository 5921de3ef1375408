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
