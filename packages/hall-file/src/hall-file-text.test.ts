import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hallFileText } from './hall-file-text';
import { DEMO_HALL_PATH, loadHallConfig } from './load-hall-config';

describe('hallFileText', () => {
  it('writes a hall that loads back the same, with the heading as comments, even where it shares objects', () => {
    const demo = loadHallConfig(DEMO_HALL_PATH);
    // One object in many places (the same hours every day, as code makes them) is written out each time, never as a
    // YAML alias: the loader refuses many aliases, as a defence against alias bombs.
    const day = { open: '00:00', close: '24:00' };
    const hall = { ...demo, hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } };
    hall.windowTypes = hall.windowTypes.map((t) => ({ ...t, hours: hall.hours }));
    const text = hallFileText(hall, 'HallQ hall file\nsettings version 7');
    expect(text.startsWith('# HallQ hall file\n# settings version 7\n')).toBe(true);
    const path = join(mkdtempSync(join(tmpdir(), 'hall-file-')), 'hall.yaml');
    writeFileSync(path, text);
    expect(loadHallConfig(path)).toEqual(hall);
  });
});
