import type { QueueInfo, WindowTypeConfig } from '@hallq/shared';
import { describe, expect, it } from 'vitest';
import { formatClosed, formatWait, tileTexts } from './tile-text';

const TZ = 'Asia/Shanghai';

function windowType(code: string, zh: string): WindowTypeConfig {
  return {
    code,
    prefix: 'A',
    name: { zh },
    kind: 'comprehensive',
    targetWaitMinutes: 20,
    defaultServiceMinutes: 8,
  };
}

function queue(windowType: string, over: Partial<QueueInfo> = {}): QueueInfo {
  return {
    windowType,
    waiting: 0,
    estimatedWaitMinutes: 0,
    open: true,
    closed: null,
    servingWindows: [1],
    issuedToday: 0,
    dailyCap: null,
    longestWaitMinutes: 0,
    ...over,
  };
}

describe('formatWait', () => {
  it('says the estimated wait as "约 N 分钟"', () => {
    expect(formatWait(12)).toBe('约 12 分钟');
  });

  it('says there is no wait at 0 minutes', () => {
    expect(formatWait(0)).toBe('无需等待');
  });

  it('says no window serves the type when there is no estimate', () => {
    expect(formatWait(null)).toBe('暂无窗口办理');
  });
});

describe('formatClosed', () => {
  it('gives the lunch break end in the hall time zone', () => {
    const text = formatClosed(
      { code: 'lunch_break', message: 'closed for lunch', opensAt: '2025-05-06T06:00:00.000Z' },
      TZ,
    );
    expect(text).toBe('午间休息，14:00 恢复取号');
  });

  it('says the daily cap is used up', () => {
    expect(formatClosed({ code: 'cap_reached', message: 'cap', opensAt: null }, TZ)).toBe('今日号源已取完');
  });

  it('gives the date of the next opening once the day is over', () => {
    const text = formatClosed({ code: 'closed_for_day', message: 'closed', opensAt: '2025-05-07T00:30:00.000Z' }, TZ);
    expect(text).toBe('今日取号已结束，下次取号 5月7日 08:30');
  });
});

describe('tileTexts', () => {
  it('shows one tile per configured window type in config order, with waiting count and wait', () => {
    const tiles = tileTexts(
      [windowType('general', '综合窗口'), windowType('tax', '税务')],
      [
        queue('tax', { waiting: 3, estimatedWaitMinutes: 9 }),
        queue('general', { waiting: 7, estimatedWaitMinutes: 12 }),
      ],
      TZ,
    );
    expect(tiles).toEqual([
      { code: 'general', name: '综合窗口', open: true, waiting: '7 人等候', status: '预计等待 约 12 分钟' },
      { code: 'tax', name: '税务', open: true, waiting: '3 人等候', status: '预计等待 约 9 分钟' },
    ]);
  });

  it('shows the closed reason instead of the wait for a closed type', () => {
    const [tile] = tileTexts(
      [windowType('general', '综合窗口')],
      [queue('general', { open: false, closed: { code: 'cap_reached', message: 'cap', opensAt: null } })],
      TZ,
    );
    expect(tile).toMatchObject({ open: false, status: '今日号源已取完' });
  });

  it('marks a configured type missing from the queue list as having no information', () => {
    const [tile] = tileTexts([windowType('pickup', '综合出件')], [], TZ);
    expect(tile).toMatchObject({ open: false, waiting: '—', status: '暂无信息' });
  });
});
