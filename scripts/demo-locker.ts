/**
 * The demo hall's pickup locker (locker-1, key demo-locker), as `npm run hall` runs it: simulated lock boards on a
 * socat pty pair, driven by the same lock-board agent (@hallq/devices) as the kiosk shell of a locker PC. A deposit
 * made at the counter panel (window 20, c20 / demo) opens a simulated door; since nobody stands at the cabinet, every
 * door closes by itself a few seconds after it opened, and the notice with the pickup code appears in the manager
 * console's outbox.
 * Collecting needs the kiosk shell on the locker PC (its renderer asks the main process to open the door).
 */
import { keepLockerService } from '@hallq/devices';
import { hasSocat, simulatedLockLine } from '@hallq/devices/simulation';

const serverUrl = process.env.HALLQ_DEMO_SERVER ?? `http://127.0.0.1:${process.env.HALLQ_PORT ?? '8080'}`;
const CLOSE_AFTER_MS = Number(process.env.HALLQ_DEMO_DOOR_CLOSE_MS ?? 8000);

if (!hasSocat()) {
  console.error('no socat (apt-get install socat): the demo locker is not started; the hall runs on without it');
  process.exit(0);
}

// Cabinet A on board 1, cabinet B on board 2, as in the demo hall file.
const line = await simulatedLockLine({ addresses: [1, 2] });
line.simulator.on('door', ({ address, channel, open }) => {
  const door = `${address === 1 ? 'A' : 'B'}${String(channel).padStart(2, '0')}`;
  console.log(`[locker] door ${door} ${open ? `opened (closes by itself in ${CLOSE_AFTER_MS / 1000} s)` : 'closed'}`);
  if (open) setTimeout(() => line.simulator.board(address).close(channel), CLOSE_AFTER_MS).unref();
});
const service = keepLockerService({
  serverUrl,
  locker: { deviceKey: 'demo-locker', serialPath: line.path, baudRate: 9600 },
  log: (l) => console.log(`[locker] ${l}`),
});

const stop = () => {
  void service
    .stop()
    .then(() => line.close())
    .finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Started by `npm run hall`: stop when it ends, however it ends (its IPC channel closes), taking socat along.
if (process.send) process.once('disconnect', stop);
