import { describe, expect, it } from 'vitest';
import { badRatings, monthDays, previousMonth, rankWindows } from './bulletin';
import type { RatingFact } from './rating-figures';
import type { ReportGroup } from './summary';

describe('the months of a bulletin', () => {
  it('spans a month to its last day, leap years and December included, and names the month before', () => {
    expect(monthDays('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthDays('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect([previousMonth('2025-01'), previousMonth('2025-10')]).toEqual(['2024-12', '2025-09']);
  });
});

const group = (key: string, served: number, goodShare: number | null, mean: number | null) =>
  ({
    key,
    tickets: { served, waiting: { mean } },
    ratings: { goodShare },
  }) as unknown as ReportGroup;

describe('the window ranking', () => {
  it('ranks by 好评率, then services, then the shorter wait; the unrated last; equals share a rank', () => {
    const ranking = rankWindows([
      group('1', 30, 0.9, 10),
      group('2', 40, 0.9, 12),
      group('3', 50, null, 5),
      group('4', 40, 0.9, 12),
      group('5', 10, 1, 20),
    ]);
    expect(ranking.map((r) => [r.window, r.rank])).toEqual([
      ['5', 1],
      ['2', 2],
      ['4', 2],
      ['1', 4],
      ['3', 5],
    ]);
  });
});

describe('the bad ratings of a bulletin', () => {
  const place = { day: '2025-06-11', at: '', windowType: 'personal', window: 3, clerk: 'c03', items: [] };
  it('lists only 不满意 and 非常不满意, each with its follow-up closed on time, late or still open', () => {
    const facts: RatingFact[] = [
      { place, result: 'satisfied', followUp: null },
      { place, result: 'not_rated', followUp: null },
      {
        place,
        result: 'dissatisfied',
        followUp: { deadline: '2025-06-18', calledBack: true, closed: { overdue: false } },
      },
      { place, result: 'very_dissatisfied', followUp: { deadline: '2025-06-18', calledBack: false, closed: null } },
      {
        place,
        result: 'dissatisfied',
        followUp: { deadline: '2025-06-18', calledBack: true, closed: { overdue: true } },
      },
    ];
    expect(badRatings(facts).map((b) => [b.level, b.followUp])).toEqual([
      ['dissatisfied', 'closed_on_time'],
      ['very_dissatisfied', 'open'],
      ['dissatisfied', 'closed_late'],
    ]);
  });
});
