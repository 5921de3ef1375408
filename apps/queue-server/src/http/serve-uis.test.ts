import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { serveUis } from './serve-uis';

const TOKEN = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** A Fastify app serving the pages of a temporary `apps/` folder, built or not. */
async function pagesFrom(built: boolean) {
  const appsDir = mkdtempSync(join(tmpdir(), 'hallq-uis-'));
  if (built) {
    mkdirSync(join(appsDir, 'kiosk', 'dist', 'phone'), { recursive: true });
    writeFileSync(join(appsDir, 'kiosk', 'dist', 'index.html'), '<title>kiosk</title>');
    writeFileSync(
      join(appsDir, 'kiosk', 'dist', 'phone', 'index.html'),
      '<title>phone</title><script type="module" src="/kiosk/assets/phone.js"></script>',
    );
  }
  const app = Fastify();
  apps.push(app);
  await serveUis(app, appsDir);
  return app;
}

describe('the phone page at /t/:token', () => {
  it('serves the kiosk build’s phone page for any well-formed token, its assets under /kiosk/', async () => {
    const app = await pagesFrom(true);
    const page = await app.inject({ method: 'GET', url: `/t/${TOKEN}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>phone</title>');
    expect(page.body).toContain('/kiosk/assets/phone.js');
    expect((await app.inject({ method: 'GET', url: '/kiosk/' })).body).toContain('<title>kiosk</title>');
  });

  it('answers 404 for a malformed token', async () => {
    const app = await pagesFrom(true);
    for (const url of ['/t/short', `/t/${'a'.repeat(65)}`, '/t/not%20a%20token%20at%20all']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });

  it('answers 503 with the plain build message, like the other pages, when the kiosk is not built', async () => {
    const app = await pagesFrom(false);
    const page = await app.inject({ method: 'GET', url: `/t/${TOKEN}` });
    const kiosk = await app.inject({ method: 'GET', url: '/kiosk/' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(page.body).toMatch(/pnpm build/);
    expect(page.body).toBe(kiosk.body);
  });
});

describe('the icon at /favicon.ico', () => {
  it('answers every page’s request for it with an icon, whether or not the pages are built', async () => {
    for (const built of [true, false]) {
      const app = await pagesFrom(built);
      const icon = await app.inject({ method: 'GET', url: '/favicon.ico' });
      expect(icon.statusCode).toBe(200);
      expect(icon.headers['content-type']).toBe('image/x-icon');
      // An ICO file: reserved 0, type 1 (icon), then how many images it holds.
      expect([...icon.rawPayload.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
      expect(icon.rawPayload.readUInt16LE(4)).toBeGreaterThan(0);
    }
  });
});
