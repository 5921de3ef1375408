import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { StatusTokenParam } from '@hallq/shared/contracts';

/** Defined by the build (scripts/build-server.ts): this code then runs from dist/main.js, a folder nearer the root. */
declare const HALLQ_BUNDLED: true | undefined;
const bundled = typeof HALLQ_BUNDLED !== 'undefined';
/** The folder holding the apps (`apps/`), whose `*\/dist/` the pages are built into. */
const APPS_DIR = fileURLToPath(new URL(bundled ? '../../' : '../../../', import.meta.url));
/** Shipped with the server rather than with a page build: browsers ask for it on every page, built or not. */
const FAVICON = fileURLToPath(new URL(bundled ? '../assets/favicon.ico' : '../../assets/favicon.ico', import.meta.url));

const NOT_BUILT = `This page has not been built yet: run "pnpm build" at the repository root, then restart.`;
const notBuilt = (reply: FastifyReply) => reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);

/** The built web UIs, so any browser on the LAN can stand in for an Electron shell. */
export async function serveUis(app: FastifyInstance, appsDir = APPS_DIR): Promise<void> {
  const appDist = (name: string) => join(appsDir, name, 'dist') + '/';
  const mounts: { prefix: string; root: string }[] = [
    { prefix: '/kiosk/', root: appDist('kiosk') },
    { prefix: '/counter/', root: `${appDist('counter-display')}counter/` },
    { prefix: '/display/', root: `${appDist('counter-display')}display/` },
    { prefix: '/manager/', root: `${appDist('counter-display')}manager/` },
    { prefix: '/guide/', root: `${appDist('counter-display')}guide/` },
    { prefix: '/window/', root: `${appDist('counter-display')}window/` },
    { prefix: '/rating/', root: `${appDist('counter-display')}rating/` },
    { prefix: '/assets/', root: `${appDist('counter-display')}assets/` },
  ];
  const favicon = await readFile(FAVICON);
  app.get('/favicon.ico', async (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(favicon),
  );

  let decorated = false;
  for (const { prefix, root } of mounts) {
    if (!existsSync(root)) {
      app.get(prefix, async (_request, reply) => notBuilt(reply));
      continue;
    }
    await app.register(fastifyStatic, { root, prefix, decorateReply: !decorated, wildcard: true });
    decorated = true;
  }

  // The phone page behind a ticket's QR code. It is the kiosk build's second page (base /kiosk/, so its assets load
  // from /kiosk/assets/); the page reads the token from its own address.
  const phonePage = `${appDist('kiosk')}phone/index.html`;
  const built = existsSync(phonePage);
  app.get('/t/:token', async (request, reply) => {
    if (!StatusTokenParam.safeParse(request.params).success) {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('No ticket here: check the address on your ticket.');
    }
    if (!built) return notBuilt(reply);
    // Read on each request: a rebuild while the server runs is served at once, and the file is small.
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(await readFile(phonePage));
  });
}
