import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { issueLines } from './issues';

/**
 * What every shell's settings file has in common: it is named on the command line or in an environment variable,
 * it is JSON, and every problem is reported at once, each naming its field, so an installer fixes it in one go.
 */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly source: string,
    /** One line per problem, each naming its field: `paperWidth: must be 58 or 80`. */
    readonly problems: string[],
  ) {
    super(`${source}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** The queue server, origin only (http://10.0.0.2:8080); parsed to its origin, without a trailing slash. */
export const serverUrlSetting = z
  .url({
    protocol: /^https?$/,
    error: 'must be the queue server address without a path, e.g. http://10.0.0.2:8080',
    abort: true,
  })
  // The pages and the API are absolute paths on the server's origin, so a path prefix cannot work.
  .refine((text) => {
    const url = new URL(text);
    return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  })
  .transform((text) => new URL(text).origin);

/**
 * An id that travels in a header or a URL, so it has no spaces; a blank one is missing. The schema's message covers
 * its checks unless a check names its own.
 */
export const idSetting = z
  .string({ error: 'required, a non-empty string' })
  .regex(/\S/, { abort: true })
  .regex(/^\S+$/, 'must not contain spaces');

/** A settings file's top level: exactly these fields, each unknown one reported by name. */
export function settingsObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown setting' : 'must be a JSON object'),
  });
}

/** The settings file named by `--settings <path>` or the environment variable `envVar`; the flag wins. */
export function settingsPath(argv: string[], env: NodeJS.ProcessEnv, envVar: string): string {
  // Not strict: Electron and Chromium put their own switches on the same command line.
  const { values } = parseArgs({ args: argv, options: { settings: { type: 'string' } }, strict: false });
  const path = typeof values.settings === 'string' ? values.settings : env[envVar];
  if (!path) throw new SettingsError('settings', [`no settings file: pass --settings <path> or set ${envVar}`]);
  return path;
}

/** Every problem at once; `source` (the file's path) heads the message. */
export function parseSettings<Schema extends z.ZodType>(
  schema: Schema,
  raw: unknown,
  source: string,
): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new SettingsError(source, issueLines(result.error));
  return result.data;
}

/** Reads, parses and checks the file `settingsPath` names; a file that cannot be read or is not JSON says so. */
export function loadSettings<Schema extends z.ZodType>(
  schema: Schema,
  options: {
    argv: string[];
    env: NodeJS.ProcessEnv;
    envVar: string;
    read?: (path: string) => string;
  },
): z.output<Schema> {
  const { read = (path: string) => readFileSync(path, 'utf8') } = options;
  const path = settingsPath(options.argv, options.env, options.envVar);
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    throw new SettingsError(path, [`cannot be read: ${message(error)}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SettingsError(path, [`is not JSON: ${message(error)}`]);
  }
  return parseSettings(schema, raw, path);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
