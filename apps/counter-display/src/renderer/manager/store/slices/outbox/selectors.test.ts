import { describe, expect, it } from 'vitest';
import { outboxEntry } from '../../test-services';
import { newestFirst, noticeStage } from './selectors';

describe('the outbox', () => {
  it('lists the newest notice first', () => {
    const entries = [
      outboxEntry('a', { createdAt: '2025-05-06T02:00:00.000Z' }),
      outboxEntry('c', { createdAt: '2025-05-06T04:00:00.000Z' }),
      outboxEntry('b', { createdAt: '2025-05-06T03:00:00.000Z' }),
    ];
    expect(newestFirst(entries).map((e) => e.id)).toEqual(['c', 'b', 'a']);
  });

  it('tells a notice to relay from one sent by the manager and one erased when its item was collected first', () => {
    const at = '2025-05-06T02:05:00.000Z';
    const erased = { text: null, qr: null, phone: '138****5678', erasedAt: at };
    expect(noticeStage(outboxEntry('live'))).toBe('live');
    expect(noticeStage(outboxEntry('sent', { ...erased, sentAt: at }))).toBe('sent');
    expect(noticeStage(outboxEntry('collected', erased))).toBe('collected');
  });
});
