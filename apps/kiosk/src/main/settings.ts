import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** One kiosk's settings file (JSON), written by whoever installs the kiosk. */
export interface KioskSettings {
  /** The queue server, origin only: http://10.0.0.2:8080. */
  serverUrl: string;
  kioskId: string;
  deviceKey: string;
  /** The ticket printer's URI (tcp://…, serial:…, printer:…), or '' when none is fitted. */
  printer: string;
  paperWidth: 58 | 80;
  idCardReader: 'none';
}

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

const FIELDS = ['serverUrl', 'kioskId', 'deviceKey', 'printer', 'paperWidth', 'idCardReader'] as const;

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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new KioskSettingsError(source, ['must be a JSON object']);
  }
  const input = raw as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!(FIELDS as readonly string[]).includes(key)) problems.push(`${key}: unknown setting`);
  }

  const serverUrl = checkServerUrl(input.serverUrl, problems);
  const text = (field: 'kioskId' | 'deviceKey') => {
    const value = input[field];
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${field}: required, a non-empty string`);
    else if (/\s/.test(value)) problems.push(`${field}: must not contain spaces`);
    return typeof value === 'string' ? value : '';
  };
  const kioskId = text('kioskId');
  const deviceKey = text('deviceKey');
  const printer = input.printer;
  if (typeof printer !== 'string') problems.push(`printer: required, the printer's URI or "" when none is fitted`);
  const paperWidth = input.paperWidth;
  if (paperWidth !== 58 && paperWidth !== 80) problems.push('paperWidth: must be 58 or 80 (mm)');
  if (input.idCardReader !== 'none') problems.push('idCardReader: must be "none" (no other reader is supported yet)');

  if (problems.length > 0) throw new KioskSettingsError(source, problems);
  return {
    serverUrl,
    kioskId,
    deviceKey,
    printer: (printer as string).trim(),
    paperWidth: paperWidth as 58 | 80,
    idCardReader: 'none',
  };
}

/** The server's origin: the kiosk page and the API are absolute paths on it, so a path prefix cannot work. */
function checkServerUrl(value: unknown, problems: string[]): string {
  const problem = 'serverUrl: must be the queue server address without a path, e.g. http://10.0.0.2:8080';
  if (typeof value !== 'string') {
    problems.push(problem);
    return '';
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(problem);
    return '';
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    problems.push(problem);
    return '';
  }
  return url.origin;
}
