import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { serveUis } from './serve-uis';

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

const PAGES = ['counter', 'display', 'manager', 'window', 'rating'];

/** A Fastify app serving a temporary `apps/` folder whose counter-display build holds `pages`. */
async function counterDisplayBuild(pages: string[]) {
  const appsDir = mkdtempSync(join(tmpdir(), 'hallq-uis-'));
  const dist = join(appsDir, 'counter-display', 'dist');
  for (const page of pages) {
    mkdirSync(join(dist, page), { recursive: true });
    writeFileSync(join(dist, page, 'index.html'), `<title>${page}</title><script src="/assets/${page}.js"></script>`);
  }
  if (pages.length > 0) {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'rating.js'), 'export {};');
  }
  const app = Fastify();
  apps.push(app);
  await serveUis(app, appsDir);
  return app;
}

describe('the counter-display pages', () => {
  it('serves the window screen at /window/ and the rating pad at /rating/ beside the others, assets under /assets/', async () => {
    const app = await counterDisplayBuild(PAGES);
    for (const page of PAGES) {
      const reply = await app.inject({ method: 'GET', url: `/${page}/?window=3&key=demo-${page}-3` });
      expect(reply.statusCode, page).toBe(200);
      expect(reply.body).toContain(`<title>${page}</title>`);
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/rating.js' });
    expect(asset.statusCode).toBe(200);
  });

  it('answers the window screen and rating pad with the build message until they are built', async () => {
    const app = await counterDisplayBuild([]);
    for (const url of ['/window/', '/rating/']) {
      const reply = await app.inject({ method: 'GET', url });
      expect(reply.statusCode, url).toBe(503);
      expect(reply.body).toMatch(/pnpm build/);
    }
  });
});
