import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 now, for a server a test or benchmark starts in another process (which cannot be handed
 * port 0 and asked back). The port is released before it is used: another process could take it meanwhile, which on
 * a test machine does not happen in practice.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
