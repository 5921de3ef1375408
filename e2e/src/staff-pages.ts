import type { BrowserContext, Page } from 'playwright-core';
import { VIEWPORTS } from './browser';
import type { HallRig } from './hall-rig';

/**
 * Pages of the hall's staff and public screens, each in its own browser context (its own storage, as on its own PC);
 * `closeAll` after each scenario.
 */
export function staffPages(rig: () => HallRig) {
  const contexts: BrowserContext[] = [];

  const open = async (path: string, viewport: { width: number; height: number } = VIEWPORTS.display) => {
    const context = await rig().browser.newContext({ viewport, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    // A path is on the server as the scenarios reach it; a whole URL names the server another way.
    await page.goto(path.startsWith('http') ? path : `${rig().server.url}${path}`);
    return page;
  };

  return {
    open,
    /** The clerk's counter panel, logged in at `window` as `staffId`. */
    async openPanel(window: number, staffId: string): Promise<Page> {
      const page = await open(`/counter/?window=${window}`);
      await page.getByTestId('login-staff').fill(staffId);
      await page.getByTestId('login-password').fill('demo');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('panel').waitFor();
      return page;
    },
    /** The manager console, logged in as the demo manager. */
    async openManager(): Promise<Page> {
      const page = await open('/manager/');
      await page.getByTestId('manager-login-staff').fill('admin');
      await page.getByTestId('manager-login-password').fill('admin');
      await page.getByTestId('manager-login-submit').click();
      return page;
    },
    /** A context of the caller's own (a kiosk with touch, a clock), closed with the rest. */
    async context(options: Parameters<HallRig['browser']['newContext']>[0]): Promise<BrowserContext> {
      const context = await rig().browser.newContext(options);
      contexts.push(context);
      return context;
    },
    closeAll: () => Promise.all(contexts.splice(0).map((c) => c.close())),
  };
}
