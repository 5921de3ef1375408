import { writeFileSync } from 'node:fs';
import { PAPER_DOTS, ticketLines, ticketPng, type PrintedTicket, type RasterBlock } from '@hallq/devices';
import type { WindowTypeConfig } from '@hallq/shared/contracts';
import { catalogue, createI18n } from '@hallq/shared/i18n';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, VIEWPORTS } from '../src/browser';
import { startHallRig, type HallRig } from '../src/hall-rig';
import { installKioskShell } from '../src/kiosk-bridge';
import { setKioskLook, takeTicket } from '../src/kiosk-flows';

// A ticket taken in Tibetan: GBK has no Tibetan, so the kiosk's print service draws the Tibetan lines and sends them
// as GS v 0 raster images; the Chinese stays text. The virtual printer decodes both and pictures the ticket.

let rig: HallRig;
let context: BrowserContext | undefined;

beforeAll(async () => {
  rig = await startHallRig();
});
afterAll(async () => {
  await rig?.stop();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function openKiosk(): Promise<Page> {
  context = await rig.browser.newContext({ viewport: VIEWPORTS.kiosk, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  // Drawing the Tibetan lines (and loading the fonts for the first one) happens before the job's own timeout.
  await installKioskShell(page, {
    serverUrl: rig.server.url,
    printer: `tcp://127.0.0.1:${rig.printer.port}`,
    timeoutMs: 5000,
  });
  await page.goto(`${rig.server.url}/kiosk/`);
  await page.getByTestId('screen-home').waitFor();
  return page;
}

const textLines = (t: PrintedTicket) => t.lines.map((l) => l.text.trim()).filter((s) => s !== '');
/** Text lines and raster images top to bottom, an image as `raster`. */
const paperOrder = (t: PrintedTicket) =>
  t.items.map((i) => (i.kind === 'text' ? i.line.text.trim() : i.kind)).filter((s) => s !== '');

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

function savePicture(ticket: PrintedTicket, name: string): { width: number; height: number } {
  const png = ticketPng(ticket, PAPER_DOTS[80]);
  writeFileSync(`${SCREENSHOT_DIR}${name}.png`, png);
  return pngSize(png);
}

/** The raster images the layout draws for these citizen-language lines (the same fonts and code as the kiosk's). */
function expectedRasters(windowTypeName: string, validToday: string): RasterBlock[] {
  const blocks = ticketLines(
    {
      hallName: '大厅',
      windowTypeName: '窗口',
      number: 'A001',
      peopleAhead: 0,
      estimatedWaitMinutes: null,
      windows: [],
      issuedAt: new Date(),
      timeZone: 'Asia/Shanghai',
      statusUrl: 'http://h/s',
      materials: [],
      inCitizenLanguage: { windowTypeName, validToday },
    },
    80,
  );
  return blocks.filter((b): b is RasterBlock => b.kind === 'raster');
}

describe('a ticket taken in Tibetan', () => {
  it('prints the window type and the validity line drawn in Tibetan above their Chinese text, and pictures it', async () => {
    const hall = await rig.api.hall();
    // The longest Tibetan name of the hall: the most stacks to draw and the likeliest to overflow.
    const type = hall.windowTypes
      .filter((t): t is WindowTypeConfig & { name: { bo: string } } => Boolean(t.name.bo))
      .sort((a, b) => b.name.bo.length - a.name.bo.length)[0]!;
    const validToday = createI18n(catalogue).getFixedT('bo', 'kiosk')('ticket.validToday');

    const page = await openKiosk();
    await setKioskLook(page, { language: 'bo', large: false });
    const printed = rig.printer.nextTicket();
    const number = await takeTicket(page, type.code);
    const ticket = await printed;

    // Every image spans the 80 mm paper (72 bytes a row is 576 dots) and has ink.
    expect(ticket.rasters.length).toBeGreaterThanOrEqual(2);
    for (const raster of ticket.rasters) {
      expect(raster.width).toBe(576);
      expect(raster.bits.length).toBe(72 * raster.height);
      expect(raster.bits.some((byte) => byte !== 0)).toBe(true);
    }
    // They are the Tibetan window type and validity line, dot for dot as the layout draws them.
    const expected = expectedRasters(type.name.bo, validToday);
    expect(ticket.rasters.map((r) => r.bits.toString('base64'))).toEqual(
      expected.map((r) => r.bits.toString('base64')),
    );

    // The Chinese stays text the hall staff can read, each under its Tibetan.
    const text = textLines(ticket);
    expect(text).toContain(number);
    expect(text).toContain(type.name.zh);
    expect(text).toContain('当日有效');
    const order = paperOrder(ticket);
    const typeAt = order.indexOf(type.name.zh);
    expect(order.slice(1, typeAt)).toEqual(Array(expected.length - 1).fill('raster'));
    expect(order.slice(-2)).toEqual(['raster', '当日有效']);
    expect(ticket.cut).toBe(true);

    const size = savePicture(ticket, 'ticket-bo');
    const rasterRows = ticket.rasters.reduce((sum, r) => sum + r.height, 0);
    expect(size.width).toBeGreaterThanOrEqual(576);
    expect(size.height).toBeGreaterThan(rasterRows + text.length * 24);
  });

  it('prints a ticket taken in Chinese all as text, for comparison', async () => {
    const hall = await rig.api.hall();
    const type = hall.windowTypes.find((t) => t.name.bo)!;
    const page = await openKiosk();
    const printed = rig.printer.nextTicket();
    const number = await takeTicket(page, type.code);
    const ticket = await printed;

    expect(ticket.rasters).toEqual([]);
    const text = textLines(ticket);
    expect(text).toContain(number);
    expect(text).toContain(type.name.zh);
    expect(text.at(-1)).toBe('当日有效');
    expect(savePicture(ticket, 'ticket-zh').height).toBeGreaterThan(text.length * 24);
  });
});
