import type { FollowUp, PublicHall, StaffMember, WindowConfig, WindowTypeConfig } from '@hallq/shared/contracts';
import { answersFor } from '@hallq/shared/domain';
import { makePublicHall } from '@hallq/shared/testing';
import type { StaffSession } from '../../common/staff-session';
import { followUp, rating } from './test-services';

// Test fixtures: a hall of three departments, as the manager and the chief representatives meet it.

const type = (code: string, prefix: string, zh: string): WindowTypeConfig => ({
  code,
  prefix,
  name: { zh },
  kind: 'sector',
  targetWaitMinutes: 20,
  defaultServiceMinutes: 8,
});

const counter = (number: number, department: string, serves: string[]): WindowConfig => ({
  number,
  name: { zh: `${number}号窗口` },
  zone: '二楼',
  floor: 2,
  serves,
  callMode: 'preference',
  department,
});

/** The hall office at window 1; 人社 (hrss) at window 11; 税务 (tax) at windows 13 and 14, 14 taking 个人综窗 too. */
export function departmentHall(): PublicHall {
  return makePublicHall({
    name: { zh: '测试大厅' },
    timeZone: 'Asia/Shanghai',
    departments: [
      { code: 'office', name: { zh: '政务服务中心' }, hallOffice: true },
      { code: 'hrss', name: { zh: '市人力资源和社会保障局' }, hallOffice: false },
      { code: 'tax', name: { zh: '市税务局' }, hallOffice: false },
    ],
    windowTypes: [
      type('personal', 'A', '个人综窗'),
      type('social-security', 'C', '社保'),
      type('medical-insurance', 'D', '医保'),
      type('tax', 'E', '税务'),
    ],
    windows: [
      counter(1, 'office', ['personal']),
      counter(11, 'hrss', ['social-security', 'medical-insurance']),
      counter(13, 'tax', ['tax']),
      counter(14, 'tax', ['tax', 'personal']),
    ],
    ratingReasons: [{ code: 'long_wait', name: { zh: '等候时间太长' } }],
  });
}

const person = (
  id: string,
  name: string,
  role: StaffMember['role'],
  department: string,
  aWindows: number[] = [],
): StaffMember => ({ id, name, role, department, aWindows, bWindows: [] });

const STAFF: StaffMember[] = [
  person('admin', '孙立新', 'manager', 'office'),
  person('c01', '次仁卓玛', 'clerk', 'office', [1]),
  person('c11', '尼玛次仁', 'clerk', 'hrss', [11]),
  person('c13', '央金', 'clerk', 'tax', [13]),
  person('z01', '边巴次仁', 'chief_representative', 'hrss'),
  person('z02', '马志强', 'chief_representative', 'tax'),
];

/** What GET /api/staff answers `id`: the people they answer for. */
export function directoryOf(id: string): StaffMember[] {
  const me = STAFF.find((s) => s.id === id)!;
  return STAFF.filter((s) => answersFor(me, s.department));
}

export const sessionOf = (id: string): StaffSession => {
  const { name, role } = STAFF.find((s) => s.id === id)!;
  return { token: `tok-${id}`, expiresAt: '2099-01-01T00:00:00.000Z', staff: { id, name, role } };
};

/** A dissatisfied rating's follow-up at `window`, due 2025-05-13. */
export function followUpAt(id: string, window: number, over: Partial<FollowUp> = {}): FollowUp {
  return followUp(id, { rating: rating({ id: `rt-${id}`, window, clerk: `c${window}` }), ...over });
}

/** Closed at `closedAt` (an instant; its hall day is in Shanghai time) by `assignee`. */
export function closedAt(id: string, window: number, at: string, over: Partial<FollowUp> = {}): FollowUp {
  return followUpAt(id, window, { status: 'closed', closedAt: at, resolution: '已整改', assignee: 'c11', ...over });
}
