import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  idSetting,
  loadSettings,
  parseSettings,
  serverUrlSetting,
  SettingsError,
  settingsObject,
  settingsPath,
} from './settings';

const schema = settingsObject({ serverUrl: serverUrlSetting, deviceKey: idSetting });
const good = { serverUrl: 'http://10.0.0.2:8080/', deviceKey: 'demo-display' };

const problemsOf = (raw: unknown) => {
  try {
    parseSettings(schema, raw, 'test');
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
};

describe('settingsPath', () => {
  it('takes --settings before the environment variable, among Electron switches', () => {
    const env = { HALLQ_TEST_SETTINGS: '/etc/env.json' };
    expect(
      settingsPath(['src/main/main.ts', '--no-sandbox', '--settings', '/etc/flag.json'], env, 'HALLQ_TEST_SETTINGS'),
    ).toBe('/etc/flag.json');
    expect(settingsPath(['--settings=/etc/eq.json'], env, 'HALLQ_TEST_SETTINGS')).toBe('/etc/eq.json');
    expect(settingsPath([], env, 'HALLQ_TEST_SETTINGS')).toBe('/etc/env.json');
  });

  it('says how to name the file when neither is given', () => {
    expect(() => settingsPath([], {}, 'HALLQ_TEST_SETTINGS')).toThrow(/--settings <path> or set HALLQ_TEST_SETTINGS/);
  });
});

describe('parseSettings', () => {
  it('keeps only the server origin', () => {
    expect(parseSettings(schema, good, 'test')).toEqual({ ...good, serverUrl: 'http://10.0.0.2:8080' });
  });

  it('names every bad field at once, each unknown setting on its own line', () => {
    expect(problemsOf({ serverUrl: 'ftp://x', colour: 'red', volume: 3 })).toEqual([
      'serverUrl: must be the queue server address without a path, e.g. http://10.0.0.2:8080',
      'deviceKey: required, a non-empty string',
      'colour: unknown setting',
      'volume: unknown setting',
    ]);
  });

  it('refuses a server address with a path, since the pages live on the root', () => {
    expect(problemsOf({ ...good, serverUrl: 'http://10.0.0.2:8080/hallq/' })).toHaveLength(1);
    expect(problemsOf({ ...good, serverUrl: 'not a url' })).toHaveLength(1);
  });

  it('takes a blank id as missing and refuses one with spaces', () => {
    expect(problemsOf({ ...good, deviceKey: '  ' })).toEqual(['deviceKey: required, a non-empty string']);
    expect(problemsOf({ ...good, deviceKey: 'demo display' })).toEqual(['deviceKey: must not contain spaces']);
  });

  it('refuses something that is not an object', () => {
    expect(problemsOf([good])).toEqual(['must be a JSON object']);
  });

  it('works with any schema', () => {
    expect(parseSettings(z.number(), 3, 'test')).toBe(3);
  });
});

describe('loadSettings', () => {
  const options = { argv: ['--settings', '/etc/s.json'], env: {}, envVar: 'HALLQ_TEST_SETTINGS' };

  it('reads and checks the named file', () => {
    const read = (path: string) => (path === '/etc/s.json' ? JSON.stringify(good) : '');
    expect(loadSettings(schema, { ...options, read }).deviceKey).toBe('demo-display');
  });

  it('names the file in its errors', () => {
    const missing = () => {
      throw new Error('ENOENT: no such file');
    };
    expect(() => loadSettings(schema, { ...options, read: missing })).toThrow(
      /\/etc\/s\.json:\n {2}cannot be read: ENOENT/,
    );
    expect(() => loadSettings(schema, { ...options, read: () => '{oops' })).toThrow(/is not JSON/);
    expect(() => loadSettings(schema, { ...options, read: () => '{}' })).toThrow(/\/etc\/s\.json:\n {2}serverUrl/);
  });
});
