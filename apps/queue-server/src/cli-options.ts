import { parseArgs } from 'node:util';
import { LOG_LEVELS, type LogLevel } from './log/logger';

export interface CliOptions {
  port: number;
  /** Unset: loopback for the demo hall, every interface for a hall file of its own. */
  host: string | undefined;
  dataDir: string;
  /** The installation's keys (they key the ID-number and pickup-code hashes): apart from the data, backed up apart. */
  keysDir: string | undefined;
  configPath: string | undefined;
  ignoreHours: boolean;
  /** Open connections one client address may hold (the benchmark, from one address, raises it). */
  maxConnectionsPerAddress: number | undefined;
  /** The demo hall starts on a fresh data directory with a month of played history, unless this says not to. */
  noHistory: boolean;
  /** The least a line must weigh to be logged, in the file and on the console. */
  logLevel: LogLevel;
}

/** Flags win over the environment (HALLQ_PORT, HALLQ_HOST, HALLQ_DATA_DIR, HALLQ_KEYS_DIR, HALLQ_CONFIG, HALLQ_IGNORE_HOURS,
 * HALLQ_MAX_CONNECTIONS_PER_ADDRESS, HALLQ_NO_HISTORY, HALLQ_LOG_LEVEL). */
export function readCliOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'keys-dir': { type: 'string' },
      config: { type: 'string' },
      'ignore-hours': { type: 'boolean' },
      'max-connections-per-address': { type: 'string' },
      'no-history': { type: 'boolean' },
      'log-level': { type: 'string' },
    },
    strict: true,
  });
  const portText = values.port ?? env.HALLQ_PORT ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port: "${portText}" is not a port number`);
  const capText = values['max-connections-per-address'] ?? env.HALLQ_MAX_CONNECTIONS_PER_ADDRESS;
  const cap = capText === undefined ? undefined : Number(capText);
  if (cap !== undefined && (!Number.isInteger(cap) || cap < 1))
    throw new Error(`max-connections-per-address: "${capText}" is not a positive whole number`);
  const logLevel = values['log-level'] ?? env.HALLQ_LOG_LEVEL ?? 'info';
  if (!isLogLevel(logLevel)) throw new Error(`log-level: "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}`);
  return {
    port,
    host: values.host ?? env.HALLQ_HOST ?? undefined,
    dataDir: values['data-dir'] ?? env.HALLQ_DATA_DIR ?? './data',
    keysDir: values['keys-dir'] ?? env.HALLQ_KEYS_DIR ?? undefined,
    configPath: values.config ?? env.HALLQ_CONFIG ?? undefined,
    ignoreHours: values['ignore-hours'] ?? env.HALLQ_IGNORE_HOURS === '1',
    maxConnectionsPerAddress: cap,
    noHistory: values['no-history'] ?? env.HALLQ_NO_HISTORY === '1',
    logLevel,
  };
}

function isLogLevel(text: string): text is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(text);
}
