import { randomUUID } from 'node:crypto';
import { createHallClient } from '@hallq/shared/client';
import type { HallConfig } from '@hallq/shared/contracts';
import type { SettingsSection } from '@hallq/shared/domain';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, screenshot } from '../src/browser';
import { openConsole } from '../src/console-pages';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { staffPages } from '../src/staff-pages';

let rig: HallRig;
const { open, openPanel, context, closeAll } = staffPages(() => rig);

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});
afterEach(closeAll);

/** The hall day the server is on (the e2e server runs on the real clock). */
const hallDay = async () => (await fetch(`${rig.server.url}/api/health`).then((r) => r.json())).hallDay as string;

async function openKiosk(): Promise<Page> {
  const kiosk: BrowserContext = await context({ viewport: VIEWPORTS.kiosk, hasTouch: true, locale: 'zh-CN' });
  const page = await kiosk.newPage();
  await page.goto(`${rig.server.url}/kiosk/?key=demo-kiosk`);
  await page.getByTestId('tile-personal').waitFor();
  return page;
}

const tileClass = (kiosk: Page, code: string) => kiosk.getByTestId(`tile-${code}`).getAttribute('class');

/** One section replaced as the console's 设置 saves it, against the version it read (for what the e2e does not click). */
async function changeSection<S extends SettingsSection>(section: S, edit: (value: HallConfig[S]) => HallConfig[S]) {
  const client = createHallClient({ baseUrl: rig.server.url, timeoutMs: 10_000 });
  const token = await rig.api.login('admin', 'admin');
  const view = await client.call('settings', { token });
  await client.call('changeSettings', {
    token,
    params: { section },
    body: { requestId: randomUUID(), baseVersion: view.version, value: edit(structuredClone(view.hall[section])) },
  });
}

describe('a change made in the console reaches the screens at once', () => {
  it('the counter calls the types its window serves now, and the kiosk closes for a holiday declared today', async () => {
    const kiosk = await openKiosk();
    const panel = await openPanel(3, 'c03');
    await panel.getByTestId('queue-personal').waitFor();
    expect(await panel.getByTestId('queue-legal').count()).toBe(0);
    await rig.api.issue('legal');

    const console = await openConsole(open, 'admin', 'admin', VIEWPORTS.clerk);
    await console.getByTestId('nav-settings').click();
    await console.getByTestId('settings-section-windows').waitFor();
    // Window 3 (the third row) takes 法人综窗 too.
    await console.getByTestId('settings-serves-add-windows[2].serves').selectOption('legal');
    await console.getByTestId('settings-save-windows').click();
    await console.getByTestId('settings-notice').waitFor();
    // No reload of the panel: the stream brought the new hall; its queue and F1 call the new type.
    await expect.poll(() => panel.getByTestId('queue-legal-waiting').textContent()).toBe('1');
    await panel.keyboard.press('F1');
    await expect.poll(async () => (await panel.getByTestId('panel').textContent()) ?? '').toContain('B001');
    await screenshot(panel, 'settings-followed-counter');

    const today = await hallDay();
    await console.getByTestId('settings-nav-calendar').click();
    await console.getByTestId('settings-calendar-paste').fill(today);
    await console.getByTestId('settings-calendar-paste-apply').click();
    await console.getByTestId('settings-save-calendar').click();
    await console.getByTestId('settings-notice').waitFor();
    await expect.poll(() => tileClass(kiosk, 'personal')).toContain('closed');
    await screenshot(kiosk, 'settings-followed-kiosk-holiday');
    // Called off again: the tiles open as they closed, without a reload.
    await changeSection('calendar', (c) => ({ ...c, holidays: c.holidays.filter((d) => d !== today) }));
    await expect.poll(() => tileClass(kiosk, 'personal')).not.toContain('closed');
  });

  it("the kiosk shows a new window type's tile and takes its tickets, without a reload", async () => {
    const kiosk = await openKiosk();
    expect(await kiosk.getByTestId('tile-pension').count()).toBe(0);
    await changeSection('windowTypes', (types) => [
      ...types,
      {
        code: 'pension',
        prefix: 'R',
        name: { zh: '养老资格认证', bo: 'རྒས་ཡོལ་ཐོབ་ཐང་ར་སྤྲོད།', en: 'Pension eligibility check' },
        kind: 'sector',
        targetWaitMinutes: 15,
        defaultServiceMinutes: 5,
      },
    ]);
    await changeSection('windows', (windows) =>
      windows.map((w) => (w.number === 4 ? { ...w, serves: [...w.serves, 'pension'] } : w)),
    );
    await kiosk.getByTestId('tile-pension').waitFor();
    await screenshot(kiosk, 'settings-followed-kiosk');
    await kiosk.getByTestId('tile-pension').tap();
    const skip = kiosk.getByTestId('skip-item');
    const ticket = kiosk.getByTestId('screen-ticket');
    await Promise.race([skip.waitFor(), ticket.waitFor()]);
    if (await skip.isVisible()) await skip.tap();
    await ticket.waitFor();
    expect((await kiosk.getByTestId('ticket-number').textContent())?.trim()).toBe('R001');
  });
});
