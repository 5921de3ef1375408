import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH_OPTIONS } from './chromium';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...CHROMIUM_LAUNCH_OPTIONS, args: [...CHROMIUM_LAUNCH_OPTIONS.args] });
}

/** A kiosk is a portrait touch screen; a phone is a phone. */
export const VIEWPORTS = {
  kiosk: { width: 1080, height: 1920 },
  phone: { width: 390, height: 844 },
  display: { width: 1920, height: 1080 },
  clerk: { width: 1366, height: 768 },
} as const;

/** Saves docs/screenshots/<name>.png, for the README and for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Animations (the display's blink on a new call) are finished first, so a screenshot never catches one half-way.
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, animations: 'disabled' });
}
