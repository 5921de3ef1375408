import { parseArgs } from 'node:util';

export interface CliOptions {
  port: number;
  host: string;
  dataDir: string;
  configPath: string | undefined;
  ignoreHours: boolean;
}

/** Flags win over the environment (HALLQ_PORT, HALLQ_HOST, HALLQ_DATA_DIR, HALLQ_CONFIG, HALLQ_IGNORE_HOURS). */
export function readCliOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      'ignore-hours': { type: 'boolean' },
    },
    strict: true,
  });
  const portText = values.port ?? env.HALLQ_PORT ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port: "${portText}" is not a port number`);
  return {
    port,
    host: values.host ?? env.HALLQ_HOST ?? '0.0.0.0',
    dataDir: values['data-dir'] ?? env.HALLQ_DATA_DIR ?? './data',
    configPath: values.config ?? env.HALLQ_CONFIG ?? undefined,
    ignoreHours: values['ignore-hours'] ?? env.HALLQ_IGNORE_HOURS === '1',
  };
}
