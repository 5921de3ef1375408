import { idSetting, loadSettings, parseSettings, serverUrlSetting, settingsObject } from '@hallq/shell';
import { z } from 'zod';

const kioskSettings = settingsObject({
  serverUrl: serverUrlSetting,
  kioskId: idSetting,
  deviceKey: idSetting,
  /** The ticket printer's URI (tcp://…, serial:…, printer:…), or '' when none is fitted. */
  printer: z.string({ error: `required, the printer's URI or "" when none is fitted` }).trim(),
  paperWidth: z.literal([58, 80], { error: 'must be 58 or 80 (mm)' }),
  idCardReader: z.literal('none', { error: 'must be "none" (no other reader is supported yet)' }),
});

/** One kiosk's settings file (JSON), written by whoever installs the kiosk. */
export type KioskSettings = z.output<typeof kioskSettings>;

/** The file named by `--settings <path>` or HALLQ_KIOSK_SETTINGS; throws a SettingsError naming every bad field. */
export function loadKioskSettings(
  argv: string[],
  env: NodeJS.ProcessEnv,
  read?: (path: string) => string,
): KioskSettings {
  return loadSettings(kioskSettings, { argv, env, envVar: 'HALLQ_KIOSK_SETTINGS', read });
}

/** Every problem at once, so an installer fixes the file in one go. */
export function parseKioskSettings(raw: unknown, source = 'kiosk settings'): KioskSettings {
  return parseSettings(kioskSettings, raw, source);
}
