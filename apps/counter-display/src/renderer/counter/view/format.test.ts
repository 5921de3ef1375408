import { describe, expect, it } from 'vitest';
import { clockTime, formatDuration } from './format';

describe('formatting', () => {
  it('shows a service time as mm:ss, with hours once past an hour', () => {
    expect(formatDuration(7 * 60_000 + 5_000)).toBe('07:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('shows times on the hall’s clock', () => {
    expect(clockTime('2026-11-20T02:05:00.000Z', 'Asia/Shanghai')).toBe('10:05');
  });
});
