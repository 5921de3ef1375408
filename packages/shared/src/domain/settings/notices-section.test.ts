import { describe, expect, it } from 'vitest';
import { HallConfig } from '../../config/hall-config';
import { fieldErrors } from '../../contracts/errors';
import { makeWindow, testHall } from '../../testing/fixtures';
import { chiefChangeProblems } from './chief-scope';
import { SETTINGS_SECTIONS } from './sections';
import { settingsChanges } from './settings-diff';
import { type DayWork, strandedWork } from './stranded-work';

const hall = testHall({ staff: [{ id: 'c1', name: '李', role: 'clerk', department: 'office', aWindows: [1] }] });
const withNotices = (notices: unknown): HallConfig => HallConfig.parse({ ...hall, notices });
const modem = { sender: 'modem', modem: { path: '/dev/ttyUSB2' } };
const gateway = (over: Record<string, unknown> = {}) => ({
  sender: 'gateway',
  gateway: { url: 'https://sms.example.gov.cn/api/send', token: 'secret-1', ...over },
});

describe('the notices section', () => {
  it('is a section of the console, which a chief representative may not change', () => {
    expect(SETTINGS_SECTIONS).toContain('notices');
    const open = HallConfig.parse({ ...hall, policy: { ...hall.policy, chiefsEditOwnDepartment: true } });
    const changed = HallConfig.parse({ ...open, notices: modem });
    expect(chiefChangeProblems(open, changed, 'office')).toEqual([
      { path: ['notices'], message: expect.stringContaining('only their department') },
    ]);
  });

  it('parses with its defaults, and names the field of each problem', () => {
    expect(withNotices(modem).notices).toMatchObject({
      sender: 'modem',
      modem: { path: '/dev/ttyUSB2', baudRate: 115200, deliveryReports: true },
      maxAttempts: 6,
    });
    const bad = HallConfig.safeParse({
      ...hall,
      notices: {
        sender: 'gateway',
        gateway: { url: 'https://sms.example.gov.cn/send?key=1', body: { to: '{{phone}}' }, timeoutSeconds: 0 },
        retrySeconds: 60,
        maxRetrySeconds: 30,
      },
    });
    expect(bad.success).toBe(false);
    expect(fieldErrors(bad.error!).map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'notices.gateway.url',
        'notices.gateway.body',
        'notices.gateway.timeoutSeconds',
        'notices.maxRetrySeconds',
      ]),
    );
    const noModem = HallConfig.safeParse({ ...hall, notices: { sender: 'modem' } });
    expect(fieldErrors(noModem.error!)).toEqual([{ path: 'notices.modem', message: expect.stringContaining('port') }]);
  });

  it('is added when first set, and then changes by its fields (a new token alone is a change of the gateway)', () => {
    const window = withNotices({});
    expect(settingsChanges(hall, window)).toEqual([{ section: 'notices', key: null, kind: 'added', fields: [] }]);
    expect(settingsChanges(window, withNotices(modem))).toEqual([
      { section: 'notices', key: null, kind: 'changed', fields: ['modem', 'sender'] },
    ]);
    expect(settingsChanges(withNotices(gateway()), withNotices(gateway({ token: 'secret-2' })))).toEqual([
      { section: 'notices', key: null, kind: 'changed', fields: ['gateway'] },
    ]);
    expect(settingsChanges(withNotices(modem), hall)).toEqual([
      { section: 'notices', key: null, kind: 'removed', fields: [] },
    ]);
    expect(settingsChanges(withNotices(modem), withNotices(modem))).toEqual([]);
  });

  it("strands none of the day's work: notices waiting go out through the new sender", () => {
    const busy: DayWork = {
      openTickets: [{ number: 'A001', windowType: 'general', serviceItem: null }],
      issuedPrefixes: new Map([['A', 'general']]),
      windows: [makeWindow(1, { status: 'open', clerk: 'c1', post: 'A' })],
    };
    expect(strandedWork(withNotices(gateway()), withNotices(modem), busy)).toEqual([]);
    expect(strandedWork(hall, withNotices(gateway()), busy)).toEqual([]);
  });
});
