import type { ClerkSummary, HallEvent, RatingRecord } from '@hallq/shared/contracts';
import { makeRatingRecord } from '@hallq/shared/testing';
import { describe, expect, it } from 'vitest';
import { HALL_DAY, settle, snapshot, summary, testCounter } from '../../test-services';

const recorded = (over: Partial<RatingRecord>): HallEvent => ({
  type: 'rating.recorded',
  requestId: `rq-${over.id ?? 'rec-1'}`,
  rating: makeRatingRecord({ hallDay: HALL_DAY, clerk: 'c03', window: 3, ...over }),
});

/** A panel online with the clerk's day fetched: one service, rated 非常满意. */
async function withSummary() {
  const panel = testCounter();
  panel.online();
  panel.api.clerkSummary.mockResolvedValueOnce(summary(1));
  await panel.state().loadSummary();
  panel.api.clerkSummary.mockClear();
  return panel;
}

describe('今日统计', () => {
  it('counts the clerk’s rating in as soon as the feed brings it, without waiting for the next finish', async () => {
    const panel = await withSummary();
    panel.stream(recorded({ id: 'r1', result: 'satisfied' }), recorded({ id: 'r2', result: 'not_rated' }));
    expect(panel.state().summary!.ratings).toMatchObject({ very_satisfied: 1, satisfied: 1, not_rated: 1 });
    await settle();
    expect(panel.api.clerkSummary).not.toHaveBeenCalled(); // the event says all there is to know
  });

  it('leaves out the ratings of other clerks and of another day, as the server counts them', async () => {
    const panel = await withSummary();
    const before = panel.state().summary;
    panel.stream(
      recorded({ id: 'r1', clerk: 'c04', result: 'dissatisfied' }),
      recorded({ id: 'r2', hallDay: '2026-11-19', result: 'dissatisfied' }),
    );
    expect(panel.state().summary).toBe(before);
  });

  it('fetches once more when a rating arrives while a fetch is on its way, rather than count it twice or not at all', async () => {
    const panel = await withSummary();
    let answer!: (s: ClerkSummary) => void;
    panel.api.clerkSummary.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const rated = { ...summary(1), ratings: { ...summary(1).ratings, satisfied: 1 } };
    panel.api.clerkSummary.mockResolvedValueOnce(rated);
    const loading = panel.state().loadSummary();
    panel.stream(recorded({ result: 'satisfied' }));
    answer(summary(1)); // counted before the rating was stored
    await loading;
    expect(panel.api.clerkSummary).toHaveBeenCalledTimes(2);
    expect(panel.state().summary!.ratings).toMatchObject({ very_satisfied: 1, satisfied: 1 });
  });

  it('fetches the day again after a reconnection, since ratings meanwhile came as no event', async () => {
    const panel = await withSummary();
    panel.realtime.handlers!.connection('disconnected');
    panel.realtime.handlers!.connection('connected');
    panel.realtime.handlers!.snapshot(snapshot({ seq: 40 }));
    await settle();
    expect(panel.api.clerkSummary).toHaveBeenCalledTimes(1);
  });
});
