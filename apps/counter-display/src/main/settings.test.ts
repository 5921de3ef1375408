import { SettingsError } from '@hallq/shell';
import { describe, expect, it } from 'vitest';
import { loadScreenSettings, parseScreenSettings, profileName } from './settings';

const serverUrl = 'http://10.0.0.2:8080/';

const problemsOf = (raw: unknown) => {
  try {
    parseScreenSettings(raw);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
};

describe('parseScreenSettings', () => {
  it('accepts each page with what it needs and keeps only the server origin', () => {
    expect(parseScreenSettings({ serverUrl, page: 'display', deviceKey: 'demo-display' })).toEqual({
      serverUrl: 'http://10.0.0.2:8080',
      page: 'display',
      deviceKey: 'demo-display',
    });
    expect(parseScreenSettings({ serverUrl, page: 'window', window: 3, deviceKey: 'k' }).page).toBe('window');
    expect(parseScreenSettings({ serverUrl, page: 'rating', window: 3, deviceKey: 'k' }).page).toBe('rating');
    expect(parseScreenSettings({ serverUrl, page: 'counter', window: 3 }).page).toBe('counter');
    expect(parseScreenSettings({ serverUrl, page: 'manager' }).page).toBe('manager');
    expect(parseScreenSettings({ serverUrl, page: 'guide' }).page).toBe('guide');
  });

  it('names every bad field of the page at once', () => {
    expect(problemsOf({ serverUrl: 'http://10.0.0.2:8080/hallq/', page: 'window', window: 0, colour: 'red' })).toEqual([
      'serverUrl: must be the queue server address without a path, e.g. http://10.0.0.2:8080',
      'window: required, a window number 1 or more',
      'deviceKey: required, a non-empty string',
      'colour: unknown setting',
    ]);
  });

  it('requires a window number for the counter, window and rating pages', () => {
    for (const page of ['counter', 'window', 'rating']) {
      expect(problemsOf({ serverUrl, page, deviceKey: 'k' })).toContain('window: required, a window number 1 or more');
    }
  });

  it('requires a device key for the display, window and rating pages', () => {
    for (const page of ['display', 'window', 'rating']) {
      expect(problemsOf({ serverUrl, page, window: 3 })).toContain('deviceKey: required, a non-empty string');
    }
  });

  it('reports a field the page would ignore, such as a device key where staff sign in', () => {
    expect(problemsOf({ serverUrl, page: 'counter', window: 3, deviceKey: 'k' })).toEqual([
      'deviceKey: unknown setting',
    ]);
    expect(problemsOf({ serverUrl, page: 'display', deviceKey: 'k', window: 3 })).toEqual(['window: unknown setting']);
  });

  it('takes the counter panel’s notice printer and the folder its notices are kept in, both optional', () => {
    expect(
      parseScreenSettings({
        serverUrl,
        page: 'counter',
        window: 3,
        noticePrinter: ' HP LaserJet Pro M404 ',
        noticePdfDir: '/var/hallq/notices',
      }),
    ).toEqual({
      serverUrl: 'http://10.0.0.2:8080',
      page: 'counter',
      window: 3,
      noticePrinter: 'HP LaserJet Pro M404',
      noticePdfDir: '/var/hallq/notices',
    });
    expect(parseScreenSettings({ serverUrl, page: 'counter', window: 3 })).not.toHaveProperty('noticePrinter');
  });

  it('refuses a blank printer name and a folder that is not an absolute path', () => {
    expect(problemsOf({ serverUrl, page: 'counter', window: 3, noticePrinter: '  ', noticePdfDir: 'notices' })).toEqual(
      [
        'noticePrinter: must be the printer name as the system lists it',
        'noticePdfDir: must be an absolute folder path, e.g. D:\\HallQ\\notices',
      ],
    );
  });

  it('reports the notice settings on a page that prints no notices', () => {
    expect(problemsOf({ serverUrl, page: 'window', window: 3, deviceKey: 'k', noticePrinter: 'HP' })).toEqual([
      'noticePrinter: unknown setting',
    ]);
  });

  it('names the page field when it is missing or unknown', () => {
    const line = 'page: required, one of "counter", "display", "window", "rating", "manager", "guide"';
    expect(problemsOf({ serverUrl })).toEqual([line]);
    expect(problemsOf({ serverUrl, page: 'kiosk' })).toEqual([line]);
    expect(problemsOf('display')).toEqual(['must be a JSON object']);
  });
});

describe('loadScreenSettings', () => {
  it('reads the file named by --settings or HALLQ_SCREEN_SETTINGS', () => {
    const read = (path: string) => (path === '/etc/screen.json' ? JSON.stringify({ serverUrl, page: 'manager' }) : '');
    expect(loadScreenSettings(['--settings', '/etc/screen.json'], {}, read).page).toBe('manager');
    expect(loadScreenSettings([], { HALLQ_SCREEN_SETTINGS: '/etc/screen.json' }, read).page).toBe('manager');
    expect(() => loadScreenSettings([], {})).toThrow(/--settings <path> or set HALLQ_SCREEN_SETTINGS/);
    expect(() => loadScreenSettings(['--settings', '/etc/screen.json'], {}, () => '{}')).toThrow(
      /\/etc\/screen\.json:\n {2}page: required/,
    );
  });
});

describe('profileName', () => {
  it('is one folder per settings file, the same however the path is spelled', () => {
    expect(profileName('/etc/hallq/window-3.json')).toBe(profileName('/etc/hallq/../hallq/window-3.json'));
    expect(profileName('/etc/hallq/window-3.json')).not.toBe(profileName('/etc/hallq/rating-3.json'));
    expect(profileName('/etc/hallq/window-3.json')).toMatch(/^[0-9a-f]{16}$/);
  });
});
