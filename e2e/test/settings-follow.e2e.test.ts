import { randomUUID } from 'node:crypto';
import { createHallClient } from '@hallq/shared/client';
import type { HallConfig } from '@hallq/shared/contracts';
import type { SettingsSection } from '@hallq/shared/domain';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, screenshot } from '../src/browser';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { staffPages } from '../src/staff-pages';

let rig: HallRig;
const { open, openPanel, closeAll } = staffPages(() => rig);

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});
afterEach(closeAll);

/** The hall day the server is on (the e2e server runs on the real clock). */
const hallDay = async () => (await fetch(`${rig.server.url}/api/health`).then((r) => r.json())).hallDay as string;

/** One section replaced as the console's 设置 saves it, against the version it read. */
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

const tileClass = (kiosk: Page, code: string) => kiosk.getByTestId(`tile-${code}`).getAttribute('class');

describe('a change of the settings reaches the screens at once', () => {
  it("the kiosk shows a new window type's tile and a holiday, the counter calls the types its window serves now", async () => {
    const kioskContext = await rig.browser.newContext({ viewport: VIEWPORTS.kiosk, hasTouch: true, locale: 'zh-CN' });
    const kiosk = await kioskContext.newPage();
    try {
      await kiosk.goto(`${rig.server.url}/kiosk/?key=demo-kiosk`);
      await kiosk.getByTestId('tile-personal').waitFor();
      const panel = await openPanel(3, 'c03');
      await panel.getByTestId('queue-personal').waitFor();
      expect(await panel.getByTestId('queue-pension').count()).toBe(0);
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
        windows.map((w) => (w.number === 3 ? { ...w, serves: [...w.serves, 'pension'] } : w)),
      );
      // No reload on either screen: the stream brought the new hall.
      await kiosk.getByTestId('tile-pension').waitFor();
      await panel.getByTestId('queue-pension').waitFor();
      await screenshot(kiosk, 'settings-followed-kiosk');

      await kiosk.getByTestId('tile-pension').tap();
      const skip = kiosk.getByTestId('skip-item');
      const ticket = kiosk.getByTestId('screen-ticket');
      await Promise.race([skip.waitFor(), ticket.waitFor()]);
      if (await skip.isVisible()) await skip.tap();
      await ticket.waitFor();
      expect((await kiosk.getByTestId('ticket-number').textContent())?.trim()).toBe('R001');
      await expect.poll(() => panel.getByTestId('queue-pension-waiting').textContent()).toBe('1');
      await screenshot(panel, 'settings-followed-counter');

      // Today becomes a holiday (a closure announced at short notice): the kiosk closes its tiles.
      const today = await hallDay();
      await changeSection('calendar', (c) => ({ ...c, holidays: [...c.holidays, today] }));
      await kiosk.goto(`${rig.server.url}/kiosk/?key=demo-kiosk`);
      await expect.poll(() => tileClass(kiosk, 'personal')).toContain('closed');
      await changeSection('calendar', (c) => ({ ...c, holidays: c.holidays.filter((d) => d !== today) }));
      await expect.poll(() => tileClass(kiosk, 'personal')).not.toContain('closed');
    } finally {
      await kioskContext.close();
    }
  });
});
