import { parseArgs } from 'node:util';

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
}

/** Flags win over the environment (HALLQ_PORT, HALLQ_HOST, HALLQ_DATA_DIR, HALLQ_KEYS_DIR, HALLQ_CONFIG, HALLQ_IGNORE_HOURS,
 * HALLQ_MAX_CONNECTIONS_PER_ADDRESS, HALLQ_NO_HISTORY). */
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
  return {
    port,
    host: values.host ?? env.HALLQ_HOST ?? undefined,
    dataDir: values['data-dir'] ?? env.HALLQ_DATA_DIR ?? './data',
    keysDir: values['keys-dir'] ?? env.HALLQ_KEYS_DIR ?? undefined,
    configPath: values.config ?? env.HALLQ_CONFIG ?? undefined,
    ignoreHours: values['ignore-hours'] ?? env.HALLQ_IGNORE_HOURS === '1',
    maxConnectionsPerAddress: cap,
    noHistory: values['no-history'] ?? env.HALLQ_NO_HISTORY === '1',
  };
}
