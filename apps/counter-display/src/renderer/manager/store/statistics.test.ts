import type { SummaryReport } from '@hallq/shared/contracts';
import { ApiError } from '@hallq/shared/client';
import { type ReportGroup, ratingFigures, ticketFigures } from '@hallq/shared/domain';
import { makeEnvelope, makeSnapshot, makeTicket } from '@hallq/shared/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleScope } from './slices/scope/selectors';
import { periodRange, statisticsClerks, statisticsWindows, statisticsWindowTypes } from './slices/statistics/selectors';
import { departmentHall, directoryOf, sessionOf } from './test-departments';
import { testConsole } from './test-services';

const hall = departmentHall();

/** A group with `issued` tickets and nothing else. */
function group(key: string, issued = 0): ReportGroup {
  return {
    key,
    tickets: { ...ticketFigures([], () => null), issued },
    ratings: ratingFigures([], new Date(), 'Asia/Shanghai'),
  };
}

/** The server's answer to a summary query: one group per key. */
function answer(query: { from: string; to: string; by?: string }, groups: ReportGroup[]): SummaryReport {
  const by = (query.by ?? 'hall') as SummaryReport['by'];
  return { from: query.from, to: query.to, by, scope: { kind: 'hall' }, filter: {}, groups };
}

/** A console of `id` with the hall's feed running; every summary answers the hall's `issued` tickets. */
async function consoleOf(id: string, issued = 3) {
  const app = testConsole({ loggedIn: true, session: sessionOf(id), hall, directory: directoryOf(id) });
  app.api.reportSummary.mockImplementation(async ({ query }) =>
    answer(query, query.by === 'hall' ? [group('hall', issued)] : []),
  );
  await vi.advanceTimersByTimeAsync(0);
  app.live.handlers!.snapshot(makeSnapshot({ seq: 10 }));
  return app;
}

const asked = (app: Awaited<ReturnType<typeof consoleOf>>) =>
  app.api.reportSummary.mock.calls.map(([input]) => input!.query);

beforeEach(() => {
  vi.useFakeTimers();
  // 01:00 on 2025-05-15 in the hall (Shanghai), still the 14th in UTC.
  vi.setSystemTime(new Date('2025-05-14T17:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the 统计 periods', () => {
  it('cover the hall days of today, this week from Monday, this month and the whole of last month', () => {
    const none = { from: '', to: '' };
    expect(periodRange('today', none, '2025-05-14')).toEqual({ from: '2025-05-14', to: '2025-05-14' });
    expect(periodRange('thisWeek', none, '2025-05-14')).toEqual({ from: '2025-05-12', to: '2025-05-14' });
    expect(periodRange('thisWeek', none, '2025-05-18')).toEqual({ from: '2025-05-12', to: '2025-05-18' });
    expect(periodRange('thisMonth', none, '2025-05-14')).toEqual({ from: '2025-05-01', to: '2025-05-14' });
    expect(periodRange('lastMonth', none, '2025-03-10')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(periodRange('lastMonth', none, '2025-01-31')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
  });

  it('take a custom period only once it is whole, in order and at most a year long', () => {
    const today = '2025-05-14';
    expect(periodRange('custom', { from: '2025-04-01', to: '' }, today)).toBeNull();
    expect(periodRange('custom', { from: '2025-04-02', to: '2025-04-01' }, today)).toBeNull();
    expect(periodRange('custom', { from: '2024-01-01', to: '2024-12-31' }, today)).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(periodRange('custom', { from: '2024-01-01', to: '2025-01-01' }, today)).toBeNull();
  });
});

describe('the 统计 page', () => {
  it("asks for nothing until opened, then for today's hall, hours, window types and windows by route", async () => {
    const app = await consoleOf('admin');
    expect(app.api.reportSummary).not.toHaveBeenCalled();
    await app.state().loadStatistics();
    // The hall's day, not the UTC one.
    const period = { from: '2025-05-15', to: '2025-05-15' };
    expect(asked(app)).toEqual(['hall', 'hour', 'windowType', 'window'].map((by) => ({ ...period, by })));
    expect(app.api.reportSummary.mock.calls[0]![0]!.token).toBe('tok-admin');
    expect(app.state().statistics).toMatchObject({ query: period, totals: { key: 'hall' }, grouping: 'window' });
    expect(app.state().statistics?.totals?.tickets.issued).toBe(3);
  });

  it("narrows a chief representative's figures to their department, and offers only its types, windows and staff", async () => {
    const app = await consoleOf('z02');
    await app.state().loadStatistics();
    expect(asked(app).every((q) => q.department === 'tax')).toBe(true);

    const scope = consoleScope('chief_representative', 'tax', null);
    expect(statisticsWindowTypes(hall, scope).map((t) => t.code)).toEqual(['personal', 'tax']);
    expect(statisticsWindows(hall, scope, null)).toEqual([13, 14]);
    expect(statisticsWindows(hall, scope, 'personal')).toEqual([14]);
    expect(statisticsClerks(directoryOf('z02'), scope).map((s) => s.id)).toEqual(['c13', 'z02']);
  });

  it('reloads with each filter and period chosen; the manager choosing a department clears the filters', async () => {
    const app = await consoleOf('admin');
    await app.state().loadStatistics();
    app.state().filterStatistics({ windowType: 'tax', window: 13 });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked(app).at(-1)).toMatchObject({ windowType: 'tax', window: 13 });

    app.state().chooseStatisticsPeriod('lastMonth');
    await vi.advanceTimersByTimeAsync(0);
    expect(asked(app).at(-1)).toMatchObject({ from: '2025-04-01', to: '2025-04-30', window: 13 });

    app.state().chooseDepartment('hrss');
    await vi.advanceTimersByTimeAsync(0);
    expect(asked(app).at(-1)).toEqual({ from: '2025-04-01', to: '2025-04-30', by: 'window', department: 'hrss' });
  });

  it('starts a custom period as the one on screen, and asks nothing while its dates are out of order', async () => {
    const app = await consoleOf('admin');
    await app.state().loadStatistics();
    app.state().chooseStatisticsPeriod('thisMonth');
    await vi.advanceTimersByTimeAsync(0);
    app.state().chooseStatisticsPeriod('custom');
    expect(app.state().statisticsCustom).toEqual({ from: '2025-05-01', to: '2025-05-15' });
    await vi.advanceTimersByTimeAsync(0);
    const calls = app.api.reportSummary.mock.calls.length;
    app.state().setStatisticsCustom({ from: '2025-06-01' });
    await vi.advanceTimersByTimeAsync(0);
    expect(app.api.reportSummary.mock.calls.length).toBe(calls);
    expect(app.state().statistics).toBeNull();
  });

  it("follows today's tickets and ratings from the feed, at most once per 5 s however busy the hall", async () => {
    const app = await consoleOf('admin');
    await app.state().loadStatistics();
    const issued = (seq: number) =>
      makeEnvelope(seq, { type: 'ticket.issued', ticket: makeTicket({ sequence: seq, hallDay: '2025-05-15' }) });
    app.api.reportSummary.mockClear();
    app.live.handlers!.events([issued(11)]);
    app.live.handlers!.events([issued(12)]);
    await vi.advanceTimersByTimeAsync(4000);
    expect(app.api.reportSummary).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(app.api.reportSummary).toHaveBeenCalledTimes(4);

    // A window opening changes no figure.
    app.api.reportSummary.mockClear();
    app.live.handlers!.events([
      makeEnvelope(13, { type: 'window.updated', window: { ...app.state().feed!.windows[0]!, number: 1 } }),
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(app.api.reportSummary).not.toHaveBeenCalled();

    // Last month's figures do not change with today's hall.
    app.state().chooseStatisticsPeriod('lastMonth');
    await vi.advanceTimersByTimeAsync(0);
    app.api.reportSummary.mockClear();
    app.live.handlers!.events([issued(14)]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(app.api.reportSummary).not.toHaveBeenCalled();
  });

  it('lists the tickets behind a figure of the figures on screen, and closes them when the filter changes', async () => {
    const app = await consoleOf('admin');
    await app.state().loadStatistics();
    const row = {
      ticketId: 't-1',
      number: 'E003',
      day: '2025-05-15',
      windowType: 'tax',
      items: [],
      window: 13,
      clerk: 'c13',
      queuedAt: '2025-05-15T01:00:00.000Z',
      calledAt: '2025-05-15T01:20:00.000Z',
      startedAt: null,
      endedAt: '2025-05-15T01:23:00.000Z',
      end: 'noShow' as const,
      waitMinutes: 20,
      serviceMinutes: null,
    };
    app.api.reportTickets.mockImplementation(async ({ query }) => ({
      from: query.from,
      to: query.to,
      by: 'window',
      key: '13',
      figure: 'noShows',
      scope: { kind: 'hall' },
      filter: {},
      total: 1,
      rows: [row],
    }));
    await app.state().openDrillDown('window', '13', 'noShows');
    expect(app.api.reportTickets).toHaveBeenCalledWith({
      token: 'tok-admin',
      query: { from: '2025-05-15', to: '2025-05-15', by: 'window', key: '13', figure: 'noShows' },
    });
    expect(app.state().drillDown).toMatchObject({ status: 'loaded', total: 1, rows: [{ number: 'E003' }] });

    app.state().filterStatistics({ clerk: 'c13' });
    expect(app.state().drillDown).toBeNull();
  });

  it("exports the period's 好差评 as the provincial CSV, by route, and says when it failed", async () => {
    const app = await consoleOf('admin');
    await app.state().loadStatistics();
    app.api.ratingExportCsv.mockResolvedValueOnce(new Blob(['\uFEFF评价编号']));
    const file = await app.state().exportRatings();
    expect(file?.blob.size).toBeGreaterThan(0);
    expect(app.api.ratingExportCsv.mock.calls[0]![0]!.query).toEqual({ from: '2025-05-15', to: '2025-05-15' });
    expect(app.state().ratingsExport).toBe('idle');
    app.api.ratingExportCsv.mockRejectedValueOnce(new ApiError(500, 'internal', 'boom'));
    expect(await app.state().exportRatings()).toBeNull();
    expect(app.state().ratingsExport).toBe('failed');
  });

  it('is forgotten on logout, and a load then in flight changes nothing', async () => {
    const app = await consoleOf('admin');
    const answers: (() => void)[] = [];
    app.api.reportSummary.mockImplementation(
      ({ query }) => new Promise((resolve) => answers.push(() => resolve(answer(query, [group('hall', 9)])))),
    );
    const loading = app.state().loadStatistics();
    await vi.advanceTimersByTimeAsync(0);
    app.state().endSession();
    for (const release of answers) release();
    await loading;
    expect(answers).toHaveLength(4);
    expect(app.state()).toMatchObject({ statistics: null, statisticsStatus: 'idle', statisticsPeriod: 'today' });
  });

  it('ends the session when the server no longer takes its token', async () => {
    const app = await consoleOf('admin');
    app.api.reportSummary.mockRejectedValue(new ApiError(401, 'unauthorized', 'token expired'));
    await app.state().loadStatistics();
    expect(app.state().session).toBeNull();
    expect(app.state().loginError).toBe('登录已过期，请重新登录');
  });
});
