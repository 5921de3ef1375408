import { describe, expect, it } from 'vitest';
import { makeEnvelope, makeRatingRecord, makeWindow } from '../testing/fixtures';
import { deviceEnvelopes, type EventEnvelope } from './events';

describe('the stream as devices receive it', () => {
  const rating = makeRatingRecord({
    id: 'r1',
    result: 'very_dissatisfied',
    reason: { code: 'attitude', text: '态度差' },
  });
  const followUp = {
    id: 'r1',
    rating,
    status: 'open' as const,
    deadline: '2026-11-30',
    assignee: null,
    notes: [{ at: rating.recordedAt, by: 'admin', text: '已电话回访 13800138000', calledBack: true }],
    openedAt: rating.recordedAt,
    closedAt: null,
    resolution: null,
  };
  const batch: EventEnvelope[] = [
    makeEnvelope(7, { type: 'window.updated', window: makeWindow(3) }),
    makeEnvelope(8, { type: 'rating.recorded', requestId: 'r1', rating }),
    makeEnvelope(9, { type: 'followup.updated', followUp }),
  ];

  it('keeps every sequence number, the rating reduced to its result and the follow-up blanked', () => {
    const seen = deviceEnvelopes(batch);
    expect(seen.map((e) => e.seq)).toEqual([7, 8, 9]);
    expect(seen[0]).toBe(batch[0]);
    expect(seen[1]!.event).toEqual({ type: 'rating.ended', requestId: 'r1', result: 'very_dissatisfied' });
    expect(seen[2]!.event).toEqual({ type: 'staff_only' });
    expect(JSON.stringify(seen)).not.toMatch(/态度差|13800138000|c03/);
  });

  it('passes a batch with nothing for staff only through as it is', () => {
    const plain = batch.slice(0, 1);
    expect(deviceEnvelopes(plain)).toBe(plain);
  });
});
