import { idSetting, loadSettings, parseSettings, serverUrlSetting, settingsObject } from '@hallq/shell';
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const windowNumber = z.int({ error: 'required, a window number 1 or more' }).min(1);

/** The printer the counter's written notices go to, by the name the system lists it under (it may have spaces). */
const printerName = z
  .string({ error: 'must be the printer name as the system lists it' })
  .max(200)
  .regex(/\S/)
  .transform((name) => name.trim());

/** Where each printed notice is kept as a PDF, for a reprint later: a folder on this PC. */
const folder = z
  .string({ error: 'must be an absolute folder path, e.g. D:\\HallQ\\notices' })
  .refine((path) => isAbsolute(path));

/**
 * One screen's settings file (JSON). Each page takes exactly what its URL needs: the counter panel, window screen and
 * rating pad their window number; the unattended screens (hall display, window screen, rating pad) their device key,
 * since the counter panel and the manager console sign staff in instead; the counter panel where its written notices
 * are printed and kept. A field the page would ignore is unknown.
 */
const screenSettings = z.discriminatedUnion(
  'page',
  [
    settingsObject({
      serverUrl: serverUrlSetting,
      page: z.literal('counter'),
      window: windowNumber,
      // Without a printer named, notices go to the system's default printer; without a folder, no copy is kept.
      noticePrinter: printerName.optional(),
      noticePdfDir: folder.optional(),
    }),
    settingsObject({ serverUrl: serverUrlSetting, page: z.literal('display'), deviceKey: idSetting }),
    settingsObject({
      serverUrl: serverUrlSetting,
      page: z.literal('window'),
      window: windowNumber,
      deviceKey: idSetting,
    }),
    settingsObject({
      serverUrl: serverUrlSetting,
      page: z.literal('rating'),
      window: windowNumber,
      deviceKey: idSetting,
    }),
    settingsObject({ serverUrl: serverUrlSetting, page: z.literal('manager') }),
    settingsObject({ serverUrl: serverUrlSetting, page: z.literal('guide') }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'required, one of "counter", "display", "window", "rating", "manager", "guide"'
        : 'must be a JSON object',
  },
);

export type ScreenSettings = z.output<typeof screenSettings>;
export type ScreenPage = ScreenSettings['page'];

export const SETTINGS_ENV_VAR = 'HALLQ_SCREEN_SETTINGS';

/** The file named by `--settings <path>` or HALLQ_SCREEN_SETTINGS; throws a SettingsError naming every bad field. */
export function loadScreenSettings(
  argv: string[],
  env: NodeJS.ProcessEnv,
  read?: (path: string) => string,
): ScreenSettings {
  return loadSettings(screenSettings, { argv, env, envVar: SETTINGS_ENV_VAR, read });
}

export function parseScreenSettings(raw: unknown, source = 'screen settings'): ScreenSettings {
  return parseSettings(screenSettings, raw, source);
}

/**
 * The Chromium profile folder name for one settings file. Several screens can run on one PC (the counter panel, the
 * window screen and the rating pad of one window), one process each; a profile of its own keeps their storage and
 * logins apart and lets each process hold its own single-instance lock.
 */
export function profileName(settingsFile: string): string {
  return createHash('sha256').update(resolve(settingsFile)).digest('hex').slice(0, 16);
}
