import { describe, expect, it } from 'vitest';
import { clockText } from './format';

describe('clockText', () => {
  it('shows the hall time and date in its own time zone', () => {
    expect(clockText(Date.parse('2025-05-06T01:05:00.000Z'), 'Asia/Shanghai')).toEqual({
      time: '09:05',
      date: '5月6日星期二',
    });
  });
});
