import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS } from '../src/browser';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { staffPages } from '../src/staff-pages';

// The hall LAN is offline and a kiosk PC has whatever fonts its vendor installed: every glyph a citizen sees must
// come from the fonts the pages ship. This machine has Noto CJK installed system-wide, so a page that fell back to
// it would fail here.

let rig: HallRig;
const { open, closeAll } = staffPages(() => rig);

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});
afterEach(closeAll);

interface FontUse {
  text: string;
  family: string;
}

/** What Chromium drew the page's text with: the families of its own fonts, and each use of a PC font. */
async function fontsOn(page: Page): Promise<{ shipped: string[]; system: FontUse[] }> {
  await page.evaluate(() => document.fonts.ready);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  // Elements with text of their own, visible or not: a hidden label still shows one day.
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
    nodeId: root.nodeId,
    selector: 'body *:not(script):not(style):not(svg *)',
  });
  const shipped = new Set<string>();
  const system: FontUse[] = [];
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    // A subset file names its family after the master it was cut from (Noto Sans SC Thin): keep the family.
    for (const f of fonts) if (f.isCustomFont) shipped.add(f.familyName.replace(/ (Thin|Light|Regular|Bold)$/, ''));
    const fromPc = fonts.filter((f) => !f.isCustomFont);
    if (fromPc.length === 0) continue;
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    for (const f of fromPc) system.push({ text: outerHTML.slice(0, 80), family: f.familyName });
  }
  await cdp.detach();
  return { shipped: [...shipped].sort(), system };
}

describe('the pages draw with the fonts they ship, never the PC’s', () => {
  it('the kiosk in Chinese, Tibetan and English', async () => {
    const page = await open('/kiosk/?key=demo-kiosk', VIEWPORTS.kiosk);
    await page.getByTestId('lang-bo').waitFor();
    for (const language of ['zh', 'bo', 'en']) {
      await page.getByTestId(`lang-${language}`).click();
      const fonts = await fontsOn(page);
      expect(fonts.system, language).toEqual([]);
      // The language buttons show all three scripts on every screen.
      expect(fonts.shipped, language).toEqual(['Noto Sans SC', 'Noto Serif Tibetan']);
    }
  });

  it('the hall display and the rating pad in Tibetan', async () => {
    const display = await open('/display/?key=demo-display');
    await display.getByTestId('display-waiting-personal').waitFor();
    // Tibetan and English take turns under the Chinese: measured in Tibetan's turn, when both faces are drawn.
    await display.locator('.hall-name .second.lang-bo').waitFor({ timeout: 20_000 });
    expect(await fontsOn(display)).toEqual({ shipped: ['Noto Sans SC', 'Noto Serif Tibetan'], system: [] });
    const pad = await open('/rating/?window=9&key=demo-rating-9', { width: 1024, height: 600 });
    await pad.getByTestId('rating-idle').waitFor();
    await pad.getByTestId('lang-bo').click();
    expect(await fontsOn(pad)).toEqual({ shipped: ['Noto Sans SC', 'Noto Serif Tibetan'], system: [] });
  });
});
