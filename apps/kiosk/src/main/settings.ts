import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { issueLines } from './ipc-validation';

/**
 * An id that travels in a header or a URL, so it has no spaces; a blank one is missing. The schema's message covers
 * its checks unless a check names its own.
 */
const name = z
  .string({ error: 'required, a non-empty string' })
  .regex(/\S/, { abort: true })
  .regex(/^\S+$/, 'must not contain spaces');

const kioskSettings = z
  .object(
    {
      /** The queue server, origin only: http://10.0.0.2:8080. */
      serverUrl: z
        .url({
          protocol: /^https?$/,
          error: 'must be the queue server address without a path, e.g. http://10.0.0.2:8080',
          abort: true,
        })
        // The kiosk page and the API are absolute paths on the server's origin, so a path prefix cannot work.
        .refine((text) => {
          const url = new URL(text);
          return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
        })
        .transform((text) => new URL(text).origin),
      kioskId: name,
      deviceKey: name,
      /** The ticket printer's URI (tcp://…, serial:…, printer:…), or '' when none is fitted. */
      printer: z.string({ error: `required, the printer's URI or "" when none is fitted` }).trim(),
      paperWidth: z.literal([58, 80], { error: 'must be 58 or 80 (mm)' }),
      idCardReader: z.literal('none', { error: 'must be "none" (no other reader is supported yet)' }),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown setting' : 'must be a JSON object') },
  )
  .strict();

/** One kiosk's settings file (JSON), written by whoever installs the kiosk. */
export type KioskSettings = z.output<typeof kioskSettings>;

export class KioskSettingsError extends Error {
  override readonly name = 'KioskSettingsError';
  constructor(
    readonly source: string,
    /** One line per problem, each naming its field: `paperWidth: must be 58 or 80`. */
    readonly problems: string[],
  ) {
    super(`${source}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** The settings file named by `--settings <path>` or HALLQ_KIOSK_SETTINGS; the flag wins. */
export function settingsPath(argv: string[], env: NodeJS.ProcessEnv): string {
  // Not strict: Electron and Chromium put their own switches on the same command line.
  const { values } = parseArgs({ args: argv, options: { settings: { type: 'string' } }, strict: false });
  const path = typeof values.settings === 'string' ? values.settings : env.HALLQ_KIOSK_SETTINGS;
  if (!path) {
    throw new KioskSettingsError('kiosk settings', [
      'no settings file: pass --settings <path> or set HALLQ_KIOSK_SETTINGS',
    ]);
  }
  return path;
}

export function loadKioskSettings(
  argv: string[],
  env: NodeJS.ProcessEnv,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): KioskSettings {
  const path = settingsPath(argv, env);
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    throw new KioskSettingsError(path, [`cannot be read: ${error instanceof Error ? error.message : String(error)}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new KioskSettingsError(path, [`is not JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return parseKioskSettings(raw, path);
}

/** Every problem at once, so an installer fixes the file in one go. */
export function parseKioskSettings(raw: unknown, source = 'kiosk settings'): KioskSettings {
  const result = kioskSettings.safeParse(raw);
  if (!result.success) throw new KioskSettingsError(source, issueLines(result.error));
  return result.data;
}
