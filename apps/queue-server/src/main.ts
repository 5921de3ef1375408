import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { readCliOptions } from './cli-options';
import { ignoringHours } from './config/ignore-hours';
import { DEMO_HALL_PATH, HallConfigError, demoSecretsIn, loadHallConfig } from '@hallq/hall-file';
import { NoticesConfig } from '@hallq/shared/contracts';
import { generateHistory } from './history/demo-history';
import { startHallServer } from './server';

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

async function main(): Promise<void> {
  const options = readCliOptions(process.argv.slice(2), process.env);
  // Relative paths are the user's: pnpm runs this script from the package folder but keeps theirs in INIT_CWD.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const dataDir = resolve(cwd, options.dataDir);
  const keysDir = resolve(cwd, options.keysDir ?? `${dataDir}-keys`);
  const demo = options.configPath === undefined;
  let hall = loadHallConfig(demo ? DEMO_HALL_PATH : resolve(cwd, options.configPath!));
  if (demo && !options.noHistory) {
    // Played with the hall's real hours (before --ignore-hours), so the month has its mornings, lunches and closings.
    const started = performance.now();
    const played = await generateHistory({ hall, dataDir, keysDir });
    if (played) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `demo history: played ${played.days} past working days (${played.tickets} tickets) in ${seconds} s (--no-history skips it)`,
      );
    }
  }
  if (options.ignoreHours) hall = ignoringHours(hall);
  // `npm run hall` runs a simulated SMS modem beside the demo hall (scripts/demo-devices.ts): notices go out through it.
  const demoModem = process.env.HALLQ_DEMO_SMS_MODEM;
  if (demo && demoModem)
    hall = { ...hall, notices: NoticesConfig.parse({ sender: 'modem', modem: { path: demoModem } }) };
  // The demo hall's credentials are published: it stays on this machine unless asked in so many words (--host).
  const host = options.host ?? (demo ? '127.0.0.1' : '0.0.0.0');
  const loopback = host === '127.0.0.1' || host === '::1' || host === 'localhost';
  const copied = demo ? [] : demoSecretsIn(hall);
  if (copied.length > 0 && !loopback) {
    throw new HallConfigError(options.configPath!, [
      ...copied.map((place) => `${place} is published with the project: refused on a network`),
      'give each its own password or key (scripts/hash-password.ts), or try the file on 127.0.0.1 (--host 127.0.0.1)',
    ]);
  }
  const server = await startHallServer({
    hall,
    dataDir,
    keysDir,
    port: options.port,
    host,
    log: { level: options.logLevel },
    ...(options.maxConnectionsPerAddress !== undefined && {
      limits: { maxConnectionsPerAddress: options.maxConnectionsPerAddress },
    }),
  });

  const hosts = host === '0.0.0.0' ? ['127.0.0.1', ...lanAddresses()] : [host];
  const lines = [
    `HallQ queue server — ${hall.name.zh}`,
    `listening on ${host}:${server.port}${loopback ? ' (this machine only)' : ''}`,
    `data: ${dataDir}`,
    `keys: ${keysDir} (back up apart from the data)`,
    '',
  ];
  for (const host of hosts) {
    const base = `http://${host}:${server.port}`;
    lines.push(
      // Demo device keys ride in the URLs so a browser can stand in for each device; a real one keeps its key in its shell.
      `  kiosk           ${base}/kiosk/${demo ? '?key=demo-kiosk' : ''}`,
      `  counter panel   ${base}/counter/${demo ? '?window=1' : ''}`,
      `  hall display    ${base}/display/${demo ? '?key=demo-display' : ''}`,
      `  manager         ${base}/manager/   (chief representatives too: their department)`,
      `  guide desk      ${base}/guide/`,
      `  window screen   ${base}/window/${demo ? '?window=1&key=demo-window-1' : ''}`,
      `  rating pad      ${base}/rating/${demo ? '?window=1&key=demo-rating-1' : ''}`,
      `  API             ${base}/api/health   (OpenAPI: ${base}/api/openapi.json)`,
      '',
    );
  }
  if (options.ignoreHours)
    lines.push('Opening hours are ignored (--ignore-hours): every window type takes tickets now.');
  if (demo) {
    lines.push(
      'WARNING: this is the built-in demo hall with demonstration credentials. Do not use them in a real hall.',
      '  staff: admin / admin (manager); c01 … c20 / demo (clerk cNN holds the A post of window NN, the B post of NN+1)',
      '         z01 … z03 / demo (chief representatives); g01 (一楼), g02 (二楼) / demo (floor guides, /guide/)',
      '  device keys: demo-kiosk (一楼), demo-kiosk-2 (二楼), demo-display, demo-locker; demo-window-N and demo-rating-N',
      '               for window N (1 … 20)',
      demoModem
        ? '  pickup locker: deposit at the counter panel of window 20 (c20, F8); the notice with the pickup code goes out\n' +
            "               by SMS through the simulated modem (shown here) and into the manager's 通知发件箱"
        : "  pickup locker: deposit at the counter panel of window 20 (c20, F8); the notice is in the manager's 通知发件箱",
    );
    if (demoModem)
      lines.push(
        '  ID-card reader and SMS modem (simulated), typed here: card place zhang-san (ouyang-nana, wang-jianguo,',
        '               ayigul-mamat) · card remove · card silent · modem fail 500 · modem nosim · modem deliver',
        '               a kiosk shell reading the card: --settings data/devices/kiosk-1.json (README, 刷证)',
      );
  }
  console.log(lines.join('\n'));

  const stop = (signal: string) => {
    console.log(`\n${signal}: closing connections and the database…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  // Started by `npm run hall` (scripts/start-hall.ts): its IPC channel closes when it ends, however it ends.
  if (process.send) process.once('disconnect', () => stop('the hall launcher ended'));
}

main().catch((error: unknown) => {
  if (error instanceof HallConfigError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
