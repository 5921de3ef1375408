import { describe, expect, it } from 'vitest';
import { DEMO_HALL_PATH, HallConfigError, loadHallConfig, parseHallConfig } from './load-hall-config';

const demo = loadHallConfig(DEMO_HALL_PATH);
const withBackup = (backup: unknown) => parseHallConfig({ ...demo, backup }, 'hall.yaml');
const problems = (backup: unknown): string[] => {
  try {
    withBackup(backup);
  } catch (error) {
    if (error instanceof HallConfigError) return error.issues;
    throw error;
  }
  throw new Error('the hall file was accepted');
};

describe('the hall file: backup (the nightly backup)', () => {
  it('is optional: without it backups are taken by the script only', () => {
    expect(demo.backup).toBeUndefined();
  });

  it('keeps fourteen nights at 02:00 when only the folder is given', () => {
    expect(withBackup({ folder: 'backups' }).backup).toEqual({ folder: 'backups', keep: 14, at: '02:00' });
  });

  it('names a time that is not HH:MM, a retention below one and an unknown key', () => {
    expect(problems({ folder: 'backups', at: '2am' })).toEqual(['backup.at: must be a time of day as HH:MM (24-hour)']);
    expect(problems({ folder: 'backups', keep: 0 })[0]).toMatch(/^backup\.keep: /);
    expect(problems({ folder: 'backups', keys: true })).toEqual(['backup.keys: unknown field']);
  });

  it('needs a folder', () => {
    expect(problems({ keep: 7 })[0]).toMatch(/^backup\.folder: /);
  });
});
