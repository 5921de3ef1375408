import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const appDist = (app: string) => fileURLToPath(new URL(`../../../${app}/dist/`, import.meta.url));

/** The built web UIs, so any browser on the LAN can stand in for an Electron shell. */
export async function serveUis(app: FastifyInstance): Promise<void> {
  const mounts: { prefix: string; root: string }[] = [
    { prefix: '/kiosk/', root: appDist('kiosk') },
    { prefix: '/counter/', root: `${appDist('counter-display')}counter/` },
    { prefix: '/display/', root: `${appDist('counter-display')}display/` },
    { prefix: '/manager/', root: `${appDist('counter-display')}manager/` },
    { prefix: '/assets/', root: `${appDist('counter-display')}assets/` },
  ];
  let decorated = false;
  for (const { prefix, root } of mounts) {
    if (!existsSync(root)) {
      app.get(prefix, async (_request, reply) =>
        reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(`This page has not been built yet: run "pnpm build" at the repository root, then restart.`),
      );
      continue;
    }
    await app.register(fastifyStatic, { root, prefix, decorateReply: !decorated, wildcard: true });
    decorated = true;
  }
}
