import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../src/browser';
import { byTestId, offScreen } from '../src/fit';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { staffPages } from '../src/staff-pages';

// Each screen at the sizes halls buy it in (issue 13): a staff or public screen has no scrolling to reach an action.
const COUNTER_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const RATING_SIZES = [
  { width: 1024, height: 600 },
  { width: 1280, height: 800 },
];
const DISPLAY_SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];
// A window screen is a 16:9 panel, or a bar screen: the same width at half the height.
const WINDOW_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1920, height: 540 },
];

let rig: HallRig;
const { open, openPanel, closeAll } = staffPages(() => rig);

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});
afterEach(closeAll);

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Issues a ticket of the first type window `n` serves, and its own clerk calls the next (and, if asked, starts serving).
 * The issued number is the one called when no other window here has taken that type's tickets.
 */
async function callAt(n: number, options: { start?: boolean } = {}): Promise<string> {
  const hall = await rig.api.hall();
  const type = hall.windows.find((w) => w.number === n)!.serves[0]!;
  const issued = await rig.api.issue(type);
  const clerk = await rig.api.login(`c${pad(n)}`, 'demo', n);
  await rig.api.callNext(n, clerk);
  if (options.start) await rig.api.start(n, clerk);
  return issued.ticket.number;
}

/**
 * At each size: every selector wholly on screen, and a screenshot `<name>-<w>x<h>.png` to look at. `ready` waits for
 * what the screenshot must show (a screen that changes by itself, such as the display's language turns).
 */
async function expectFits(
  page: Page,
  name: string,
  sizes: readonly { width: number; height: number }[],
  selectors: readonly string[],
  ready: () => Promise<unknown> = async () => undefined,
) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await ready();
    // A frame for the layout to follow the new size before it is measured.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await screenshot(page, `${name}-${size.width}x${size.height}`);
    expect(await offScreen(page, selectors), `${name} at ${size.width}×${size.height}`).toEqual([]);
  }
}

describe('every screen at its real sizes, nothing below the fold', () => {
  it('counter panel: the pickup window with a called ticket, the stand-in waiting and the server gone', async () => {
    const panel = await openPanel(20, 'c20');
    await rig.api.issue('pickup');
    await panel.getByTestId('action-callNext').click();
    await panel.getByTestId('current-number').waitFor();
    // The B post arrives while the citizen is at the counter: the hand-over banner, with its button.
    await rig.api.login('c19', 'demo', 20);
    await panel.getByTestId('handover-banner').waitFor();
    await rig.server.stop();
    try {
      await panel.getByTestId('offline-banner').waitFor();
      const actions = ['callNext', 'recall', 'noShow', 'start', 'finish', 'transfer', 'pause'].map(
        (a) => `action-${a}`,
      );
      await expectFits(
        panel,
        'counter-panel',
        COUNTER_SIZES,
        byTestId('current-number', ...actions, 'deposit-open', 'hand-over', 'offline-banner', 'logout'),
      );
    } finally {
      await rig.server.restart();
    }
  });

  it('counter panel: serving a priority ticket transferred with a note, its badges and the stand-in waiting', async () => {
    const help = await rig.api.issue('help', undefined, 'elderly');
    const first = await rig.api.login('c01', 'demo', 1);
    await rig.api.callNext(1, first);
    await rig.api.start(1, first);
    const note = '缺少完税证明，请到税务窗口补开后继续办理不动产转移登记';
    await rig.api.finish(1, first, { kind: 'transferred', toWindowType: 'tax', note });
    const panel = await openPanel(13, 'c13');
    await panel.getByTestId('action-callNext').click();
    await expect.poll(() => panel.getByTestId('current-number').textContent()).toBe(help.ticket.number);
    await panel.getByTestId('action-start').click();
    await panel.locator('.badge.transfer').waitFor();
    await rig.api.login('c12', 'demo', 13);
    await panel.getByTestId('handover-banner').waitFor();
    const actions = ['recall', 'noShow', 'finish', 'transfer', 'pause'].map((a) => `action-${a}`);
    await expectFits(panel, 'counter-panel-serving', COUNTER_SIZES, [
      ...byTestId('current-number', ...actions, 'hand-over', 'logout'),
      '.badge.priority',
      '.badge.transfer',
    ]);
  });

  it('rating pad: the first question, five faces, in Chinese and in Tibetan', async () => {
    const page = await open('/rating/?window=10&key=demo-rating-10', RATING_SIZES[0]);
    await page.getByTestId('rating-idle').waitFor();
    const clerk = await rig.api.login('c10', 'demo', 10);
    await rig.api.serve(10, clerk, 'complaint');
    await page.getByTestId('rating-level-very_satisfied').waitFor();
    const onScreen = ['[data-testid^="rating-level-"]', '[data-testid^="lang-"]', ...byTestId('rating-countdown')];
    await expectFits(page, 'rating-pad-ask', RATING_SIZES, onScreen);
    await page.getByTestId('lang-bo').click();
    await expectFits(page, 'rating-pad-ask-bo', RATING_SIZES, onScreen);
  });

  it('rating pad: a bad rating with its reasons open and "other" chosen, in Chinese and in Tibetan', async () => {
    const page = await open('/rating/?window=9&key=demo-rating-9', RATING_SIZES[0]);
    await page.getByTestId('rating-idle').waitFor();
    const clerk = await rig.api.login('c09', 'demo', 9);
    await rig.api.serve(9, clerk, 'consult');
    await page.getByTestId('rating-level-very_dissatisfied').click();
    // "Other" is the busiest: it adds a line asking the citizen to tell the clerk.
    await page.getByTestId('rating-reason-other').click();
    expect(await page.locator('[data-testid^="rating-reason-"]').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('rating-submit').isDisabled()).toBe(false);
    const onScreen = [
      ...byTestId('rating-submit', 'rating-back', 'rating-countdown'),
      '[data-testid^="rating-reason-"]',
      '[data-testid^="lang-"]',
    ];
    await expectFits(page, 'rating-pad', RATING_SIZES, onScreen);
    // Tibetan is set larger than Chinese, so it is the tallest of the pad's languages.
    await page.getByTestId('lang-bo').click();
    await expectFits(page, 'rating-pad-bo', RATING_SIZES, onScreen);
  });

  it('hall display: a current call and a full list of recent calls', async () => {
    const page = await open('/display/?key=demo-display', DISPLAY_SIZES[0]);
    await page.getByTestId('display-waiting-personal').waitFor();
    await page.getByTestId('voice-enable').click();
    const windows = [1, 2, 3, 4, 5, 6, 7, 8];
    for (const n of windows) await callAt(n);
    const latest = page.getByTestId('display-latest');
    await expect.poll(() => latest.getAttribute('data-window')).toBe(String(windows.at(-1)));
    await expect.poll(() => page.locator('[data-testid="display-history"] li').count()).toBe(6);
    const onScreen = [
      '.latest-line .ticket-number',
      '.latest-line .window-number',
      '[data-testid="display-history"] li',
      '[data-testid^="display-waiting-"]',
    ];
    // The second language takes turns under the Chinese: Tibetan, set larger, is the one that must still fit.
    const turn = (language: 'bo' | 'en') => () =>
      page.locator(`.hall-name .second.lang-${language}`).waitFor({ timeout: 20_000 });
    await expectFits(page, 'hall-display', DISPLAY_SIZES, onScreen, turn('en'));
    await expectFits(page, 'hall-display-bo', DISPLAY_SIZES, onScreen, turn('bo'));
  });

  it('window screen: serving a citizen', async () => {
    const number = await callAt(14, { start: true });
    const page = await open('/window/?window=14&key=demo-window-14', WINDOW_SIZES[0]);
    const serving = page.getByTestId('window-serving');
    await expect.poll(() => serving.getAttribute('data-number')).toBe(number);
    await expect.poll(() => page.getByTestId('window-state').getAttribute('data-state')).toBe('serving');
    await expectFits(
      page,
      'window-screen',
      WINDOW_SIZES,
      byTestId('window-serving', 'window-state', 'window-clerk').concat('.window-id .window-number'),
    );
  });
});
