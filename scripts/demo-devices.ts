/**
 * The demo hall's ID-card reader and SMS modem, as `npm run hall` runs them: each simulator on a socat pty pair, the
 * driver's end linked at a fixed path in data/devices/ (the server's notices go out through `sms-modem`; a kiosk shell
 * reads cards from `id-card-reader`, with the settings written to `kiosk-1.json`). Commands typed in the hall's
 * terminal reach this process over its IPC channel: `card place zhang-san`, `card remove`, `modem fail 500` …
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  describeSms,
  hasSocat,
  MODEM_COMMANDS,
  READER_COMMANDS,
  runModemCommand,
  runReaderCommand,
  simulatedIdCardReader,
  simulatedSmsModemLine,
} from '@hallq/devices/simulation';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEVICES_DIR = join(root, 'data', 'devices');
const port = process.env.HALLQ_PORT ?? '8080';
const printerPort = process.env.HALLQ_PRINTER_PORT ?? '9100';
/** A delivery report comes this long after the network took the text, as a real one takes seconds. */
const DELIVERY_AFTER_MS = 3000;

if (!hasSocat()) {
  console.error('no socat (apt-get install socat): the demo card reader and SMS modem are not started');
  process.exit(0);
}

/** The driver's end of a pty, at a path that stays the same from one start to the next. */
function link(name: string, target: string): string {
  const path = join(DEVICES_DIR, name);
  rmSync(path, { force: true });
  symlinkSync(target, path);
  return path;
}

mkdirSync(DEVICES_DIR, { recursive: true });
const [reader, modem] = await Promise.all([
  simulatedIdCardReader(),
  simulatedSmsModemLine({ deliveryDelayMs: DELIVERY_AFTER_MS }),
]);
const readerPath = link('id-card-reader', reader.path);
link('sms-modem', modem.path);
writeFileSync(
  join(DEVICES_DIR, 'kiosk-1.json'),
  JSON.stringify(
    {
      serverUrl: `http://127.0.0.1:${port}`,
      kioskId: 'kiosk-1',
      deviceKey: 'demo-kiosk',
      printer: `tcp://127.0.0.1:${printerPort}`,
      paperWidth: 80,
      idCardReader: { path: readerPath },
    },
    null,
    2,
  ),
);

reader.simulator.on('reply', (r) => {
  if (r.command === 'readBaseInfo' && r.status === 0x90) console.log('[card] read by the kiosk');
});
modem.simulator.on('sent', (sms) => console.log(`[modem] SMS to ${describeSms(sms)}`));
modem.simulator.on('report', (r) => console.log(`[modem] delivery report for ${r.reference}: TP-ST ${r.statusCode}`));

/** A line typed in the hall's terminal: `card …` for the reader, `modem …` for the modem. */
function command(line: string): void {
  const [device, ...rest] = line.trim().split(/\s+/);
  const text = rest.join(' ');
  try {
    const said =
      device === 'card'
        ? runReaderCommand(reader.simulator, text)
        : device === 'modem'
          ? runModemCommand(modem.simulator, text)
          : null;
    if (device !== 'card' && device !== 'modem') {
      if (device) console.error(`[devices] card ${READER_COMMANDS}\n[devices] modem ${MODEM_COMMANDS}`);
      return;
    }
    if (said !== null) console.log(`[${device}] ${said}`);
  } catch (err) {
    console.error(`[${device}] ${(err as Error).message}`);
  }
}

process.on('message', (message) => {
  if (typeof message === 'string') command(message);
});

const stop = () => {
  void Promise.all([reader.close(), modem.close()]).finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Started by `npm run hall`: stop when it ends, however it ends (its IPC channel closes), taking socat along.
if (process.send) process.once('disconnect', stop);
