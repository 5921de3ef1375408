import { describe, expect, it } from 'vitest';
import { ratingFacts, ratingFigures, type RatingEntry } from './rating-figures';

const DAY = '2026-11-20';
const AT = '2026-11-20T02:00:00.000Z';
const NOW = new Date('2026-11-30T04:00:00.000Z'); // 2026-11-30 12:00 in the hall

const recorded = (id: string, result: string, window = 3): RatingEntry => ({
  type: 'rating.recorded',
  at: AT,
  hallDay: DAY,
  window,
  data: { id, clerk: 'c03', windowType: 'personal', serviceItem: null, result } as never,
});

describe('好差评 figures', () => {
  it('counts levels, the not rated, the rated and good shares and the bad ratings', () => {
    const facts = ratingFacts([
      recorded('r1', 'very_satisfied'),
      recorded('r2', 'satisfied'),
      recorded('r3', 'basically_satisfied'),
      recorded('r4', 'dissatisfied'),
      recorded('r5', 'not_rated'),
    ]);
    const f = ratingFigures(facts, NOW, 'Asia/Shanghai');
    expect(f).toMatchObject({ requests: 5, notRated: 1, bad: 1, ratedShare: 0.8, goodShare: 0.75 });
    expect(f.byLevel).toEqual({
      very_satisfied: 1,
      satisfied: 1,
      basically_satisfied: 1,
      dissatisfied: 1,
      very_dissatisfied: 0,
    });
  });

  it('follows each bad rating to its follow-up: closed on time or late, overdue while open, called back', () => {
    const entries: RatingEntry[] = [
      recorded('r1', 'dissatisfied'),
      recorded('r2', 'very_dissatisfied'),
      recorded('r3', 'dissatisfied'),
      { type: 'followup.opened', at: AT, hallDay: DAY, data: { id: 'f1', rating: 'r1', deadline: '2026-11-27' } },
      { type: 'followup.opened', at: AT, hallDay: DAY, data: { id: 'f2', rating: 'r2', deadline: '2026-11-27' } },
      { type: 'followup.opened', at: AT, hallDay: DAY, data: { id: 'f3', rating: 'r3', deadline: '2026-11-30' } },
      { type: 'followup.noted', at: AT, hallDay: DAY, data: { id: 'f1', calledBack: true } },
      { type: 'followup.noted', at: AT, hallDay: DAY, data: { id: 'f2', calledBack: false } },
      { type: 'followup.closed', at: AT, hallDay: DAY, data: { id: 'f1', overdue: false } },
    ];
    const f = ratingFigures(ratingFacts(entries), NOW, 'Asia/Shanghai');
    // f2 is past its deadline; f3 is due today, not yet overdue.
    expect(f.followUps).toEqual({ opened: 3, closed: 1, closedOnTime: 1, overdueNow: 1, calledBackShare: 0.333 });
  });

  it('has no shares where there is nothing to divide by', () => {
    expect(ratingFigures([], NOW, 'Asia/Shanghai')).toMatchObject({ ratedShare: null, goodShare: null });
  });
});
