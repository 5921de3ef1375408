import { describe, expect, it } from 'vitest';
import { makeTicket, testHall } from '../testing/fixtures';
import { buildNotice, NOTICE_KINDS, noticeKindOf, type NoticeContext, type NoticeHall } from './notice';
import { Outcome, Ticket } from './ticket';

const ID_CARD = { zh: '申请人居民身份证', en: "Applicant's resident ID card" };
const HUKOU = { zh: '户口簿', en: 'Household register' };

/** The test hall with one item of the 人社局 (social-bureau), taken at the hall office's window 1. */
const hall: NoticeHall = testHall({
  serviceItems: [
    {
      code: 'pension-claim',
      name: { zh: '养老保险待遇申领', en: 'Pension claim' },
      level: 'district',
      kind: 'promised',
      promisedWorkingDays: 10,
      materials: [ID_CARD, HUKOU],
      feeYuan: 0,
      windowType: 'general',
      department: 'social-bureau',
    },
  ],
});

// 2026-11-24 00:30 in Shanghai is still 23 November in UTC: the notice is dated by the hall's clock.
const NOW = new Date('2026-11-23T16:30:00Z');
const context = (over: Partial<NoticeContext> = {}): NoticeContext => ({
  hall,
  window: 1,
  clerk: { id: 'c1', name: '扎西多吉' },
  now: NOW,
  ...over,
});

/** A001, finished at window 1 with `outcome`, for the pension claim. */
const finished = (outcome: Outcome, over: Partial<Ticket> = {}) =>
  makeTicket({
    sequence: 1,
    serviceItem: 'pension-claim',
    state: 'finished',
    window: 1,
    clerk: 'c1',
    outcome,
    ...over,
  });

const field = (notice: ReturnType<typeof buildNotice>, name: string) =>
  notice?.fields.find((f) => f.name === name)?.value;

describe('which outcomes need a notice', () => {
  it('every outcome but 办结', () => {
    expect(noticeKindOf({ kind: 'completed' })).toBeNull();
    expect(noticeKindOf(null)).toBeNull();
    expect(NOTICE_KINDS.map((kind) => noticeKindOf(sample(kind)))).toEqual(NOTICE_KINDS);
    expect(buildNotice(finished({ kind: 'completed' }), context())).toBeNull();
  });
});

describe('a notice', () => {
  it('names the hall, the item, its department, the numbers, the window and the clerk, dated by the hall clock', () => {
    const notice = buildNotice(finished(sample('incomplete')), context())!;
    expect(notice).toMatchObject({
      kind: 'incomplete',
      titleKey: 'title.incomplete',
      hallName: { zh: '测试政务服务大厅' },
      department: { zh: '人社局' },
      serviceItem: { zh: '养老保险待遇申领', en: 'Pension claim' },
      date: '2026-11-24',
      ticketDay: '2026-11-23',
      ticketNumber: 'A001',
    });
    expect(notice.fields.map((f) => f.name)).toEqual([
      'item',
      'department',
      'noticeNumber',
      'ticketNumber',
      'window',
      'clerk',
      'date',
    ]);
    expect(field(notice, 'noticeNumber')).toEqual({ type: 'text', text: '2026-11-23-A001' });
    expect(field(notice, 'window')).toEqual({ type: 'localized', text: { zh: '1号窗口' } });
    expect(field(notice, 'clerk')).toEqual({ type: 'staff', id: 'c1', name: '扎西多吉' });
    expect(field(notice, 'date')).toEqual({ type: 'date', day: '2026-11-24' });
  });

  it('shows the applicant only masked, and only when the clerk typed a name', () => {
    expect(
      field(buildNotice(finished(sample('rejected')), context({ applicantName: ' 欧阳娜娜 ' })), 'applicant'),
    ).toEqual({ type: 'text', text: '欧***' });
    const unnamed = buildNotice(finished(sample('rejected')), context({ applicantName: '  ' }))!;
    expect(unnamed.fields.some((f) => f.name === 'applicant')).toBe(false);
    expect(
      JSON.stringify(buildNotice(finished(sample('rejected')), context({ applicantName: '欧阳娜娜' }))),
    ).not.toContain('阳娜娜');
  });

  it('without an item, is the window department’s and leaves the item out', () => {
    const notice = buildNotice(finished(sample('rejected'), { serviceItem: null }), context({ window: 2 }))!;
    expect(notice.department).toEqual({ zh: '人社局' });
    expect(notice.serviceItem).toBeNull();
    expect(notice.fields.some((f) => f.name === 'item')).toBe(false);
    expect(buildNotice(finished(sample('rejected'), { serviceItem: null }), context())!.department).toEqual({
      zh: '政务服务中心',
    });
  });

  it('names the clerk by staff number alone when the name is not known', () => {
    expect(field(buildNotice(finished(sample('accepted')), context({ clerk: { id: 'c9' } })), 'clerk')).toEqual({
      type: 'staff',
      id: 'c9',
      name: null,
    });
    expect(
      buildNotice(finished(sample('accepted')), context({ clerk: undefined }))!.fields.map((f) => f.name),
    ).not.toContain('clerk');
  });
});

describe('what each kind says', () => {
  it('受理: the promised date, numbered by the case number when the clerk gave one', () => {
    const plain = buildNotice(finished({ kind: 'accepted', promisedDate: '2026-12-07' }), context())!;
    expect(plain.body).toEqual({ kind: 'accepted', promisedDate: '2026-12-07' });
    expect(field(plain, 'noticeNumber')).toEqual({ type: 'text', text: '2026-11-23-A001' });
    const numbered = buildNotice(
      finished({ kind: 'accepted', promisedDate: '2026-12-07', caseNumber: 'SB-2026-0042' }),
      context(),
    )!;
    expect(field(numbered, 'noticeNumber')).toEqual({ type: 'text', text: 'SB-2026-0042' });
  });

  it('一次性告知: every missing material in order, the item’s own in every language it has', () => {
    const notice = buildNotice(
      finished({ kind: 'incomplete', missingMaterials: ['户口簿', '村委会出具的居住证明', '申请人居民身份证'] }),
      context(),
    )!;
    expect(notice.body).toEqual({
      kind: 'incomplete',
      materials: [
        { type: 'localized', text: HUKOU },
        { type: 'text', text: '村委会出具的居住证明' },
        { type: 'localized', text: ID_CARD },
      ],
    });
  });

  it('不予受理: the reason, and where to apply instead when the clerk said', () => {
    expect(buildNotice(finished({ kind: 'rejected', reason: '不属于本中心受理范围' }), context())!.body).toEqual({
      kind: 'rejected',
      reason: '不属于本中心受理范围',
      referTo: null,
    });
    const referred = finished({ kind: 'rejected', reason: '户籍不在本市', referTo: '户籍所在地县级人社部门' });
    expect(buildNotice(referred, context())!.body).toMatchObject({ referTo: '户籍所在地县级人社部门' });
  });

  it('转交: the window type and window to go to by their names, and the note', () => {
    const ticket = finished(
      { kind: 'transferred', toWindowType: 'social', toWindow: 2, note: '请补充社保缴费记录' },
      { state: 'transferred', window: null, clerk: null },
    );
    expect(buildNotice(ticket, context())!.body).toEqual({
      kind: 'transferred',
      toWindowType: { type: 'localized', text: { zh: '社保' } },
      toWindow: { type: 'localized', text: { zh: '2号窗口' } },
      note: '请补充社保缴费记录',
    });
    const toType = finished({ kind: 'transferred', toWindowType: 'help' });
    expect(buildNotice(toType, context())!.body).toEqual({
      kind: 'transferred',
      toWindowType: { type: 'localized', text: { zh: '帮办代办' } },
      toWindow: null,
      note: null,
    });
  });
});

describe('the rejected outcome', () => {
  it('still parses as stored before it could say where to apply instead', () => {
    expect(Outcome.parse({ kind: 'rejected', reason: '材料虚假' })).toEqual({ kind: 'rejected', reason: '材料虚假' });
    const stored = finished({ kind: 'rejected', reason: '材料虚假' });
    expect(Ticket.parse(JSON.parse(JSON.stringify(stored))).outcome).toEqual({ kind: 'rejected', reason: '材料虚假' });
  });

  it('takes where to apply instead in up to 200 characters, never blank', () => {
    expect(Outcome.safeParse({ kind: 'rejected', reason: 'r', referTo: '区税务局' }).success).toBe(true);
    expect(Outcome.safeParse({ kind: 'rejected', reason: 'r', referTo: '' }).success).toBe(false);
    expect(Outcome.safeParse({ kind: 'rejected', reason: 'r', referTo: '局'.repeat(201) }).success).toBe(false);
  });
});

function sample(kind: (typeof NOTICE_KINDS)[number]): Outcome {
  switch (kind) {
    case 'accepted':
      return { kind, promisedDate: '2026-12-07' };
    case 'incomplete':
      return { kind, missingMaterials: ['户口簿'] };
    case 'rejected':
      return { kind, reason: '不属于本中心受理范围' };
    case 'transferred':
      return { kind, toWindowType: 'social' };
  }
}
