import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, screenshot } from '../src/browser';
import { LAN_HOST } from '../src/chromium';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { staffPages } from '../src/staff-pages';

let rig: HallRig;
const { open, openPanel, openManager, closeAll } = staffPages(() => rig);

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});
afterEach(closeAll);

async function openHallDisplay(): Promise<Page> {
  const page = await open('/display/?key=demo-display');
  await page.getByTestId('display-waiting-personal').waitFor();
  // A browser plays sound only after a touch: the one-time "turn on voice" tap an installer makes.
  await page.getByTestId('voice-enable').click();
  await page.getByTestId('voice-enable').waitFor({ state: 'hidden' });
  return page;
}

const currentNumber = async (panel: Page) => (await panel.getByTestId('current-number').textContent())!.trim();
const voiceLog = (page: Page) =>
  page.evaluate('window.__hallqVoice ?? []') as Promise<
    { number: string; window: number; recall: boolean; clips: string[] }[]
  >;

describe('counter panel and hall display', () => {
  it('calls next: the hall display shows it within a second and queues its voice clips', async () => {
    const display = await openHallDisplay();
    const windowScreen = await open('/window/?window=3&key=demo-window-3', { width: 1280, height: 400 });
    await windowScreen.getByTestId('window-screen').waitFor();
    const issued = await rig.api.issue('personal');
    const panel = await openPanel(3, 'c03');
    await panel.getByTestId('queue-personal').waitFor();
    await screenshot(panel, 'counter-panel');

    const latest = display.getByTestId('display-latest');
    const clicked = Date.now();
    await panel.getByTestId('action-callNext').click();
    await expect.poll(() => latest.getAttribute('data-number'), { interval: 20 }).toBe(issued.ticket.number);
    expect(Date.now() - clicked).toBeLessThan(1000);
    expect(await latest.getAttribute('data-window')).toBe('3');
    expect(await currentNumber(panel)).toBe(issued.ticket.number);

    await expect.poll(async () => (await voiceLog(display)).length).toBe(1);
    const [announcement] = await voiceLog(display);
    expect(announcement).toMatchObject({ number: issued.ticket.number, window: 3, recall: false });
    const sentence = ['qing', `letter-${issued.ticket.number[0]!.toLowerCase()}`];
    expect(announcement!.clips[0]).toBe('chime');
    expect(announcement!.clips.join(' ')).toContain(sentence.join(' '));
    await expect
      .poll(() => windowScreen.getByTestId('window-serving').getAttribute('data-number'))
      .toBe(issued.ticket.number);
    await screenshot(display, 'hall-display');
    await screenshot(windowScreen, 'window-screen');
  });

  it('recalls, then marks a no-show once called twice; the display announces the recall again', async () => {
    const display = await openHallDisplay();
    const first = await rig.api.issue('cross-region');
    await rig.api.issue('cross-region');
    const panel = await openPanel(8, 'c08');
    await panel.getByTestId('action-callNext').click();
    await expect.poll(() => currentNumber(panel)).toBe(first.ticket.number);
    await panel.getByTestId('action-recall').click();
    // Announcements never overlap: the recall starts once the call's chime and two sayings are over.
    await expect
      .poll(
        async () => (await voiceLog(display)).filter((a) => a.number === first.ticket.number).map((a) => a.recall),
        {
          timeout: 30_000,
        },
      )
      .toEqual([false, true]);
    const latest = display.getByTestId('display-latest');
    expect(await latest.getAttribute('data-number')).toBe(first.ticket.number);
    await panel.getByTestId('action-noShow').click();
    await expect.poll(() => rig.api.inPlay()).not.toContain(first.ticket.number);
    // Nobody is sent to window 8 any more, and no older call takes its place as the one calling now.
    await expect.poll(() => latest.getAttribute('data-number')).toBeNull();
    expect(await display.getByTestId('display-history').textContent()).not.toContain(first.ticket.number);
  });

  it('transfers a ticket to another window type, where it is called next', async () => {
    const issued = await rig.api.issue('social-security');
    const from = await openPanel(11, 'c11');
    await from.getByTestId('action-callNext').click();
    await expect.poll(() => currentNumber(from)).toBe(issued.ticket.number);
    await from.getByTestId('action-start').click();
    await from.getByTestId('action-transfer').click();
    await from.getByTestId('transfer-type-tax').click();
    await screenshot(from, 'counter-transfer');
    const note = '社保已核，需办理个税专项附加扣除';
    await from.getByTestId('transfer-note').fill(note);
    await from.getByTestId('transfer-confirm').click();
    await expect.poll(() => from.getByTestId('current-ticket').getAttribute('data-state')).not.toBe('serving');

    await rig.api.issue('tax'); // a normal ticket that came earlier must not go first
    const to = await openPanel(13, 'c13');
    await to.getByTestId('action-callNext').click();
    await expect.poll(() => currentNumber(to)).toBe(issued.ticket.number);
    // The note was written for this window: it stays in view while the ticket is called and served here.
    expect(await to.getByTestId('current-ticket').textContent()).toContain(note);
    await to.getByTestId('action-start').click();
    await expect.poll(() => to.getByTestId('current-ticket').getAttribute('data-state')).toBe('serving');
    expect(await to.getByTestId('current-ticket').textContent()).toContain(note);
    await screenshot(to, 'counter-transfer-received');
  });

  /** A marriage ticket called and served at window 19 by its panel, with the finish dialog open. */
  async function finishing() {
    const issued = await rig.api.issue('marriage');
    const panel = await openPanel(19, 'c19');
    await panel.getByTestId('action-callNext').click();
    await expect.poll(() => currentNumber(panel)).toBe(issued.ticket.number);
    await panel.getByTestId('action-start').click();
    await expect.poll(() => panel.getByTestId('current-ticket').getAttribute('data-state')).toBe('serving');
    await panel.getByTestId('action-finish').click();
    return { issued, panel };
  }

  it('confirms the finish dialog with Enter after the outcome was chosen with the mouse', async () => {
    const { issued, panel } = await finishing();
    await panel.getByTestId('finish-outcome-rejected').click();
    await panel.getByTestId('finish-outcome-completed').click();
    // The click left the focus on the outcome: Enter still confirms, as the button says.
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'finish-outcome-completed',
    );
    await panel.keyboard.press('Enter');
    await panel.getByTestId('finish-dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => rig.api.inPlay()).not.toContain(issued.ticket.number);
  });

  it('records the service items the clerk confirms at the finish, and the report counts each', async () => {
    const { issued, panel } = await finishing();
    const items = panel.getByTestId('finish-served-items');
    await items.getByTestId('finish-served-add').selectOption('marriage-registration');
    await items.getByTestId('finish-served-add').selectOption('marriage-certificate-reissue');
    await expect.poll(() => items.locator('li').allTextContents()).toEqual(['结婚登记×', '补领结婚证×']);
    await screenshot(panel, 'counter-finish-items');
    await panel.getByTestId('finish-confirm').click();
    await panel.getByTestId('finish-dialog').waitFor({ state: 'hidden' });

    const day = issued.ticket.hallDay;
    const report = await rig.api.report(await rig.api.login('admin', 'admin'), {
      from: day,
      to: day,
      by: 'item',
      item: 'marriage-certificate-reissue',
    });
    expect(report.groups.map((g) => [g.key, g.tickets.served])).toEqual([
      ['marriage-certificate-reissue', 1],
      ['marriage-registration', 1],
    ]);
  });

  it('every page names the icon the server serves', async () => {
    for (const path of ['/counter/', '/display/', '/manager/', '/window/', '/rating/']) {
      const page = await open(path, VIEWPORTS.clerk);
      const href = await page.locator('link[rel="icon"]').getAttribute('href');
      expect(href, path).not.toBeNull();
      const icon = await page.request.get(new URL(href!, page.url()).href);
      expect(icon.status(), path).toBe(200);
      expect(icon.headers()['content-type'], path).toMatch(/^image\//);
    }
  });

  it('pauses for lunch and resumes; the window screen says so in words', async () => {
    const screen = await open('/window/?window=14&key=demo-window-14', { width: 1280, height: 400 });
    const panel = await openPanel(14, 'c14');
    await panel.getByTestId('action-pause').click();
    await panel.getByTestId('pause-reason-lunch').click();
    await panel.getByTestId('action-resume').waitFor();
    await expect.poll(() => screen.getByTestId('window-state').textContent()).toContain('午');
    await screenshot(screen, 'window-screen-lunch');
    await panel.getByTestId('action-resume').click();
    await panel.getByTestId('action-pause').waitFor();
    expect((await rig.api.window(14)).state.status).toBe('open');
  });

  it('lets the B clerk take over while A is away, and A sees it', async () => {
    const a = await openPanel(5, 'c05');
    const b = await openPanel(5, 'c04');
    await b.getByTestId('panel').waitFor();
    await a.getByTestId('takeover-banner').waitFor();
    expect(await a.getByTestId('takeover-banner').textContent()).toContain('c04');
    const window5 = await rig.api.window(5);
    expect(window5.state).toMatchObject({ clerk: 'c04', post: 'B' });
  });

  it('B hands the window over with the citizen at it, and the returning A carries on with that citizen', async () => {
    // Window 2: c02 holds the A post, c01 the B post.
    const b = await openPanel(2, 'c01');
    await rig.api.issue('personal');
    await b.getByTestId('action-callNext').click();
    await b.getByTestId('current-number').waitFor();
    const serving = await currentNumber(b);
    const a = await openPanel(2, 'c02');
    await a.getByTestId('incoming-banner').waitFor();
    await b.getByTestId('handover-banner').waitFor();
    await screenshot(b, 'counter-hand-over');
    await b.getByTestId('hand-over').click();

    await a.getByTestId('incoming-banner').waitFor({ state: 'hidden' });
    await expect.poll(() => currentNumber(a)).toBe(serving);
    await b.getByTestId('takeover-banner').waitFor();
    expect((await rig.api.window(2)).state).toMatchObject({ clerk: 'c02', post: 'A', incoming: null });
  });

  it('calls once on a double click', async () => {
    const first = await rig.api.issue('legal');
    const second = await rig.api.issue('legal');
    const panel = await openPanel(6, 'c06');
    await panel.getByTestId('action-callNext').dblclick();
    await expect.poll(() => currentNumber(panel)).toBe(first.ticket.number);
    await new Promise((r) => setTimeout(r, 500));
    const legal = (await rig.api.window(6)).queues.find((q) => q.windowType === 'legal')!;
    expect(legal.next.map((t) => t.number)).toContain(second.ticket.number);
    expect((await rig.api.window(6)).state.currentTicket).not.toBe(second.ticket.id);
  });

  it('works from a clerk PC on the LAN, over plain http where the browser gives no secure context', async () => {
    const issued = await rig.api.issue('police');
    const url = new URL(rig.server.url);
    url.hostname = LAN_HOST;
    const page = await open(`${url.origin}/counter/?window=15`, VIEWPORTS.clerk);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await page.getByTestId('login-staff').fill('c15');
    await page.getByTestId('login-password').fill('demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('action-callNext').click();
    await expect.poll(() => currentNumber(page)).toBe(issued.ticket.number);
    await page.getByTestId('action-start').click();
    await expect.poll(async () => (await rig.api.window(15)).state.currentTicket).toBe(issued.ticket.id);
  });

  it('shows it is offline, refuses actions, and catches up when the server is back', async () => {
    const panel = await openPanel(12, 'c12');
    await rig.server.stop();
    await panel.getByTestId('offline-banner').waitFor();
    expect(await panel.getByTestId('action-callNext').isDisabled()).toBe(true);
    await screenshot(panel, 'counter-panel-offline');
    await rig.server.restart();
    // It reconnects by itself, without a reload, and takes the hall as it is now.
    await panel.getByTestId('offline-banner').waitFor({ state: 'hidden', timeout: 15_000 });
    const issued = await rig.api.issue('medical-insurance');
    await panel.getByTestId('action-callNext').click();
    await expect.poll(() => currentNumber(panel)).toBe(issued.ticket.number);
  });
});

describe('the rating pad', () => {
  const LEVELS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;

  it('stores a rating of each level, and a bad one reaches the manager console', async () => {
    const pad = await open('/rating/?window=9&key=demo-rating-9', { width: 1280, height: 800 });
    await pad.getByTestId('rating-idle').waitFor();
    const clerk = await rig.api.login('c09', 'demo', 9);
    for (const level of LEVELS) {
      await rig.api.serve(9, clerk, 'consult');
      await pad.getByTestId('rating-ask').waitFor();
      if (level === 'satisfied') await screenshot(pad, 'rating-pad');
      await pad.getByTestId(`rating-level-${level}`).click();
      if (level === 'dissatisfied') await pad.getByTestId('rating-reason-other').click();
      if (level === 'very_dissatisfied') {
        // A bad rating cannot be sent without a reason.
        expect(await pad.getByTestId('rating-submit').isDisabled()).toBe(true);
        await pad.getByTestId('rating-reason-long_wait').click();
        await screenshot(pad, 'rating-pad-reason');
      }
      await pad.getByTestId('rating-submit').click();
      await pad.getByTestId('rating-thanks').waitFor();
    }
    const summary = await rig.api.summary(9, clerk);
    expect(summary.ratings).toMatchObject({
      very_satisfied: 1,
      satisfied: 1,
      basically_satisfied: 1,
      dissatisfied: 1,
      very_dissatisfied: 1,
      not_rated: 0,
    });

    const admin = await rig.api.login('admin', 'admin');
    const followUps = (await rig.api.followUps(admin)).followUps.filter((f) => f.rating.window === 9);
    expect(followUps.map((f) => f.rating.result).sort()).toEqual(['dissatisfied', 'very_dissatisfied']);
    const manager = await openManager();
    for (const f of followUps) await manager.getByTestId(`followup-${f.id}`).waitFor();
    await screenshot(manager, 'manager-console');
  });
});
