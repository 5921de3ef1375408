import { idSetting, loadSettings, parseSettings, serverUrlSetting, settingsObject } from '@hallq/shell';
import { z } from 'zod';

/** A reader speaking the SAM protocol of the second-generation card (GA 467) on a serial port. */
const readerPort = settingsObject({
  path: z
    .string({ error: 'required, the serial device of the reader, e.g. /dev/ttyUSB0' })
    .trim()
    .min(1, 'required, the serial device of the reader, e.g. /dev/ttyUSB0'),
  baudRate: z.number({ error: 'must be the line speed, e.g. 115200' }).int().positive().default(115200),
});

/** The 短信猫 on this kiosk's PC, for a hall whose server has no mobile signal (the hall file's notices.kiosk). */
const smsModem = settingsObject({
  path: z
    .string({ error: 'required, the AT port of the modem, e.g. /dev/ttyUSB2 or COM3' })
    .trim()
    .min(1, 'required, the AT port of the modem, e.g. /dev/ttyUSB2 or COM3'),
  baudRate: z.number({ error: 'must be the line speed, e.g. 115200' }).int().positive().default(115200),
});

const kioskSettings = settingsObject({
  serverUrl: serverUrlSetting,
  kioskId: idSetting,
  deviceKey: idSetting,
  /** The ticket printer's URI (tcp://…, serial:…, printer:…), or '' when none is fitted. */
  printer: z.string({ error: `required, the printer's URI or "" when none is fitted` }).trim(),
  paperWidth: z.literal([58, 80], { error: 'must be 58 or 80 (mm)' }),
  /**
   * The resident ID card reader: "none", or the serial port of a reader speaking the SAM protocol of the
   * second-generation card (GA 467; USB readers appear as a serial port, e.g. /dev/ttyUSB0 or COM3) at 115200 baud.
   */
  idCardReader: z.unknown().transform((value, ctx): 'none' | z.output<typeof readerPort> => {
    if (value === 'none') return 'none';
    // An object is checked as the reader's settings, naming its fields; anything else is neither.
    if (value === null || typeof value !== 'object') {
      ctx.addIssue({
        code: 'custom',
        message: 'must be "none" or { "path": "/dev/ttyUSB0" } (the reader\'s serial port)',
      });
      return z.NEVER;
    }
    const port = readerPort.safeParse(value);
    if (port.success) return port.data;
    for (const issue of port.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }),
  /**
   * Whether a citizen may pinch to enlarge the page (on by default: some read better larger than even 大字模式). A hall
   * turns it off where citizens get stuck in a zoomed page; the idle reset does not undo a pinch.
   */
  pinchZoom: z.boolean({ error: 'must be true or false' }).default(true),
  /**
   * Only on the PC inside a pickup locker: the locker is a device of its own on the server (its own key), and this
   * PC drives its RS-485 lock boards. Board addresses and channels come with each door command, from the hall config.
   */
  locker: settingsObject({
    deviceKey: idSetting,
    /** The RS-485 adapter, e.g. /dev/ttyUSB0. */
    serialPath: z
      .string({ error: 'required, the serial device of the lock boards, e.g. /dev/ttyUSB0' })
      .trim()
      .min(1, 'required, the serial device of the lock boards, e.g. /dev/ttyUSB0'),
    baudRate: z.number({ error: 'must be the line speed, e.g. 9600' }).int().positive().default(9600),
  }).optional(),
  /**
   * Only on the kiosk the hall file names in notices.kiosk: its modem's port. The kiosk then takes the hall's notices
   * from the server with its own key and sends them through this modem.
   */
  smsModem: smsModem.optional(),
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
