import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { HallConfig } from '@hallq/shared/contracts';
import { Authenticator } from './auth/authenticator';
import { LowPriorityHasher } from './auth/hash-process';
import { NightlyBackup } from './backup/nightly-backup';
import { openDatabase, type HallDatabase } from './db/open-database';
import { buildApp } from './http/build-app';
import { capConnectionsPerAddress, connectionLimits, type ConnectionLimits } from './http/connection-limits';
import { openHallLog, type HallLogOptions } from './log/logger';
import { serveUis } from './http/serve-uis';
import { startNotices, type NoticeServices } from './notices/notice-services';
import { LOCKER_ROOM_PREFIX, attachRealtime } from './realtime/attach-realtime';
import { EventHub } from './realtime/event-hub';
import type { HallIo } from './realtime/hall-io';
import { createHallServices, type HallServices } from './service/hall-services';
import { LockerService } from './service/locker-service';
import { Credentials } from './settings/credentials';
import { HallStore } from './store/hall-store';
import { LockerStore } from './store/locker-store';

// From src/server.ts and from the built dist/main.js alike, `..` is the package folder.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export interface HallServerOptions {
  hall: HallConfig;
  dataDir: string;
  /** The installation's keys, apart from the data (default: `<dataDir>-keys`). */
  keysDir?: string;
  port?: number;
  host?: string;
  /** The hall's clock; tests pass their own. */
  clock?: () => Date;
  /** Request timeouts and the per-address connection cap; the defaults for what is left out. */
  limits?: Partial<ConnectionLimits>;
  /** The password hashing process's nice value (default 19, the lowest priority; tests run it at 0). */
  hashingNice?: number;
  /** The report worker thread's priority (19, the lowest, unless said): tests, keeping every core busy, say 0. */
  reportsNice?: number;
  /** The log in `<dataDir>/logs/` and on the console: its level, and whether the console has it (tests say no). */
  log?: HallLogOptions;
}

/** Listening failed because another process holds the port: said in one line, as an operator can act on it. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use: another hall running? stop it or choose --port`);
    this.name = 'PortInUseError';
  }
}

export interface HallServer {
  url: string;
  port: number;
  services: HallServices;
  /** The notice queue, its actions and reminders: tests wake the sender (`queue.nudge()`) after moving the clock. */
  notices: NoticeServices;
  /** The open database: its storage watch, and for tests that must make the disk refuse a write. */
  database: HallDatabase;
  close(): Promise<void>;
}

/** Opens the database, resumes the day and listens. */
const CLOSE_GRACE_MS = 1000;

export async function startHallServer(options: HallServerOptions): Promise<HallServer> {
  const clock = options.clock ?? (() => new Date());
  const logFile = await openHallLog(options.dataDir, options.log);
  const { log } = logFile;
  let db: HallDatabase;
  try {
    db = openDatabase(options.dataDir, { keysDir: options.keysDir, log });
  } catch (error) {
    logFile.close();
    throw error;
  }
  const store = new HallStore(db);
  // Above every number a previous run may have published (they were reserved before use), so seq never goes back.
  const hub = new EventHub(store.reservedSeq(), (upTo) => store.reserveSeq(upTo));
  const services = createHallServices({
    hall: options.hall,
    store,
    clock,
    publish: hub.publish,
    log,
    ...(options.reportsNice !== undefined && { reportsNice: options.reportsNice }),
  });
  const relay: { io?: HallIo } = {};
  const notices = startNotices({
    db,
    hallStore: store,
    pipeline: services.pipeline,
    hall: () => services.today.hall,
    clock,
    publish: hub.publish,
    log,
  });
  let lockers: LockerService;
  try {
    lockers = new LockerService({
      pipeline: services.pipeline,
      today: services.today,
      hallStore: store,
      store: new LockerStore(db),
      clock,
      log,
      notices: notices.queue,
      // Nothing is lost before the socket layer exists: a locker gets its pending commands when it connects.
      sendCommands: (locker, commands) =>
        relay.io?.to(`${LOCKER_ROOM_PREFIX}${locker}`).emit('lockerCommands', commands),
    });
  } catch (error) {
    // The lockers refuse a hall file that would forget an item (LockerState.load): nothing may stay open.
    await notices.close();
    await services.close();
    await db.close();
    logFile.close();
    throw error;
  }
  const auth = new Authenticator(services.today, store, clock, new LowPriorityHasher(options.hashingNice), log);
  const credentials = new Credentials(store, services.today, services.pipeline, auth);
  // What a change of the settings reaches beyond today's state: who may log in, which keys work, the lockers' doors.
  services.settings.watch({ apply: () => auth.refresh() });
  services.settings.watch({
    check: (after) => lockers.settingsProblems(after),
    apply: (hall) => lockers.useHall(hall),
  });
  services.followUps.remindWith(notices.followUps);
  // A new `notices` section in the settings gets its sender at once.
  services.settings.watch({ apply: (hall) => notices.queue.useHall(hall) });
  // Requests that expired while the server was down are recorded before anyone connects.
  await services.ratings.expireOverdue();
  const limits = connectionLimits(options.limits);
  const { backup } = options.hall;
  const nightly = backup
    ? new NightlyBackup({
        db: db.write,
        config: backup,
        dataDir: options.dataDir,
        timeZone: options.hall.timeZone,
        clock,
      })
    : undefined;
  const app = buildApp({
    services,
    lockers,
    notices,
    auth,
    credentials,
    version,
    seq: () => hub.seq,
    storage: db.storage,
    limits,
    log,
    nightly,
  });
  capConnectionsPerAddress(app.server, limits.maxConnectionsPerAddress);
  await serveUis(app);
  const io = attachRealtime(app.server, { services, lockers, auth, hub, log });
  relay.io = io;
  try {
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    // Nothing may stay open: the caller reports the failure and exits, or tries another port.
    await notices.close().catch(() => undefined);
    await services.close().catch(() => undefined);
    await lockers.close().catch(() => undefined);
    io.close();
    await app.close().catch(() => undefined);
    auth.close();
    await db.close();
    logFile.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(options.port ?? 0);
    throw error;
  }
  const port = (app.server.address() as AddressInfo).port;
  nightly?.start();
  let closing: Promise<void> | undefined;
  return {
    url: `http://${options.host === '0.0.0.0' || options.host === undefined ? '127.0.0.1' : options.host}:${port}`,
    port,
    services,
    notices,
    database: db,
    close() {
      closing ??= (async () => {
        // A backup in progress reads the database: it finishes before the database closes.
        await nightly?.stop();
        // The notice sender stops first: a send under way is cut off, its notice still pending for the next start.
        await notices.close();
        await services.close();
        await lockers.close();
        io.disconnectSockets(true);
        const closed = new Promise<void>((resolve) => io.close(() => resolve()));
        // Browsers keep HTTP connections open (keep-alive, a long poll); every write is already settled, so after a
        // short grace they are cut rather than holding an operator's Ctrl-C or a restart for minutes.
        const grace = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
        await closed;
        clearTimeout(grace);
        await app.close().catch(() => undefined);
        auth.close();
        await db.close();
        logFile.close();
      })();
      return closing;
    },
  };
}
