import { VirtualPrinter } from '@hallq/devices';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { HallApi } from './hall-api';
import { startHallServer, type HallChanges, type HallServer } from './hall-server';

/** What a browser scenario runs against: the queue server, its API, a virtual ticket printer and Chromium. */
export interface HallRig {
  server: HallServer;
  api: HallApi;
  printer: VirtualPrinter;
  browser: Browser;
  /** Closes Chromium, the printer and the server, in that order. */
  stop(): Promise<void>;
}

export async function startHallRig(options: HallChanges = {}): Promise<HallRig> {
  const [server, browser] = await Promise.all([startHallServer(options), launchChromium()]);
  const printer = new VirtualPrinter();
  const stop = async () => {
    await browser.close();
    await printer.close();
    await server.stop();
  };
  // A printer that cannot listen must not leave the server and Chromium running.
  await printer.listen(0).catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  return { server, api: new HallApi(server.url), printer, browser, stop };
}
