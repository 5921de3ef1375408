import { describe, expect, it } from 'vitest';
import type { HallConfigInput } from '../config/hall-config';
import { makeRatingRecord, makeTicket, shanghai, testHall } from '../testing/fixtures';
import { FollowUp, Rating } from './rating';
import type { FollowUpContext } from './rating-lifecycle';
import {
  followUpTransition,
  newRating,
  openFollowUp,
  pastDeadline,
  ratingRecordOf,
  ratingRequestOf,
  ratingTransition,
} from './rating-lifecycle';

const hall = testHall({ ratingReasons: [{ code: 'long_wait', name: { zh: '等候时间太长' } }] });
const requested = newRating({
  id: 'r1',
  ticket: makeTicket({ sequence: 12, clerk: 'c03', serviceItem: 'ssc-card' }),
  window: 3,
  hallDay: '2026-11-23',
  now: shanghai('10:00'),
  policy: hall.policy, // 60 seconds to answer
});
const open = requested.rating;
const at = (time: string) => ({ now: shanghai(time), hall });
const answer = (level: 'satisfied' | 'dissatisfied', reason: { code: string; text: string | null } | null = null) => ({
  type: 'answer' as const,
  window: 3,
  level,
  reason,
});

describe('newRating', () => {
  it('opens a request at the window, expiring after ratingTimeoutSeconds, and announces it to the pad', () => {
    expect(open).toMatchObject({
      ticketNumber: 'A012',
      window: 3,
      clerk: 'c03',
      serviceItem: 'ssc-card',
      expiresAt: shanghai('10:01').toISOString(),
      result: null,
      recordedAt: null,
    });
    expect(requested.events).toEqual([{ type: 'rating.requested', request: ratingRequestOf(open) }]);
    expect(Object.keys(ratingRequestOf(open))).toEqual([
      'id',
      'window',
      'ticketNumber',
      'clerk',
      'requestedAt',
      'expiresAt',
    ]);
  });

  it('has no stored record until it ends', () => {
    expect(() => ratingRecordOf(open)).toThrow(TypeError);
  });
});

describe('ratingTransition', () => {
  it('records an answer from the pad at the window, as of the answer', () => {
    const result = ratingTransition(open, answer('satisfied'), at('10:00:30'));
    if (!result.ok) throw new Error(result.message);
    expect(result.record).toMatchObject({
      result: 'satisfied',
      reason: null,
      recordedAt: shanghai('10:00:30').toISOString(),
    });
    expect(result.rating.result).toBe('satisfied');
    expect(result.events).toEqual([{ type: 'rating.recorded', requestId: 'r1', rating: result.record }]);
  });

  it('refuses an answer from the pad of another window', () => {
    expect(ratingTransition(open, { ...answer('satisfied'), window: 4 }, at('10:00:30'))).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'rating request r1 is for window 3; this pad is not at it',
    });
  });

  it('refuses a second answer (一次一评), and an answer to a request that ended unanswered', () => {
    const answered = ratingTransition(open, answer('satisfied'), at('10:00:30'));
    if (!answered.ok) throw new Error(answered.message);
    expect(ratingTransition(answered.rating, answer('satisfied'), at('10:00:40'))).toEqual({
      ok: false,
      code: 'invalid_state',
      message: 'rating request r1 has already been answered',
    });
    const superseded = ratingTransition(open, { type: 'supersede' }, at('10:00:10'));
    if (!superseded.ok) throw new Error(superseded.message);
    expect(ratingTransition(superseded.rating, answer('satisfied'), at('10:00:20'))).toEqual({
      ok: false,
      code: 'invalid_state',
      message: 'rating request r1 has ended unanswered (recorded as not rated)',
    });
  });

  it('refuses an answer at or after the expiry, even before the expiry is recorded', () => {
    expect(ratingTransition(open, answer('satisfied'), at('10:01'))).toEqual({
      ok: false,
      code: 'invalid_state',
      message: `rating request r1 expired at ${shanghai('10:01').toISOString()}`,
    });
  });

  it('takes a bad rating with a reason of the hall, or other, and refuses an unknown reason naming the field', () => {
    expect(ratingTransition(open, answer('dissatisfied', { code: 'long_wait', text: null }), at('10:00:30')).ok).toBe(
      true,
    );
    expect(ratingTransition(open, answer('dissatisfied', { code: 'other', text: '太慢' }), at('10:00:30')).ok).toBe(
      true,
    );
    expect(ratingTransition(open, answer('dissatisfied', { code: 'rude', text: null }), at('10:00:30'))).toEqual({
      ok: false,
      code: 'validation_failed',
      field: 'reason.code',
      message: 'unknown reason "rude": use one of the hall\'s reasons, or "other"',
    });
  });

  it('records an expired request as not rated as of its expiry, even when the sweep runs late', () => {
    const result = ratingTransition(open, { type: 'expire' }, at('11:30'));
    if (!result.ok) throw new Error(result.message);
    expect(result.record).toMatchObject({ result: 'not_rated', reason: null, recordedAt: open.expiresAt });
  });

  it('does not expire a request before its time, nor one that has ended', () => {
    expect(ratingTransition(open, { type: 'expire' }, at('10:00:59'))).toMatchObject({
      ok: false,
      code: 'invalid_state',
    });
    const answered = ratingTransition(open, answer('satisfied'), at('10:00:30'));
    if (!answered.ok) throw new Error(answered.message);
    expect(ratingTransition(answered.rating, { type: 'expire' }, at('10:02'))).toMatchObject({
      ok: false,
      message: 'rating request r1 has already been answered',
    });
  });

  it("records a request superseded by the window's next service as not rated, as of now", () => {
    const result = ratingTransition(open, { type: 'supersede' }, at('10:00:20'));
    if (!result.ok) throw new Error(result.message);
    expect(result.record).toMatchObject({ result: 'not_rated', recordedAt: shanghai('10:00:20').toISOString() });
  });
});

const staff = (id: string) => ({
  id,
  name: id,
  role: 'manager' as const,
  department: 'office',
  passwordHash: `scrypt$${'0'.repeat(16)}$${'0'.repeat(64)}`,
});

/** The test hall with staff m1, five follow-up working days, and the calendar patch. */
function followUpHall(calendar: HallConfigInput['calendar'] = { holidays: [], workdays: [] }) {
  return testHall({ staff: [staff('m1')], calendar, policy: { followUpWorkingDays: 5 } });
}
// Friday 2026-11-27: a bad rating just before the weekend.
const bad = makeRatingRecord({
  hallDay: '2026-11-27',
  result: 'very_dissatisfied',
  reason: { code: 'other', text: null },
});
const ctxAt = (time: string, day = '2026-11-27', h = followUpHall()): FollowUpContext => ({
  now: shanghai(time, day),
  hall: h,
});

function opened(ctx = ctxAt('16:00')): FollowUp {
  const result = openFollowUp('f1', bad, ctx);
  if (!result.ok) throw new Error(result.message);
  return result.followUp;
}

describe('openFollowUp', () => {
  it('opens a follow-up for a bad rating, due five working days on: a Friday rating is due next Friday', () => {
    const result = openFollowUp('f1', bad, ctxAt('16:00'));
    expect(result).toMatchObject({
      ok: true,
      followUp: { id: 'f1', status: 'open', deadline: '2026-12-04', assignee: null, notes: [], closedAt: null },
      overdue: false,
    });
    if (result.ok) expect(result.events).toEqual([{ type: 'followup.updated', followUp: result.followUp }]);
  });

  it('counts the deadline on the hall calendar: a holiday pushes it on, a 调休 Saturday brings it forward', () => {
    const holiday = followUpHall({ holidays: ['2026-11-30'], workdays: [] });
    expect(openFollowUp('f1', bad, ctxAt('16:00', '2026-11-27', holiday))).toMatchObject({
      followUp: { deadline: '2026-12-07' },
    });
    const swapped = followUpHall({ holidays: [], workdays: [{ date: '2026-11-28', as: 'mon' }] });
    expect(openFollowUp('f1', bad, ctxAt('16:00', '2026-11-27', swapped))).toMatchObject({
      followUp: { deadline: '2026-12-03' },
    });
  });

  it('refuses to follow up a rating that is not bad', () => {
    for (const result of ['satisfied', 'not_rated'] as const) {
      expect(openFollowUp('f1', makeRatingRecord({ result }), ctxAt('16:00'))).toEqual({
        ok: false,
        code: 'invalid_state',
        message: 'rating rec-1 is not a bad rating; only a bad rating is followed up',
      });
    }
  });
});

describe('followUpTransition', () => {
  it('assigns to a member of staff of the hall, and refuses anyone else naming the field', () => {
    expect(followUpTransition(opened(), { type: 'assign', staffId: 'm1' }, ctxAt('16:05'))).toMatchObject({
      ok: true,
      followUp: { status: 'assigned', assignee: 'm1' },
    });
    expect(followUpTransition(opened(), { type: 'assign', staffId: 'ghost' }, ctxAt('16:05'))).toEqual({
      ok: false,
      code: 'validation_failed',
      field: 'staffId',
      message: 'no member of staff "ghost" in this hall',
    });
  });

  it('adds notes in order, leaving the status alone', () => {
    const first = followUpTransition(
      opened(),
      { type: 'note', by: 'm1', text: '已回电', calledBack: true },
      ctxAt('16:10'),
    );
    if (!first.ok) throw new Error(first.message);
    const second = followUpTransition(
      first.followUp,
      { type: 'note', by: 'm1', text: '已整改', calledBack: false },
      ctxAt('16:20'),
    );
    if (!second.ok) throw new Error(second.message);
    expect(second.followUp.status).toBe('open');
    expect(second.followUp.notes).toEqual([
      { at: shanghai('16:10', '2026-11-27').toISOString(), by: 'm1', text: '已回电', calledBack: true },
      { at: shanghai('16:20', '2026-11-27').toISOString(), by: 'm1', text: '已整改', calledBack: false },
    ]);
  });

  it('closes on the deadline day in time, and a day later overdue', () => {
    const close = { type: 'close' as const, resolution: '已道歉并改进' };
    const onTime = followUpTransition(opened(), close, ctxAt('17:00', '2026-12-04'));
    expect(onTime).toMatchObject({
      ok: true,
      overdue: false,
      followUp: {
        status: 'closed',
        resolution: '已道歉并改进',
        closedAt: shanghai('17:00', '2026-12-04').toISOString(),
      },
    });
    expect(followUpTransition(opened(), close, ctxAt('09:00', '2026-12-05'))).toMatchObject({
      ok: true,
      overdue: true,
    });
  });

  it('refuses any change to a closed follow-up', () => {
    const closed = followUpTransition(opened(), { type: 'close', resolution: '已处理' }, ctxAt('17:00'));
    if (!closed.ok) throw new Error(closed.message);
    const refusal = {
      ok: false,
      code: 'invalid_state',
      message: `follow-up f1 was closed at ${shanghai('17:00', '2026-11-27').toISOString()}`,
    };
    expect(followUpTransition(closed.followUp, { type: 'assign', staffId: 'm1' }, ctxAt('17:05'))).toEqual(refusal);
    expect(
      followUpTransition(closed.followUp, { type: 'note', by: 'm1', text: 'x', calledBack: false }, ctxAt('17:05')),
    ).toEqual(refusal);
    expect(followUpTransition(closed.followUp, { type: 'close', resolution: 'again' }, ctxAt('17:05'))).toEqual(
      refusal,
    );
  });
});

describe('the lifecycle and the schemas', () => {
  it('gives ratings and follow-ups that parse with their schemas, so a stored one reads back the same', () => {
    const answered = ratingTransition(open, answer('dissatisfied', { code: 'long_wait', text: null }), at('10:00:30'));
    if (!answered.ok) throw new Error(answered.message);
    expect(Rating.parse(open)).toEqual(open);
    expect(Rating.parse(answered.rating)).toEqual(answered.rating);
    expect(FollowUp.parse(opened())).toEqual(opened());
  });
});

describe('pastDeadline', () => {
  it('is past the deadline only from the day after it, counted in the hall time zone', () => {
    const followUp = { deadline: '2025-06-20' };
    // 23:59 on the deadline day in Shanghai is 15:59 UTC: still in time.
    expect(pastDeadline(followUp, new Date('2025-06-20T15:59:00Z'), 'Asia/Shanghai')).toBe(false);
    expect(pastDeadline(followUp, new Date('2025-06-20T16:00:00Z'), 'Asia/Shanghai')).toBe(true);
    expect(pastDeadline(followUp, new Date('2025-06-20T16:00:00Z'), 'UTC')).toBe(false);
  });
});
