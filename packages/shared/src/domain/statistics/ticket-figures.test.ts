import { describe, expect, it } from 'vitest';
import { durations } from './durations';
import { groupFacts, keyOrder, placeOfStint, type Grouping, type GroupingHall } from './grouping';
import { stintsBehind } from './drill-down';
import { periodFacts, selectFacts, summarize, type PeriodFacts, type ReportFilter, type SummaryHall } from './summary';
import { stintFacts, ticketFigures, type StintFigure } from './ticket-figures';
import { visitsOf, type TicketEntry } from './visits';

const DAY = '2026-11-20';
const NOW = new Date('2026-11-21T00:00:00Z');
/** 09:mm in the hall (Asia/Shanghai) on DAY. */
const at = (minute: number, hour = 9) => new Date(Date.UTC(2026, 10, 20, hour - 8, minute)).toISOString();

/** A ticket's journal, written as the server writes it, one line a step. */
function ticket(id: string, windowType = 'personal', serviceItem: string | null = null) {
  const entries: TicketEntry[] = [];
  const base = (minute: number, actor: string, window: number | null) => ({
    at: at(minute),
    hallDay: DAY,
    actor,
    window,
    ticketId: id,
    ticketNumber: id,
  });
  const script = {
    issued(minute: number, appointment: string | null = null) {
      entries.push({
        ...base(minute, 'kiosk:kiosk-1', null),
        type: 'ticket.issued',
        data: { windowType, serviceItem, priority: null, appointment },
      });
      return script;
    },
    step(
      type: 'ticket.called' | 'ticket.recalled' | 'ticket.started' | 'ticket.markedNoShow',
      minute: number,
      w: number,
    ) {
      entries.push({ ...base(minute, `staff:c${String(w).padStart(2, '0')}`, w), type });
      return script;
    },
    reactivated(minute: number) {
      entries.push({ ...base(minute, 'staff:g01', null), type: 'ticket.reactivated' });
      return script;
    },
    cancelled(minute: number) {
      entries.push({
        ...base(minute, 'citizen', null),
        type: 'ticket.cancelled',
        data: { command: { type: 'cancel' } },
      });
      return script;
    },
    finished(minute: number, w: number, kind: 'completed' | 'accepted' = 'completed', servedItems?: string[]) {
      const outcome = kind === 'completed' ? { kind } : { kind, promisedDate: '2026-12-01' };
      entries.push({
        ...base(minute, `staff:c${String(w).padStart(2, '0')}`, w),
        type: 'ticket.finished',
        data: { windowType, command: { type: 'finish', outcome, ...(servedItems && { servedItems }) } },
      });
      return script;
    },
    transferred(minute: number, w: number, toWindowType: string) {
      entries.push({
        ...base(minute, `staff:c${String(w).padStart(2, '0')}`, w),
        type: 'ticket.transferred',
        data: { windowType, command: { type: 'transfer', toWindowType } as { type: string } },
      });
      windowType = toWindowType;
      return script;
    },
    entries,
  };
  return script;
}

const TARGETS: Record<string, number> = { personal: 20, tax: 30 };
const figuresOf = (...scripts: { entries: TicketEntry[] }[]) =>
  ticketFigures(stintFacts(visitsOf(scripts.flatMap((s) => s.entries))), (t) => TARGETS[t] ?? null);

describe('ticket figures', () => {
  it('times a plain visit: waiting from issue to the first call, walking to the start, service to the finish', () => {
    const f = figuresOf(
      ticket('A001')
        .issued(0)
        .step('ticket.called', 10, 3)
        .step('ticket.recalled', 11, 3)
        .step('ticket.started', 12, 3)
        .finished(20, 3),
    );
    expect(f).toMatchObject({ issued: 1, served: 1, noShows: 0, walkouts: 0, transferred: 0 });
    expect(f.byOutcome).toEqual({ completed: 1, accepted: 0, incomplete: 0, rejected: 0, transferred: 0 });
    expect(f.waiting).toMatchObject({ count: 1, mean: 10, max: 10, aboveServiceLevel: 0 });
    expect(f.waiting.buckets.slice(0, 3)).toEqual([0, 0, 1]);
    expect(f.walking).toMatchObject({ count: 1, mean: 2 });
    expect(f.service).toMatchObject({ count: 1, mean: 8 });
  });

  it('a no-show reactivated and served is no no-show; each stint in the queue counts its own wait', () => {
    const f = figuresOf(
      ticket('A002')
        .issued(0)
        .step('ticket.called', 5, 3)
        .step('ticket.markedNoShow', 10, 3)
        .reactivated(30)
        .step('ticket.called', 40, 3)
        .step('ticket.started', 41, 3)
        .finished(50, 3),
    );
    expect(f).toMatchObject({ issued: 1, served: 1, noShows: 0 });
    expect(f.waiting).toMatchObject({ count: 2, p50: 5, max: 10 });
    expect(f.service).toMatchObject({ count: 1, mean: 9 });
  });

  it('a transfer is a service with the outcome transferred, and the ticket waits anew in the queue it was handed to', () => {
    const visit = ticket('A003')
      .issued(0)
      .step('ticket.called', 10, 1)
      .step('ticket.started', 11, 1)
      .transferred(15, 1, 'tax')
      .step('ticket.called', 20, 13)
      .step('ticket.started', 21, 13)
      .finished(30, 13, 'accepted');
    const facts = stintFacts(visitsOf(visit.entries));
    const byType = Object.fromEntries(
      [...groupFacts(facts, placeOfStint, 'windowType', HALL)].map(([key, group]) => [
        key,
        ticketFigures(group, () => null),
      ]),
    );
    expect(byType.personal).toMatchObject({ issued: 1, served: 1, transferred: 1 });
    expect(byType.tax).toMatchObject({ issued: 0, served: 1, byOutcome: { accepted: 1 } });
    expect(byType.tax!.waiting.mean).toBe(5);
    expect(ticketFigures(facts, () => null)).toMatchObject({ issued: 1, served: 2, transferred: 1 });
  });

  it('counts a walkout (cancelled before any call), a no-show that stays one, and waits above the target', () => {
    const f = figuresOf(
      ticket('A004').issued(0).cancelled(20),
      ticket('A005')
        .issued(0)
        .step('ticket.called', 25, 2)
        .step('ticket.recalled', 27, 2)
        .step('ticket.markedNoShow', 30, 2),
      ticket('E001', 'tax').issued(0).step('ticket.called', 25, 13).step('ticket.started', 26, 13).finished(40, 13),
    );
    expect(f).toMatchObject({ issued: 3, served: 1, noShows: 1, walkouts: 1 });
    // A005 waited 25 minutes against personal's 20; E001 25 against tax's 30.
    expect(f.waiting).toMatchObject({ count: 2, aboveServiceLevel: 1 });
  });

  it('leaves out a ticket issued before the period: its later steps alone are no visit', () => {
    const earlier = ticket('A006').issued(0).step('ticket.called', 5, 3).finished(9, 3);
    expect(figuresOf({ entries: earlier.entries.slice(1) })).toMatchObject({ issued: 0, served: 0 });
  });
});

const HALL: GroupingHall = {
  timeZone: 'Asia/Shanghai',
  windows: [
    { number: 1, department: 'hall-office' },
    { number: 13, department: 'tax' },
  ] as GroupingHall['windows'],
  serviceItems: [{ code: 'deed-tax', department: 'tax' }] as GroupingHall['serviceItems'],
};

describe('grouping', () => {
  it('puts a stint at the department of its window, or of its item before it reaches one', () => {
    const served = ticket('A007').issued(0).step('ticket.called', 3, 1).step('ticket.started', 4, 1).finished(9, 1);
    const waiting = ticket('E002', 'tax', 'deed-tax').issued(5);
    const groups = groupFacts(
      stintFacts(visitsOf([...served.entries, ...waiting.entries])),
      placeOfStint,
      'department',
      HALL,
    );
    expect([...groups].map(([key, facts]) => [key, facts.map((f) => f.visit.number)])).toEqual([
      ['hall-office', ['A007']],
      ['tax', ['E002']],
    ]);
  });

  it('groups by the hall hour a ticket joined its queue, and by window in number order', () => {
    const late = ticket('A008').issued(0).step('ticket.called', 5, 13);
    const lateEntries = late.entries.map((e) => ({
      ...e,
      at: new Date(Date.parse(e.at) + 2 * 3600_000).toISOString(),
    }));
    const early = ticket('A009').issued(0).step('ticket.called', 5, 2);
    const facts = stintFacts(visitsOf([...lateEntries, ...early.entries]));
    const keys = (by: Grouping) => [...groupFacts(facts, placeOfStint, by, HALL).keys()].sort(keyOrder(by));
    expect(keys('hour')).toEqual(['09', '11']);
    expect(keys('window')).toEqual(['2', '13']);
  });
});

describe('served items (事项办件量)', () => {
  const HALL_WITH_ITEMS: SummaryHall = {
    ...HALL,
    serviceItems: [
      { code: 'deed-tax', department: 'tax' },
      { code: 'stamp-tax', department: 'tax' },
      { code: 'id-card', department: 'police' },
    ] as GroupingHall['serviceItems'],
    windowTypes: [{ code: 'tax', targetWaitMinutes: 20 }],
  };
  const served = (id: string, item: string | null, items?: string[]) =>
    ticket(id, 'tax', item)
      .issued(0)
      .step('ticket.called', 3, 13)
      .step('ticket.started', 4, 13)
      .finished(9, 13, 'completed', items);
  const factsOf = (...scripts: { entries: TicketEntry[] }[]) =>
    periodFacts({ tickets: scripts.flatMap((s) => s.entries), ratings: [] });
  const byItem = (facts: PeriodFacts) =>
    Object.fromEntries(summarize(facts, 'item', HALL_WITH_ITEMS, NOW).map((g) => [g.key, g.tickets.served]));

  it('counts a visit that served two items under each, and once for the hall', () => {
    const facts = factsOf(served('E001', 'deed-tax', ['deed-tax', 'stamp-tax']));
    expect(byItem(facts)).toEqual({ 'deed-tax': 1, 'stamp-tax': 1 });
    expect(summarize(facts, 'hall', HALL_WITH_ITEMS, NOW)[0]!.tickets.served).toBe(1);
  });

  it('counts a service under the items the clerk confirmed, not the one chosen at the kiosk', () => {
    expect(byItem(factsOf(served('E002', 'deed-tax', ['stamp-tax'])))).toEqual({ 'stamp-tax': 1 });
  });

  it('counts a finish journaled before clerks confirmed items, and a confirmed empty list, under the kiosk item', () => {
    expect(byItem(factsOf(served('E003', 'deed-tax'), served('E004', 'deed-tax', [])))).toEqual({ 'deed-tax': 2 });
  });

  it('narrows to a filter: an item, a window, a department by the items a stint served', () => {
    const facts = factsOf(served('E005', 'deed-tax', ['stamp-tax']), served('E006', null, ['id-card']));
    const hall = { kind: 'hall' } as const;
    const count = (filter: ReportFilter) => selectFacts(facts, hall, filter, HALL_WITH_ITEMS).stints.length;
    expect(count({ item: 'stamp-tax' })).toBe(1);
    expect(count({ item: 'deed-tax' })).toBe(0);
    expect(count({ window: 13 })).toBe(2);
    expect(count({ window: 13, clerk: 'c01' })).toBe(0);
    expect(count({ windowType: 'tax', item: 'id-card' })).toBe(1);
  });

  it('lists the tickets behind a figure of a group, with their times and how they ended', () => {
    const waitedLong = ticket('E007', 'tax')
      .issued(0)
      .step('ticket.called', 30, 13)
      .step('ticket.markedNoShow', 40, 13);
    const facts = factsOf(served('E008', 'deed-tax'), waitedLong, ticket('E009', 'tax').issued(1).cancelled(2));
    const behind = (figure: StintFigure) => stintsBehind(facts, 'window', '13', figure, HALL_WITH_ITEMS);
    expect(behind('aboveServiceLevel').rows.map((r) => r.number)).toEqual(['E007']);
    expect(behind('noShows').rows[0]).toMatchObject({ number: 'E007', end: 'noShow', waitMinutes: 30, window: 13 });
    expect(behind('served').rows[0]).toMatchObject({
      number: 'E008',
      end: 'completed',
      serviceMinutes: 5,
      items: ['deed-tax'],
    });
    // The walkout never reached a window: it is behind the hall's walkouts, not window 13's.
    expect(behind('walkouts').total).toBe(0);
    expect(stintsBehind(facts, 'hall', 'hall', 'walkouts', HALL_WITH_ITEMS).rows.map((r) => r.number)).toEqual([
      'E009',
    ]);
  });
});

describe('durations', () => {
  it('takes nearest-rank percentiles, so each is a duration that happened', () => {
    expect(durations([4, 1, 3, 2])).toEqual({ count: 4, mean: 2.5, p50: 2, p90: 4, max: 4 });
    expect(durations([])).toEqual({ count: 0, mean: null, p50: null, p90: null, max: null });
  });
});
