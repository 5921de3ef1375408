import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HallConfigInput } from '@hallq/shared/contracts';
import { WindowTypeKind } from '@hallq/shared/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HALL_PATH, HallConfigError, formatIssuePath, loadHallConfig, parseHallConfig } from './load-hall-config';

describe('the demo hall', () => {
  const hall = loadHallConfig(DEMO_HALL_PATH);

  it('is a trilingual hall in Asia/Shanghai', () => {
    expect(DEMO_HALL_PATH).toMatch(/[/\\]packages[/\\]hall-file[/\\]halls[/\\]demo-hall\.yaml$/);
    expect(hall.name.zh).toContain('演示');
    expect(hall.name.bo).toBeTruthy();
    expect(hall.name.en).toBeTruthy();
    expect(hall.timeZone).toBe('Asia/Shanghai');
    expect(hall.languages).toEqual(['zh', 'bo', 'en']);
  });

  it('opens Mon–Fri with lunch, Saturday morning, not on Sunday', () => {
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) {
      expect(hall.hours[day]).toEqual({ open: '09:00', close: '17:30', lunch: { start: '12:00', end: '13:30' } });
    }
    expect(hall.hours.sat).toEqual({ open: '09:00', close: '12:00' });
    expect(hall.hours.sun).toBeNull();
  });

  it('has every window-type kind, and comprehensive windows serve through lunch', () => {
    expect(new Set(hall.windowTypes.map((t) => t.kind))).toEqual(new Set(WindowTypeKind.options));
    expect(hall.windowTypes.map((t) => t.prefix).join('')).toBe('ABCDEFGHJKLMNPQ');
    for (const t of hall.windowTypes) {
      expect(t.name.en, t.code).toBeTruthy();
      if (t.kind === 'comprehensive') expect(t.hours?.mon).toEqual({ open: '09:00', close: '17:30' });
    }
    expect(hall.windowTypes.find((t) => t.code === 'marriage')?.dailyCap).toBe(60);
  });

  it('has ~40 service items, each on a known window type, with bilingual materials', () => {
    expect(hall.serviceItems.length).toBeGreaterThanOrEqual(38);
    const types = new Set(hall.serviceItems.map((s) => s.windowType));
    for (const t of hall.windowTypes) expect(types.has(t.code), t.code).toBe(true);
    for (const s of hall.serviceItems) {
      expect(s.name.en, s.code).toBeTruthy();
      for (const m of s.materials) expect(m.en, `${s.code}: ${m.zh}`).toBeTruthy();
    }
    const names = hall.serviceItems.map((s) => s.name.zh);
    expect(names).toEqual(
      expect.arrayContaining(['社会保障卡申领', '结婚登记', '居民身份证换领', '不动产登记资料查询']),
    );
  });

  it('has windows 1..20, every type served, several personal windows, window 20 for pickup', () => {
    expect(hall.windows.map((w) => w.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const t of hall.windowTypes) {
      expect(
        hall.windows.some((w) => w.serves.includes(t.code)),
        t.code,
      ).toBe(true);
    }
    expect(hall.windows.filter((w) => w.serves.includes('personal')).length).toBeGreaterThanOrEqual(4);
    expect(hall.windows.find((w) => w.number === 20)?.serves).toEqual(['pickup']);
    expect(new Set(hall.windows.map((w) => w.floor))).toEqual(new Set([1, 2]));
    expect(hall.windows.some((w) => w.callMode === 'longest_wait')).toBe(true);
    for (const w of hall.windows) expect(w.name.bo && w.name.en, String(w.number)).toBeTruthy();
  });

  it('gives clerk cNN the A post of window NN and the B post of the next window', () => {
    const clerks = hall.staff.filter((s) => s.role === 'clerk');
    expect(clerks.map((s) => s.id)).toEqual(Array.from({ length: 20 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`));
    clerks.forEach((c, i) => {
      expect(c.aWindows).toEqual([i + 1]);
      expect(c.bWindows).toEqual([((i + 1) % 20) + 1]);
    });
    expect(hall.staff.filter((s) => s.role === 'chief_representative').length).toBeGreaterThan(0);
    expect(hall.staff.filter((s) => s.role === 'manager').map((s) => s.id)).toEqual(['admin']);
  });

  it('has one pickup locker, cabinet A with A01–A05 and cabinet B with B01–B03', () => {
    expect(hall.devices.lockers.map((d) => d.id)).toEqual(['locker-1']);
    expect(hall.devices.lockers[0]!.cabinets.flatMap((c) => c.compartments.map((d) => d.number))).toEqual([
      'A01',
      'A02',
      'A03',
      'A04',
      'A05',
      'B01',
      'B02',
      'B03',
    ]);
  });
});

/** A small valid hall; each bad-file test breaks one thing in a copy. */
function minimalHall(): HallConfigInput {
  const day = { open: '09:00', close: '17:00' };
  return {
    name: { zh: '测试大厅' },
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null },
    departments: [
      { code: 'office', name: { zh: '政务服务中心' }, hallOffice: true },
      { code: 'tax-bureau', name: { zh: '税务局' } },
    ],
    windowTypes: [
      {
        code: 'personal',
        prefix: 'A',
        name: { zh: '个人综窗' },
        kind: 'comprehensive',
        targetWaitMinutes: 20,
        defaultServiceMinutes: 8,
      },
      {
        code: 'tax',
        prefix: 'E',
        name: { zh: '税务' },
        kind: 'sector',
        targetWaitMinutes: 30,
        defaultServiceMinutes: 12,
      },
    ],
    windows: [
      {
        number: 1,
        name: { zh: '1号窗口' },
        zone: 'F1',
        floor: 1,
        serves: ['personal'],
        callMode: 'preference',
        department: 'office',
      },
      {
        number: 2,
        name: { zh: '2号窗口' },
        zone: 'F1',
        floor: 1,
        serves: ['tax', 'personal'],
        callMode: 'preference',
        department: 'tax-bureau',
      },
    ],
    staff: [
      {
        id: 'c01',
        name: '张三',
        role: 'clerk',
        department: 'office',
        passwordHash: `scrypt$${'a'.repeat(32)}$${'b'.repeat(64)}`,
        aWindows: [1],
        bWindows: [2],
      },
    ],
    // No 帮办代办 window type here, so the priority button cannot lead to one.
    policy: { priorityPath: 'priority_ticket' },
  };
}

/** The issue lines parsing `hall` gives, or [] when it is valid. */
function issuesOf(hall: unknown): string[] {
  try {
    parseHallConfig(hall, 'test.yaml');
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(HallConfigError);
    return (e as HallConfigError).issues;
  }
}

describe('parseHallConfig', () => {
  it('accepts the minimal hall and fills in defaults', () => {
    const hall = parseHallConfig(minimalHall(), 'test.yaml');
    expect(hall.timeZone).toBe('Asia/Shanghai');
    expect(hall.policy.noShowAfterCalls).toBe(2);
    expect(hall.devices).toEqual({ kiosks: [], displays: [], lockers: [] });
  });

  it('refuses the default priorityPath help_and_proxy in a hall without a help_and_proxy window type', () => {
    const hall = minimalHall();
    delete hall.policy;
    expect(issuesOf(hall)).toEqual(['policy.priorityPath: help_and_proxy needs a window type of kind help_and_proxy']);
  });

  it('names an unknown window type in serves by its path', () => {
    const hall = minimalHall();
    hall.windows[1]!.serves = ['tax', 'X'];
    expect(issuesOf(hall)).toEqual(['windows[1].serves[1]: unknown window type "X"']);
  });

  it('names a window, an item or a person of an unknown department by its path', () => {
    const hall = minimalHall();
    hall.windows[1]!.department = 'police-bureau';
    hall.staff![0]!.department = 'nowhere';
    hall.serviceItems = [
      {
        code: 'invoice',
        name: { zh: '发票领用' },
        level: 'district',
        kind: 'immediate',
        promisedWorkingDays: 0,
        materials: [],
        feeYuan: 0,
        windowType: 'tax',
        department: 'tax',
      },
    ];
    expect(issuesOf(hall)).toEqual([
      'serviceItems[0].department: unknown department "tax"',
      'windows[1].department: unknown department "police-bureau"',
      'staff[0].department: unknown department "nowhere"',
    ]);
  });

  it('names a floor guide without zones, a zone no window or kiosk is in, and zones on someone who is not a guide', () => {
    const hall = minimalHall();
    const base = hall.staff![0]!;
    hall.staff = [
      { ...base, id: 'g1', role: 'floor_guide', zones: [] },
      { ...base, id: 'g2', role: 'floor_guide', zones: [hall.windows[0]!.zone, '三楼'] },
      { ...base, id: 'c9', role: 'clerk', zones: [hall.windows[0]!.zone] },
    ];
    expect(issuesOf(hall)).toEqual([
      'staff[0].zones: a floor guide names the zones whose guide calls they answer',
      'staff[1].zones[1]: no window or kiosk is in zone "三楼"',
      'staff[2].zones: only a floor guide has zones',
    ]);
  });

  it('takes a public status URL without its trailing slash, and names one that is not http(s) or carries a query', () => {
    const hall = minimalHall();
    hall.publicStatusUrl = 'https://hall.example.gov.cn/q/';
    expect(parseHallConfig(hall, 'test.yaml').publicStatusUrl).toBe('https://hall.example.gov.cn/q');
    hall.publicStatusUrl = 'ftp://hall.example.gov.cn';
    expect(issuesOf(hall)).toEqual(['publicStatusUrl: must be an http(s) URL such as https://hall.example.gov.cn']);
    hall.publicStatusUrl = 'https://hall.example.gov.cn/?x=1';
    expect(issuesOf(hall)).toEqual(['publicStatusUrl: must not carry a query or a fragment']);
  });

  it('refuses Mongolian and Uyghur, in the languages and in a text, saying why', () => {
    const hall = minimalHall();
    hall.languages = ['zh', 'mn', 'ug'];
    expect(issuesOf(hall)).toEqual([
      'languages[1]: mn is not supported: traditional Mongolian is written in vertical lines, which the screens and the ticket printer do not lay out yet',
      'languages[2]: ug is not supported: Uyghur is written right to left, which the screens and the ticket printer do not lay out yet',
    ]);
    const named = minimalHall();
    // The input type already forbids it; a hand-written file may still have it.
    Object.assign(named.name, { ug: 'زال' });
    expect(issuesOf(named)).toEqual([
      'name.ug: not supported: Uyghur is written right to left, which the screens and the ticket printer do not lay out yet',
    ]);
  });

  it("wants exactly one department to be the hall's own office", () => {
    const none = minimalHall();
    none.departments = none.departments.map((d) => ({ ...d, hallOffice: false }));
    expect(issuesOf(none)).toEqual([
      "departments: exactly one department is the hall's own office (hallOffice: true); found 0",
    ]);
    const two = minimalHall();
    two.departments = two.departments.map((d) => ({ ...d, hallOffice: true }));
    expect(issuesOf(two)).toEqual([
      "departments: exactly one department is the hall's own office (hallOffice: true); found 2",
    ]);
  });

  it('refuses a device key hashed without a salt, saying how to make one', () => {
    const hall = minimalHall();
    hall.devices = { kiosks: [{ id: 'kiosk-1', name: '取号机', zone: 'F1', keyHash: 'a'.repeat(64) }] };
    expect(issuesOf(hall)).toEqual([
      'devices.kiosks[0].keyHash: must be sha256$<salt>$<hash> of the key, as scripts/device-key.ts prints it (a plain SHA-256 has no salt)',
    ]);
  });

  it('reports a bad and a duplicate prefix', () => {
    const bad = minimalHall();
    bad.windowTypes[0]!.prefix = 'a';
    expect(issuesOf(bad)).toEqual(['windowTypes[0].prefix: must be one capital letter']);
    const dup = minimalHall();
    dup.windowTypes[1]!.prefix = 'A';
    expect(issuesOf(dup)).toEqual(['windowTypes[1].prefix: duplicate prefix "A"']);
  });

  it('reports a bad time of day', () => {
    const hall = minimalHall();
    hall.hours.mon = { open: '9:00', close: '17:00' };
    expect(issuesOf(hall)).toEqual(['hours.mon.open: must be a time of day as HH:MM (24-hour)']);
  });

  it('reports a missing field, a wrong type, a bad enum value and an unknown field', () => {
    const hall = minimalHall() as unknown as {
      windows: Record<string, unknown>[];
      windowTypes: Record<string, unknown>[];
    };
    delete hall.windows[0]!.zone;
    hall.windows[1]!.floor = 'one';
    hall.windowTypes[0]!.kind = 'general';
    hall.windowTypes[1]!.colour = 'red';
    expect(issuesOf(hall)).toEqual([
      'windowTypes[0].kind: must be one of "comprehensive", "sector", "help_and_proxy", "cross_region", "complaint", "consultation", "enterprise", "pickup"',
      'windowTypes[1].colour: unknown field',
      'windows[0].zone: missing required field',
      'windows[1].floor: must be a number, not the text "one"',
    ]);
  });

  it('reports a staff post at an unknown window', () => {
    const hall = minimalHall();
    hall.staff![0]!.bWindows = [2, 99];
    expect(issuesOf(hall)).toEqual(['staff[0].bWindows[1]: unknown window 99']);
  });

  it('names a locker door that clashes with another by its path', () => {
    const hall = minimalHall();
    const cabinet = (id: string, boardAddress: number, doors: [string, number][]) => ({
      id,
      boardAddress,
      compartments: doors.map(([number, channel]) => ({ number, channel, size: 'S' as const })),
    });
    hall.devices = {
      lockers: [
        {
          id: 'locker-1',
          name: '取件柜',
          zone: 'F1',
          keyHash: `sha256$${'b'.repeat(32)}$${'a'.repeat(64)}`,
          cabinets: [
            cabinet('cab-a', 1, [
              ['A01', 1],
              ['A02', 1],
            ]),
            cabinet('cab-a', 1, [['A01', 1]]),
          ],
        },
      ],
    };
    expect(issuesOf(hall)).toEqual([
      'devices.lockers[0].cabinets[0].compartments[1].channel: channel 1 is used twice on this board',
      'devices.lockers[0].cabinets[1].id: duplicate cabinet id "cab-a"',
      'devices.lockers[0].cabinets[1].boardAddress: board address 1 is used twice on this locker',
      'devices.lockers[0].cabinets[1].compartments[0].number: duplicate compartment number "A01"',
    ]);
  });

  it('reports an empty or non-mapping document at the top level', () => {
    expect(issuesOf(null)).toEqual(['(top level): the file is empty']);
    expect(issuesOf([1, 2])).toEqual(['(top level): must be a mapping of fields, not a list']);
  });

  it('puts the source and every issue in the message', () => {
    const hall = minimalHall();
    hall.windows[0]!.serves = ['X'];
    hall.windowTypes[1]!.prefix = 'A';
    const error = (() => {
      try {
        parseHallConfig(hall, 'halls/mine.yaml');
      } catch (e) {
        return e as HallConfigError;
      }
      throw new Error('expected a HallConfigError');
    })();
    expect(error.message).toBe(
      'Invalid hall config halls/mine.yaml (2 problems):\n' +
        '  windowTypes[1].prefix: duplicate prefix "A"\n' +
        '  windows[0].serves[0]: unknown window type "X"',
    );
  });
});

describe('loadHallConfig', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hallq-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const issuesLoading = (path: string) => {
    try {
      loadHallConfig(path);
    } catch (e) {
      expect(e).toBeInstanceOf(HallConfigError);
      expect((e as Error).message).toContain(path);
      return (e as HallConfigError).issues;
    }
    throw new Error(`expected ${path} to be rejected`);
  };

  it('reads .json and .yml as well as .yaml', () => {
    expect(loadHallConfig(write('hall.json', JSON.stringify(minimalHall()))).windows).toHaveLength(2);
    expect(loadHallConfig(write('hall.yml', JSON.stringify(minimalHall()))).windows).toHaveLength(2);
  });

  it('validates what it reads, naming the path in the file', () => {
    const hall = minimalHall();
    hall.staff![0]!.aWindows = [7];
    expect(issuesLoading(write('bad.json', JSON.stringify(hall)))).toEqual(['staff[0].aWindows[0]: unknown window 7']);
  });

  it('gives the line of a YAML syntax error', () => {
    const path = write('broken.yaml', 'name:\n  zh: 测试大厅\nwindows: [1, 2\nhours: {}\n');
    const issues = issuesLoading(path);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatch(/^line \d+, column \d+: \S/);
  });

  it('reports a duplicate YAML key with its line', () => {
    const issues = issuesLoading(write('dupkey.yaml', 'name:\n  zh: 甲\nname:\n  zh: 乙\n'));
    expect(issues).toEqual([expect.stringMatching(/^line 3, column 1: .*[Uu]nique/)]);
  });

  it('reports invalid JSON', () => {
    expect(issuesLoading(write('broken.json', '{ "name": '))).toEqual([expect.stringMatching(/not valid JSON: /)]);
    expect(issuesLoading(write('comma.json', '{\n  "name": 1,\n}\n'))).toEqual([
      expect.stringMatching(/^(line 3, column 1: not valid JSON: .*|not valid JSON: .*line 3 column 1.*)$/),
    ]);
  });

  it('reports a missing file, a directory and a wrong extension', () => {
    expect(issuesLoading(join(dir, 'nope.yaml'))).toEqual(['file not found']);
    const sub = join(dir, 'sub.yaml');
    mkdirSync(sub);
    expect(issuesLoading(sub)).toEqual(['is a directory, not a file']);
    expect(issuesLoading(write('hall.toml', ''))).toEqual([
      'unsupported file extension ".toml": a hall file ends in .yaml, .yml or .json',
    ]);
    expect(issuesLoading(join(dir, 'hall'))).toEqual(['no file extension: a hall file ends in .yaml, .yml or .json']);
  });

  it('reports an empty file', () => {
    expect(issuesLoading(write('empty.yaml', '# nothing yet\n'))).toEqual(['(top level): the file is empty']);
  });
});

describe('formatIssuePath', () => {
  it('joins names with dots and indexes with brackets', () => {
    expect(formatIssuePath(['windows', 3, 'serves', 1])).toBe('windows[3].serves[1]');
    expect(formatIssuePath(['windowTypes', 0, 'prefix'])).toBe('windowTypes[0].prefix');
    expect(formatIssuePath(['devices', 'displays', 0, 'window'])).toBe('devices.displays[0].window');
  });

  it('quotes keys that are not plain names', () => {
    expect(formatIssuePath(['name', 'major projects)'])).toBe('name["major projects)"]');
    expect(formatIssuePath([0, 'a-b'])).toBe('[0]["a-b"]');
    expect(formatIssuePath([Symbol('x')])).toBe('[Symbol(x)]');
    expect(formatIssuePath([])).toBe('');
  });
});
