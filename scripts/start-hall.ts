/**
 * What `npm run hall` starts after the build: the queue server with the built-in demo hall, a virtual ticket printer
 * on TCP 9100 (where an Electron kiosk set to `tcp://127.0.0.1:9100` prints; each ticket it receives is logged here)
 * and the demo pickup locker (simulated lock boards driven by the lock-board agent, scripts/demo-locker.ts).
 * All are child processes; Ctrl-C or SIGTERM is passed on to each once, and the server closes its database cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const printerPort = process.env.HALLQ_PRINTER_PORT ?? '9100';

function run(name: string, cwd: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: `${root}${cwd}`,
    env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
    stdio: ['ignore', 'inherit', 'pipe'],
    // Its own process group: a Ctrl-C reaches the children once, through the handler below, not twice.
    detached: true,
  });
  child
    .stderr!.setEncoding('utf8')
    .on('data', (d: string) => process.stderr.write(name === 'server' ? d : `[${name}] ${d}`));
  return child;
}

const printer = run('printer', 'packages/devices', [
  'src/printer/virtual-printer-cli.ts',
  '--port',
  printerPort,
  '--host',
  '127.0.0.1',
]);
printer.once('exit', (code) => {
  if (code)
    console.error(`[printer] the virtual printer stopped (port ${printerPort} in use?); the hall runs on without it`);
});
const server = run('server', 'apps/queue-server', ['src/main.ts', ...process.argv.slice(2)]);
const locker = run('locker', '', ['scripts/demo-locker.ts']);
server.once('exit', (code, signal) => {
  printer.kill('SIGTERM');
  locker.kill('SIGTERM');
  process.exitCode = code ?? (signal ? 1 : 0);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.kill(signal);
    printer.kill('SIGTERM');
    locker.kill('SIGTERM');
  });
}
