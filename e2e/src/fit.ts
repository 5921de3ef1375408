import type { Page } from 'playwright-core';

/** An element that is not wholly on screen: what it is, where it is, and the screen it had to fit. */
export interface OffScreen {
  selector: string;
  found: number;
  rect?: { left: number; top: number; right: number; bottom: number };
  viewport: { width: number; height: number };
}

/**
 * Every element each selector matches, measured against the viewport. A selector that matches nothing counts as off
 * screen too: an action that is not drawn at all is as out of reach as one below the fold.
 */
export async function offScreen(page: Page, selectors: readonly string[]): Promise<OffScreen[]> {
  return page.evaluate((list) => {
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    const misses: OffScreen[] = [];
    for (const selector of list) {
      const elements = [...document.querySelectorAll(selector)];
      if (elements.length === 0) misses.push({ selector, found: 0, viewport });
      for (const element of elements) {
        const r = element.getBoundingClientRect();
        // Half a pixel of slack: subpixel layout can put an edge a fraction past a border it sits on.
        const inside =
          r.width > 0 &&
          r.height > 0 &&
          r.left >= -0.5 &&
          r.top >= -0.5 &&
          r.right <= viewport.width + 0.5 &&
          r.bottom <= viewport.height + 0.5;
        if (!inside) {
          const rect = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          misses.push({ selector, found: elements.length, rect, viewport });
        }
      }
    }
    return misses;
  }, selectors);
}

/** `[data-testid="…"]` for each test id. */
export const byTestId = (...ids: string[]): string[] => ids.map((id) => `[data-testid="${id}"]`);

/** Two animation frames: the layout has followed the last change (a new screen, a language, large type). */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** How many `h1` the page has now: a page (each screen state of it) has exactly one title. */
export const headingCount = (page: Page): Promise<number> => page.locator('h1').count();
