import { describe, expect, it } from 'vitest';
import { outboxEntry } from '../../test-services';
import { newestFirst } from './selectors';

describe('the outbox', () => {
  it('lists the newest notice first', () => {
    const entries = [
      outboxEntry('a', { createdAt: '2025-05-06T02:00:00.000Z' }),
      outboxEntry('c', { createdAt: '2025-05-06T04:00:00.000Z' }),
      outboxEntry('b', { createdAt: '2025-05-06T03:00:00.000Z' }),
    ];
    expect(newestFirst(entries).map((e) => e.id)).toEqual(['c', 'b', 'a']);
  });
});
