import { describe, expect, it } from 'vitest';
import { HallConfig } from '../../config/hall-config';
import { hallInput, makeWindow, testHall } from '../../testing/fixtures';
import { chiefChangeProblems } from './chief-scope';
import { changedSections, settingsChanges } from './settings-diff';
import { type DayWork, strandedWork } from './stranded-work';

const item = (code: string, department: string) => ({
  code,
  name: { zh: `事项${code}` },
  level: 'city' as const,
  kind: 'immediate' as const,
  promisedWorkingDays: 0,
  materials: [],
  feeYuan: 0,
  windowType: 'social',
  department,
});

const hall = testHall({ serviceItems: [item('S1', 'social-bureau'), item('G1', 'office')] });
const edit = (change: (h: HallConfig) => void): HallConfig => {
  const next = structuredClone(hall);
  change(next);
  return HallConfig.parse(next);
};
const idle: DayWork = { openTickets: [], issuedPrefixes: new Map(), windows: [] };

describe('settingsChanges', () => {
  it('names each entry added, removed or changed, with the fields that changed', () => {
    const next = edit((h) => {
      h.windows[0]!.serves = ['general'];
      h.windows[0]!.zone = 'C';
      h.windows.pop();
      h.windowTypes.push({ ...h.windowTypes[0]!, code: 'new', prefix: 'N' });
    });
    expect(settingsChanges(hall, next)).toEqual([
      { section: 'windowTypes', key: 'new', kind: 'added', fields: [] },
      { section: 'windows', key: '1', kind: 'changed', fields: ['serves', 'zone'] },
      { section: 'windows', key: '3', kind: 'removed', fields: [] },
    ]);
  });

  it('tells the fields of a whole section (the policy) and the devices by their kind', () => {
    const next = edit((h) => {
      h.policy.priorityBurst = 4;
      h.devices.kiosks.push({ id: 'k9', name: 'Kiosk 9', zone: 'A' });
    });
    const changes = settingsChanges(hall, next);
    expect(changes).toEqual([
      { section: 'devices', key: 'kiosks:k9', kind: 'added', fields: [] },
      { section: 'policy', key: null, kind: 'changed', fields: ['priorityBurst'] },
    ]);
    expect(changedSections(changes)).toEqual(['devices', 'policy']);
  });

  it('sees a new order of the same windows as a change, and the same hall as none', () => {
    expect(
      settingsChanges(
        hall,
        edit((h) => h.windows.reverse()),
      ),
    ).toEqual([{ section: 'windows', key: null, kind: 'changed', fields: ['order'] }]);
    expect(settingsChanges(hall, HallConfig.parse(structuredClone(hall)))).toEqual([]);
  });
});

describe('strandedWork', () => {
  const work = (fields: Partial<DayWork>): DayWork => ({ ...idle, ...fields });

  it('refuses removing a window type while its tickets are open, naming some of them', () => {
    const next = edit((h) => {
      h.windowTypes = h.windowTypes.filter((t) => t.code !== 'social');
      h.windows.forEach((w) => (w.serves = w.serves.filter((s) => s !== 'social')));
      h.serviceItems = h.serviceItems.filter((s) => s.windowType !== 'social');
    });
    const open = work({ openTickets: [{ number: 'B001', windowType: 'social', serviceItem: null }] });
    expect(strandedWork(hall, next, open)).toEqual([
      { path: ['windowTypes'], message: expect.stringContaining('"social" (社保) still has 1 ticket(s) today (B001)') },
    ]);
    expect(strandedWork(hall, next, idle)).toEqual([]);
  });

  it('refuses leaving open tickets with no window to serve them, but not a window that serves other types now', () => {
    const open = work({ openTickets: [{ number: 'C002', windowType: 'help', serviceItem: null }] });
    const noHelp = edit((h) => (h.windows[2]!.serves = ['general']));
    expect(strandedWork(hall, noHelp, open)).toEqual([
      { path: ['windows'], message: expect.stringContaining('no window would serve them') },
    ]);
    const moved = edit((h) => {
      h.windows[2]!.serves = ['general'];
      h.windows[0]!.serves = ['general', 'help'];
    });
    expect(strandedWork(hall, moved, open)).toEqual([]);
  });

  it('refuses removing a service item that open tickets were taken for', () => {
    const next = edit((h) => (h.serviceItems = h.serviceItems.filter((s) => s.code !== 'S1')));
    const open = work({ openTickets: [{ number: 'B003', windowType: 'social', serviceItem: 'S1' }] });
    expect(strandedWork(hall, next, open)[0]?.message).toMatch(/"S1" .* open ticket\(s\) today \(B003\)/);
  });

  it("refuses a prefix that would number today's tickets twice, either way round", () => {
    const issued = work({ issuedPrefixes: new Map([['B', 'social']]) });
    const renamed = edit((h) => (h.windowTypes[1]!.prefix = 'S'));
    expect(strandedWork(hall, renamed, issued)).toEqual([
      { path: ['windowTypes', 1, 'prefix'], message: expect.stringContaining('tickets B… of "social"') },
    ]);
    const swapped = edit((h) => {
      h.windowTypes[1]!.prefix = 'S';
      h.windowTypes[0]!.prefix = 'B';
    });
    expect(strandedWork(hall, swapped, issued).map((p) => p.path)).toEqual([
      ['windowTypes', 0, 'prefix'],
      ['windowTypes', 1, 'prefix'],
    ]);
    expect(strandedWork(hall, renamed, idle)).toEqual([]);
  });

  it('refuses removing a window a clerk is logged in at, and removing or disabling that clerk', () => {
    const withStaff = HallConfig.parse({
      ...hallInput(),
      staff: [{ id: 'c1', name: '李', role: 'clerk', department: 'office', aWindows: [3] }],
    });
    const busy = work({ windows: [makeWindow(3, { status: 'open', clerk: 'c1', post: 'A' })] });
    const noWindow = HallConfig.parse({ ...withStaff, windows: withStaff.windows.slice(0, 2), staff: [] });
    expect(strandedWork(withStaff, noWindow, busy).map((p) => p.message)).toEqual([
      expect.stringContaining('window 3 is in use (c1 is logged in there)'),
      expect.stringContaining('c1 is logged in at window 3'),
    ]);
    const disabled = HallConfig.parse({ ...withStaff, staff: [{ ...withStaff.staff[0]!, disabled: true }] });
    expect(strandedWork(withStaff, disabled, busy)).toEqual([
      { path: ['staff', 0, 'disabled'], message: expect.stringContaining('c1 is logged in at window 3') },
    ]);
    expect(strandedWork(withStaff, disabled, idle)).toEqual([]);
  });
});

describe('strandedWork: the console itself', () => {
  it('refuses removing or disabling the last manager, and not one of two', () => {
    const person = (id: string, role: 'manager' | 'clerk') => ({ id, name: id, role, department: 'office' });
    const one = HallConfig.parse({ ...hallInput(), staff: [person('m1', 'manager'), person('c1', 'clerk')] });
    const two = HallConfig.parse({ ...hallInput(), staff: [person('m1', 'manager'), person('m2', 'manager')] });
    const disable = (hall: HallConfig, id: string) =>
      HallConfig.parse({ ...hall, staff: hall.staff.map((s) => (s.id === id ? { ...s, disabled: true } : s)) });
    expect(strandedWork(one, disable(one, 'm1'), idle)).toEqual([
      { path: ['staff'], message: 'the hall would have no manager left to change its settings' },
    ]);
    expect(strandedWork(two, disable(two, 'm1'), idle)).toEqual([]);
  });
});

describe('chiefChangeProblems', () => {
  const open = edit((h) => (h.policy.chiefsEditOwnDepartment = true));
  const from = (change: (h: HallConfig) => void) => {
    const next = structuredClone(open);
    change(next);
    return HallConfig.parse(next);
  };

  it("lets a chief representative change their own department's items and windows", () => {
    const next = from((h) => {
      h.serviceItems[0]!.feeYuan = 10;
      h.windows[1]!.serves = ['social'];
    });
    expect(chiefChangeProblems(open, next, 'social-bureau')).toEqual([]);
  });

  it("refuses another department's entries, moving an entry out of theirs, and any other section", () => {
    const next = from((h) => {
      h.serviceItems[1]!.feeYuan = 5; // G1, the office's
      h.serviceItems[0]!.department = 'office'; // S1 given away
      h.policy.priorityBurst = 5;
    });
    expect(chiefChangeProblems(open, next, 'social-bureau')).toEqual([
      { path: ['serviceItems', 0, 'department'], message: 'item S1 is of department "office", not yours' },
      { path: ['serviceItems', 1, 'department'], message: 'item G1 is of department "office", not yours' },
      { path: ['policy'], message: expect.stringContaining('only their department') },
    ]);
  });

  it('refuses every change where the hall does not allow it', () => {
    const next = edit((h) => (h.serviceItems[0]!.feeYuan = 10));
    expect(chiefChangeProblems(hall, next, 'social-bureau')).toEqual([
      { path: [], message: 'this hall does not let chief representatives change settings' },
    ]);
  });
});
