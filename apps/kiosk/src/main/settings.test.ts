import { describe, expect, it } from 'vitest';
import { SettingsError } from '@hallq/shell';
import { loadKioskSettings, parseKioskSettings } from './settings';

const good = {
  serverUrl: 'http://10.0.0.2:8080/',
  kioskId: 'kiosk-1',
  deviceKey: 'demo-kiosk',
  printer: 'tcp://10.0.0.50:9100',
  paperWidth: 80,
  idCardReader: 'none',
};

const problemsOf = (raw: unknown) => {
  try {
    parseKioskSettings(raw);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
};

describe('parseKioskSettings', () => {
  it('accepts a complete file and keeps only the server origin', () => {
    expect(parseKioskSettings(good)).toEqual({ ...good, serverUrl: 'http://10.0.0.2:8080', pinchZoom: true });
  });

  it('allows pinch-zoom unless the hall turns it off, and names a value that is not a yes or no', () => {
    expect(parseKioskSettings({ ...good, pinchZoom: false }).pinchZoom).toBe(false);
    expect(problemsOf({ ...good, pinchZoom: 'no' })).toEqual(['pinchZoom: must be true or false']);
  });

  it('takes a card reader by its serial port at 115200 baud unless told otherwise, and names a missing port', () => {
    expect(parseKioskSettings({ ...good, idCardReader: { path: '/dev/ttyUSB1' } }).idCardReader).toEqual({
      path: '/dev/ttyUSB1',
      baudRate: 115200,
    });
    expect(problemsOf({ ...good, idCardReader: { baudRate: 9600 } })).toEqual([
      'idCardReader.path: required, the serial device of the reader, e.g. /dev/ttyUSB0',
    ]);
  });

  it('takes the SMS modem by its port at 115200 baud unless told otherwise, and names a missing port', () => {
    expect(parseKioskSettings({ ...good, smsModem: { path: '/dev/ttyUSB2' } }).smsModem).toEqual({
      path: '/dev/ttyUSB2',
      baudRate: 115200,
    });
    expect(problemsOf({ ...good, smsModem: { path: ' ', baudRate: 0 } })).toEqual([
      'smsModem.path: required, the AT port of the modem, e.g. /dev/ttyUSB2 or COM3',
      'smsModem.baudRate: must be the line speed, e.g. 115200',
    ]);
  });

  it('takes an empty printer as "none fitted"', () => {
    expect(parseKioskSettings({ ...good, printer: '', paperWidth: 58 }).printer).toBe('');
  });

  it('names every bad field at once', () => {
    expect(
      problemsOf({ serverUrl: 'ftp://x', kioskId: '', paperWidth: 76, idCardReader: 'huashi', colour: 'red' }),
    ).toEqual([
      'serverUrl: must be the queue server address without a path, e.g. http://10.0.0.2:8080',
      'kioskId: required, a non-empty string',
      'deviceKey: required, a non-empty string',
      `printer: required, the printer's URI or "" when none is fitted`,
      'paperWidth: must be 58 or 80 (mm)',
      'idCardReader: must be "none" or { "path": "/dev/ttyUSB0" } (the reader\'s serial port)',
      'colour: unknown setting',
    ]);
  });

  it('names each unknown setting on its own line', () => {
    expect(problemsOf({ ...good, colour: 'red', volume: 3 })).toEqual([
      'colour: unknown setting',
      'volume: unknown setting',
    ]);
  });

  it('takes a blank id as missing, not as one with spaces', () => {
    expect(problemsOf({ ...good, kioskId: '  ' })).toEqual(['kioskId: required, a non-empty string']);
  });

  it('refuses a server address with a path, since the kiosk lives at /kiosk/ on the root', () => {
    expect(problemsOf({ ...good, serverUrl: 'http://10.0.0.2:8080/hallq/' })).toHaveLength(1);
    expect(problemsOf({ ...good, serverUrl: 'not a url' })).toHaveLength(1);
  });

  it('refuses a device key with spaces (it travels in an Authorization header)', () => {
    expect(problemsOf({ ...good, deviceKey: 'demo kiosk' })).toEqual(['deviceKey: must not contain spaces']);
  });

  it('refuses something that is not an object', () => {
    expect(problemsOf([good])).toEqual(['must be a JSON object']);
  });
});

describe('loadKioskSettings', () => {
  it('reads and checks the named file', () => {
    const read = (path: string) => (path === '/etc/k.json' ? JSON.stringify(good) : '');
    expect(loadKioskSettings(['--settings', '/etc/k.json'], {}, read).kioskId).toBe('kiosk-1');
  });

  it('takes the locker part of a locker PC, the line at 9600 baud unless told', () => {
    const locker = { deviceKey: 'demo-locker', serialPath: '/dev/ttyUSB0' };
    expect(parseKioskSettings({ ...good, locker }).locker).toEqual({ ...locker, baudRate: 9600 });
    expect(parseKioskSettings(good).locker).toBeUndefined();
    expect(problemsOf({ ...good, locker: { serialPath: ' ', baudRate: 'fast', cabinets: [] } })).toEqual([
      'locker.deviceKey: required, a non-empty string',
      'locker.serialPath: required, the serial device of the lock boards, e.g. /dev/ttyUSB0',
      'locker.baudRate: must be the line speed, e.g. 9600',
      'locker.cabinets: unknown setting',
    ]);
  });

  it('names the file in its errors', () => {
    const missing = () => {
      throw new Error('ENOENT: no such file');
    };
    expect(() => loadKioskSettings(['--settings', '/etc/k.json'], {}, missing)).toThrow(
      /\/etc\/k\.json:\n {2}cannot be read: ENOENT/,
    );
    expect(() => loadKioskSettings(['--settings', '/etc/k.json'], {}, () => '{oops')).toThrow(/is not JSON/);
  });
});

describe('loadKioskSettings', () => {
  it('takes the file from HALLQ_KIOSK_SETTINGS when no flag is given', () => {
    const read = (path: string) => (path === '/etc/env.json' ? JSON.stringify(good) : '');
    expect(loadKioskSettings([], { HALLQ_KIOSK_SETTINGS: '/etc/env.json' }, read).kioskId).toBe('kiosk-1');
    expect(() => loadKioskSettings([], {})).toThrow(/--settings <path> or set HALLQ_KIOSK_SETTINGS/);
  });
});
