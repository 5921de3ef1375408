import type { QueueInfo, QueuesResponse, WindowTypeConfig } from '@hallq/shared';
import { describe, expect, it } from 'vitest';
import { makeQueueInfo as queue } from '../../../../../packages/shared/src/domain/test-fixtures';
import { queueRows } from './queue-rows';

function windowType(code: string, zh: string): WindowTypeConfig {
  return { code, prefix: 'A', name: { zh }, kind: 'sector', targetWaitMinutes: 20, defaultServiceMinutes: 8 };
}

function response(queues: QueueInfo[], emptyPosts: string[] = []): QueuesResponse {
  return { hallDay: '2025-05-06', generatedAt: '2025-05-06T02:00:00.000Z', queues, emptyPosts };
}

describe('queueRows', () => {
  it('orders rows as the hall configures its window types and names them in Chinese', () => {
    const rows = queueRows(
      [windowType('general', '综合窗口'), windowType('tax', '税务')],
      response([queue('tax'), queue('general')]),
    );
    expect(rows.map((r) => r.name)).toEqual(['综合窗口', '税务']);
  });

  it('falls back to the code for a window type missing from the configuration, listed last', () => {
    const rows = queueRows([windowType('general', '综合窗口')], response([queue('legacy'), queue('general')]));
    expect(rows.map((r) => r.name)).toEqual(['综合窗口', 'legacy']);
  });

  it('formats waits, serving windows and the daily cap of an open queue', () => {
    const [row] = queueRows(
      [windowType('tax', '税务')],
      response([
        queue('tax', {
          waiting: 4,
          estimatedWaitMinutes: 12,
          longestWaitMinutes: 25,
          servingWindows: [1, 3],
          issuedToday: 40,
          dailyCap: 100,
        }),
      ]),
    );
    expect(row).toMatchObject({
      waiting: 4,
      estimatedWait: '12 分钟',
      longestWait: '25 分钟',
      windows: '1、3号',
      issued: '40 / 100',
      status: '取号中',
      emptyPost: false,
    });
  });

  it('flags a type with people waiting and no open window as 空岗', () => {
    const [row] = queueRows(
      [windowType('tax', '税务')],
      response([queue('tax', { waiting: 2, estimatedWaitMinutes: null, servingWindows: [] })], ['tax']),
    );
    expect(row).toMatchObject({ status: '空岗', emptyPost: true, windows: '无', estimatedWait: '—' });
  });

  it('shows a short reason for a closed type', () => {
    const [row] = queueRows(
      [windowType('tax', '税务')],
      response([queue('tax', { open: false, closed: { code: 'lunch_break', message: 'lunch', opensAt: null } })]),
    );
    expect(row).toMatchObject({ status: '午休', open: false });
  });
});
