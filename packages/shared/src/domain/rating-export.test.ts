import { describe, expect, it } from 'vitest';
import { makeTicket } from '../testing/fixtures';
import { RatingLevel } from './rating';
import {
  RATING_LEVEL_NAMES,
  RATING_SCORES,
  caseNumberOf,
  ratedItems,
  ratingStage,
  reportedLevel,
  uploadRetryDelay,
} from './rating-export';

describe('好差评 as the provincial system takes it', () => {
  it('scores the five levels 5 (非常满意) down to 1 (非常不满意), each with its words', () => {
    expect(RatingLevel.options.map((l) => [RATING_SCORES[l], RATING_LEVEL_NAMES[l]])).toEqual([
      [5, '非常满意'],
      [4, '满意'],
      [3, '基本满意'],
      [2, '不满意'],
      [1, '非常不满意'],
    ]);
  });

  it('rates a matter decided on the spot as done (办结后), any other finish as in process (办事过程中)', () => {
    expect(ratingStage({ kind: 'completed' })).toBe('after_done');
    for (const kind of ['accepted', 'incomplete', 'rejected'] as const)
      expect(ratingStage({ kind })).toBe('in_process');
    expect(ratingStage(null)).toBe('in_process');
  });

  it('takes the case number from an accepted application only', () => {
    expect(caseNumberOf({ kind: 'accepted', promisedDate: '2026-12-01', caseNumber: 'SB-2026-0042' })).toBe(
      'SB-2026-0042',
    );
    expect(caseNumberOf({ kind: 'accepted', promisedDate: '2026-12-01' })).toBeNull();
    expect(caseNumberOf({ kind: 'completed' })).toBeNull();
    expect(caseNumberOf(null)).toBeNull();
  });

  it('reports what a citizen chose and never a request nobody answered', () => {
    expect(reportedLevel('dissatisfied')).toBe('dissatisfied');
    expect(reportedLevel('not_rated')).toBeNull();
  });

  it('rates the items the finish recorded as served, else the kiosk item, or none for a window type only', () => {
    const served = makeTicket({ sequence: 3, serviceItem: 'ssc-card', servedItems: ['ssc-card', 'ssc-loss'] });
    expect(ratedItems(served)).toEqual(['ssc-card', 'ssc-loss']);
    expect(ratedItems(makeTicket({ sequence: 1, serviceItem: 'ssc-card' }))).toEqual(['ssc-card']);
    expect(ratedItems(makeTicket({ sequence: 2, serviceItem: null }))).toEqual([]);
  });

  it('waits longer after each failure in a row, doubling from the first wait up to the cap', () => {
    const policy = { retrySeconds: 5, maxRetrySeconds: 60 };
    expect([1, 2, 3, 4, 5, 6, 1000].map((n) => uploadRetryDelay(n, policy))).toEqual([
      5000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000,
    ]);
  });
});
