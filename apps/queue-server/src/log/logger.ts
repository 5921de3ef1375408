import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import pinoRoll from 'pino-roll';

export type HallLog = Logger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Fields that can hold a citizen's data or a secret, wherever a log line carries them (at its top level or one level
 * down): no line is meant to carry them, and this keeps one that does by mistake from writing them out.
 */
const PRIVATE_FIELDS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'statusToken',
  'key',
  'phone',
  'idNumber',
  'idCard',
  'name',
  'applicantName',
  'code',
  'appointmentCode',
  'pickupCode',
  'body',
  'query',
  'url',
];

export const REDACT = {
  paths: [
    ...PRIVATE_FIELDS,
    ...PRIVATE_FIELDS.map((field) => `*.${field}`),
    // Where pino's and fastify's request serializers put them.
    'req.headers.authorization',
    'req.headers.cookie',
  ],
  censor: '[redacted]',
};

/** A file a day (a new one past `size` too), the newest `count` kept: about a month of a busy hall's requests. */
export interface Rotation {
  /** pino-roll's size: a number with k, m or g. */
  size: string;
  count: number;
}

export const ROTATION: Rotation = { size: '10m', count: 30 };

/** The log file's name before pino-roll adds the day and a number: `hallq.2026-12-05.1.log`. */
export const LOG_FILE = 'hallq.log';

/**
 * The rotating file. Written synchronously: a line is on disk before the process can exit (main exits right after
 * the server closes), and a hall's few requests a second cost nothing to write at once.
 */
export function rollingFile(logsDir: string, rotation: Rotation = ROTATION) {
  return pinoRoll({
    file: join(logsDir, LOG_FILE),
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    size: rotation.size,
    // Files of earlier runs count too, so a restart does not reset the retention.
    limit: { count: rotation.count, removeOtherLogFiles: true },
    mkdir: true,
    sync: true,
  });
}

const baseOptions = { redact: REDACT, timestamp: pino.stdTimeFunctions.isoTime };

export interface HallLogOptions {
  level?: LogLevel;
  /** Also on stdout, one readable line each (the default); tests keep their output quiet with false. */
  console?: boolean;
  rotation?: Rotation;
}

export interface OpenedLog {
  log: HallLog;
  /** Closes the file; lines logged after it are dropped. */
  close(): void;
}

/** The server's log: JSON lines in `<dataDir>/logs/`, and the same lines readable on the console. */
export async function openHallLog(dataDir: string, options: HallLogOptions = {}): Promise<OpenedLog> {
  const level = options.level ?? 'info';
  const file = await rollingFile(join(dataDir, 'logs'), options.rotation);
  // The logger's level filters; each stream takes whatever passes it.
  const streams: pino.StreamEntry[] = [{ level: 'trace', stream: file }];
  if (options.console !== false) {
    const readable = pretty({
      destination: 1,
      sync: true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
    });
    streams.push({ level: 'trace', stream: readable });
  }
  const log = pino({ ...baseOptions, level }, pino.multistream(streams));
  return {
    log,
    close: () => {
      // A timer's late line must not throw at a closed file.
      log.level = 'silent';
      file.end();
    },
  };
}

/** For code run outside a server (a script, a module's own test): JSON lines on stderr, redacted alike. */
export const stderrLog: HallLog = pino(baseOptions, pino.destination({ dest: 2, sync: true }));
