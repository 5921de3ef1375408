import { catalogue, createI18n } from '@hallq/shared/i18n';
import { describe, expect, it } from 'vitest';
import { closedText, formatOpensAt, formatTakenAt, refusalText } from './format';

const TZ = 'Asia/Shanghai';
// 2025-05-06 10:00 in Lhasa's hall time (UTC+8)
const NOW = Date.parse('2025-05-06T02:00:00.000Z');
const ctx = (language: 'zh' | 'bo' | 'en' = 'zh') => ({ timeZone: TZ, language, now: NOW });
const t = (language: 'zh' | 'bo' | 'en' = 'zh') => createI18n(catalogue, language).t;

describe('formatOpensAt', () => {
  it('gives a clock time for later today and a date for another day, in the hall time zone', () => {
    expect(formatOpensAt('2025-05-06T05:30:00.000Z', TZ, 'zh', NOW)).toBe('13:30');
    expect(formatOpensAt('2025-05-07T01:00:00.000Z', TZ, 'zh', NOW)).toBe('5月7日 09:00');
    expect(formatOpensAt('2025-05-07T01:00:00.000Z', TZ, 'en', NOW)).toBe('7 May 09:00');
  });
});

describe('formatTakenAt', () => {
  it('gives the date and time a ticket was taken in the hall time zone, in the ticket language', () => {
    // 23:30 UTC is already the next morning in the hall.
    const iso = '2025-05-05T23:30:00.000Z';
    expect(formatTakenAt(iso, TZ, 'zh')).toBe('2025年5月6日 07:30');
    expect(formatTakenAt(iso, TZ, 'bo')).toBe('ལོ་ 2025 ཟླ་ 5 ཚེས་ 6 07:30');
    expect(formatTakenAt(iso, TZ, 'en')).toBe('6 May 2025 07:30');
  });
});

describe('refusalText', () => {
  it('explains a lunch break with the time tickets resume, in the citizen’s language', () => {
    const refusal = { code: 'lunch_break', opensAt: '2025-05-06T05:30:00.000Z', via: 'walk_in' } as const;
    expect(refusalText(t(), refusal, ctx())).toEqual({
      title: '午间休息，暂停取号',
      advice: '13:30 恢复取号，请稍候。',
    });
    expect(refusalText(t('en'), refusal, ctx('en')).advice).toBe('Tickets can be taken again at 13:30.');
    expect(refusalText(t('bo'), refusal, ctx('bo')).advice).toContain('13:30');
  });

  it('says the cap is reached without a time', () => {
    expect(refusalText(t(), { code: 'cap_reached', opensAt: null, via: 'walk_in' }, ctx()).title).toBe(
      '今天的号已经取完了',
    );
  });

  it('tells an early appointment when to come back', () => {
    const text = refusalText(
      t(),
      { code: 'appointment_too_early', opensAt: '2025-05-06T06:00:00.000Z', via: 'appointment_code' },
      ctx(),
    );
    expect(text.advice).toBe('您的预约可以从 14:00 开始签到，请到时再来。');
  });

  it('explains a priority number refused for an item whose window type gives none', () => {
    const text = refusalText(t(), { code: 'priority_not_offered', opensAt: null, via: 'walk_in' }, ctx());
    expect(text.title).toBe('此项业务不发优先号');
    expect(text.advice).toContain('导办');
  });

  it('asks the citizen to wait until the time a limit gives', () => {
    const text = refusalText(
      t(),
      { code: 'too_many_requests', opensAt: '2025-05-06T05:31:30.000Z', via: 'walk_in' },
      ctx(),
    );
    expect(text.title).toBe('请稍候再取号');
    expect(text.advice).toContain('13:31');
  });

  it('words an unknown appointment differently for a code and for an ID card', () => {
    const byCode = refusalText(t(), { code: 'not_found', opensAt: null, via: 'appointment_code' }, ctx());
    const byCard = refusalText(t(), { code: 'not_found', opensAt: null, via: 'id_card' }, ctx());
    expect(byCode.advice).toContain('预约码');
    expect(byCard.advice).toContain('身份证');
  });

  it('never shows a raw error code for an unexpected refusal', () => {
    expect(refusalText(t(), { code: 'validation_failed', opensAt: null, via: 'walk_in' }, ctx())).toEqual({
      title: '暂时无法取号',
      advice: '请呼叫导办人员帮助。',
    });
  });
});

describe('closedText', () => {
  it('gives the closed reason of a tile with its time', () => {
    expect(closedText(t(), { code: 'closed_for_day', message: '', opensAt: '2025-05-07T01:00:00.000Z' }, ctx())).toBe(
      '今日已停止取号，下次 5月7日 09:00',
    );
    expect(closedText(t(), { code: 'cap_reached', message: '', opensAt: null }, ctx())).toBe('今日号已取完');
  });
});
