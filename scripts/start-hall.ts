/**
 * What `npm run hall` starts after the build: the queue server with the built-in demo hall, a virtual ticket printer
 * on TCP 9100 (where an Electron kiosk set to `tcp://127.0.0.1:9100` prints; each ticket it receives is logged here,
 * and pictured in data/printed-tickets/: a Tibetan ticket's Tibetan lines are images only a picture shows)
 * the demo pickup locker (simulated lock boards driven by the lock-board agent, scripts/demo-locker.ts), and the
 * demo's ID-card reader and SMS modem (scripts/demo-devices.ts), which take the commands typed in this terminal.
 * All are child processes and stop together: Ctrl-C or SIGTERM here is passed on to each once (the server closes its
 * database cleanly); so is the end of whatever launched this (`npm run hall` stopped by its PID stops npm alone,
 * which leaves pnpm and this script running); and a child whose parent is gone stops by itself (its IPC channel
 * closes), even if this script was killed outright.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const printerPort = process.env.HALLQ_PRINTER_PORT ?? '9100';
/** After a stop request, how long the children get to close before they are killed. */
const STOP_GRACE_MS = 10_000;

const children: ChildProcess[] = [];

function run(name: string, cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: `${root}${cwd}`,
    env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd(), ...env },
    // The IPC channel is each child's lifeline: when this process ends, however it ends, the child sees `disconnect`.
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    // Its own process group: a Ctrl-C reaches the children once, through the handler below, not twice; and a stop
    // reaches what a child started itself (the locker's socat) with it.
    detached: true,
  });
  child
    .stderr!.setEncoding('utf8')
    .on('data', (d: string) => process.stderr.write(name === 'server' ? d : `[${name}] ${d}`));
  children.push(child);
  return child;
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Signals a child's whole process group (the child and what it started), or the child alone where there are none. */
function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  if (!running(child) || child.pid === undefined) return;
  try {
    if (process.platform === 'win32') child.kill(sig);
    else process.kill(-child.pid, sig);
  } catch {
    // Already gone.
  }
}

const printer = run('printer', 'packages/devices', [
  'src/printer/virtual-printer-cli.ts',
  '--port',
  printerPort,
  '--host',
  '127.0.0.1',
  '--png-dir',
  `${root}data/printed-tickets`,
]);
printer.once('exit', (code) => {
  if (code) console.error(`[printer] the virtual printer stopped; the hall runs on without it`);
});
// The demo's SMS modem is linked at a fixed path (scripts/demo-devices.ts): the server sends its notices there.
const server = run('server', 'apps/queue-server', ['src/main.ts', ...process.argv.slice(2)], {
  HALLQ_DEMO_SMS_MODEM: `${root}data/devices/sms-modem`,
});
const locker = run('locker', '', ['scripts/demo-locker.ts']);
const devices = run('devices', '', ['scripts/demo-devices.ts']);

// Lines typed here go to the demo's card reader and modem: `card place zhang-san`, `modem fail 500` (the README).
const typed = createInterface({ input: process.stdin });
typed.on('line', (line) => {
  if (running(devices) && devices.connected) devices.send(line);
});

let stopping = false;
function stopAll(sig: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  // The terminal is read no more: nothing but the children keeps this process now.
  typed.close();
  process.stdin.destroy();
  signal(server, sig);
  signal(printer, 'SIGTERM');
  signal(locker, 'SIGTERM');
  signal(devices, 'SIGTERM');
  setTimeout(() => {
    for (const child of children) signal(child, 'SIGKILL');
    process.exit(process.exitCode ?? 1);
  }, STOP_GRACE_MS).unref();
}

server.once('exit', (code, sig) => {
  process.exitCode = code ?? (sig ? 1 : 0);
  stopAll('SIGTERM');
});

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => stopAll(sig));
// Every other way out (an error in this script included): no child outlives it.
process.on('exit', () => {
  for (const child of children) signal(child, 'SIGTERM');
});

/**
 * The processes that launched this one: its parent and, under `npm run hall`, every package-manager process and shell
 * up to npm itself (each but npm has the script's `npm_lifecycle_event` in its environment). Linux only; elsewhere
 * the parent alone.
 */
function launchers(): number[] {
  const pids = [process.ppid];
  if (process.platform !== 'linux') return pids;
  try {
    let pid = process.ppid;
    while (pid > 1 && `\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes('\0npm_lifecycle_event=')) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!(pid > 1)) break;
      // The package manager that ran the script, not the user's shell above it (a hall left running with nohup).
      const launcher = `\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes('\0npm_lifecycle_event=');
      if (!launcher && !/npm|npx|pnpm/.test(readFileSync(`/proc/${pid}/cmdline`, 'latin1'))) break;
      pids.push(pid);
    }
  } catch {
    // A process that went away while looking, or no /proc: watch what was found.
  }
  return pids;
}

/** Gone, or a zombie nobody has reaped yet (what an orphaned launcher becomes where no init reaps). */
const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  if (process.platform !== 'linux') return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
};

const watched = launchers();
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent || watched.some(gone)) {
    console.error('the process that started the hall has ended: stopping the hall');
    stopAll('SIGTERM');
  }
}, 500).unref();
