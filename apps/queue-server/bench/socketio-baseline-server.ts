/**
 * The bare socket.io baseline, run as a child process of the benchmark: an HTTP server with socket.io and nothing
 * else. On command (IPC) it emits `count` messages to every connected client, one every `intervalMs`, each carrying
 * the send time from process.hrtime.bigint() (CLOCK_MONOTONIC on Linux: the same clock the benchmark process reads).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

interface RunCommand {
  type: 'run';
  count: number;
  intervalMs: number;
  padBytes: number;
}

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });

httpServer.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (httpServer.address() as AddressInfo).port });
});

process.on('message', (message: RunCommand) => {
  if (message.type !== 'run') return;
  const pad = 'x'.repeat(message.padBytes);
  const count = Math.min(message.count, 100_000);
  let sent = 0;
  const timer = setInterval(() => {
    io.emit('tick', { i: sent, t: process.hrtime.bigint().toString(), pad });
    sent += 1;
    if (sent >= count) {
      clearInterval(timer);
      process.send?.({ type: 'done', sent });
    }
  }, message.intervalMs);
});

// The benchmark went away: stop too.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
