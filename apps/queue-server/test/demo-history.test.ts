import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallConfig } from '@hallq/shared/contracts';
import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import { generateHistory, pastWorkingDays } from '../src/history/demo-history';
import { ok } from './expect-reply';
import { api, login, manualClock, startTestServer, type TestServer } from './harness';

/** Monday to Wednesday, 9 to 11 June 2025, played with the demo hall's real hours; Thursday the 12th is today. */
const DAYS = ['2025-06-09', '2025-06-10', '2025-06-11'];
const TODAY = '2025-06-12';
const THURSDAY_10_00 = '2025-06-12T02:00:00.000Z';
const SMALL = { days: DAYS, ticketsPerDay: 60, seed: 7 };

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const demoHall = (): HallConfig => loadHallConfig(DEMO_HALL_PATH);
const freshDir = () => join(mkdtempSync(join(tmpdir(), 'hallq-history-')), 'data');

/** The reports of the played days, as the manager reads them on Thursday morning. */
async function figures(dataDir: string) {
  const server = await startTestServer({ hall: demoHall(), dataDir, clock: manualClock(THURSDAY_10_00).now });
  servers.push(server);
  const manager = api(server.url, await login(server.url, 'admin', 'admin'));
  const period = `from=${DAYS[0]}&to=${DAYS.at(-1)}`;
  return {
    byDay: await ok('reportSummary', manager.get(`/api/reports/summary?${period}&by=day`)),
    attendance: await ok('reportAttendance', manager.get(`/api/reports/attendance?${period}`)),
    emptyPosts: await ok('reportEmptyPosts', manager.get(`/api/reports/empty-posts?${period}`)),
    today: await ok('reportSummary', manager.get(`/api/reports/summary?from=${TODAY}&to=${TODAY}`)),
    bulletin: await ok('reportBulletin', manager.get('/api/reports/bulletin?month=2025-06')),
  };
}

describe('the demo history', () => {
  it(
    'plays every past day with each case the reports count, the same way for the same seed',
    { timeout: 60_000 },
    async () => {
      const [first, second] = [freshDir(), freshDir()];
      expect(await generateHistory({ hall: demoHall(), dataDir: first, ...SMALL })).toMatchObject({ days: 3 });
      await generateHistory({ hall: demoHall(), dataDir: second, ...SMALL });
      const a = await figures(first);
      const b = await figures(second);
      expect(b.byDay).toEqual(a.byDay);
      expect(b.attendance).toEqual(a.attendance);
      expect(b.emptyPosts).toEqual(a.emptyPosts);

      expect(a.byDay.groups.map((g) => g.key)).toEqual(DAYS);
      for (const day of a.byDay.groups) {
        const { tickets, ratings } = day;
        expect(tickets.issued, day.key).toBeGreaterThan(40);
        expect(tickets.served, day.key).toBeGreaterThan(30);
        expect(tickets.noShows, day.key).toBeGreaterThan(0);
        expect(tickets.walkouts, day.key).toBeGreaterThan(0);
        expect(tickets.transferred, day.key).toBeGreaterThan(0);
        expect(tickets.byOutcome.completed + tickets.byOutcome.accepted, day.key).toBeGreaterThan(tickets.served / 2);
        expect(ratings.byLevel.very_satisfied, day.key).toBeGreaterThan(0);
        expect(ratings.bad, day.key).toBeGreaterThan(0);
        expect(ratings.followUps.opened, day.key).toBeGreaterThan(0);
      }
      for (const day of DAYS) {
        const rows = a.attendance.rows.filter((r) => r.day === day);
        expect(rows.length, day).toBeGreaterThan(10);
        expect(
          rows.some((r) => r.pausedMinutes.lunch > 0 && r.servingMinutes > 0),
          day,
        ).toBe(true);
        expect(
          rows.some((r) => r.pausedMinutes.away >= 20),
          day,
        ).toBe(true);
      }
      // The clerk who stepped away left a citizen waiting at a type's only window, every day.
      expect(a.emptyPosts.byDay.map((d) => d.day)).toEqual(DAYS);
      expect(a.emptyPosts.intervals.every((i) => i.minutes > 0)).toBe(true);
      // Follow-ups are handed on the next morning and closed within their five working days: none can be late yet, and
      // Wednesday's are still open.
      const states = (day: string) => a.bulletin.badRatings.filter((r) => r.day === day).map((r) => r.followUp);
      expect(new Set(DAYS.flatMap(states))).toEqual(new Set(['open', 'closed_on_time']));
      expect(new Set(states(DAYS[2]!))).toEqual(new Set(['open']));
      // History is only of past days: today has nothing yet.
      expect(a.today.groups).toEqual([]);
    },
  );

  it(
    'is played once into a data directory: a second start finds the history and leaves it',
    { timeout: 15_000 },
    async () => {
      const dataDir = freshDir();
      await generateHistory({ hall: demoHall(), dataDir, ...SMALL, ticketsPerDay: 20, days: DAYS.slice(0, 1) });
      const entries = () => {
        const db = new Database(join(dataDir, 'hallq.sqlite'), { readonly: true });
        const n = db.prepare('SELECT COUNT(*) FROM journal').pluck().get() as number;
        db.close();
        return n;
      };
      const before = entries();
      expect(before).toBeGreaterThan(100);
      expect(await generateHistory({ hall: demoHall(), dataDir, ...SMALL })).toBeNull();
      expect(entries()).toBe(before);
    },
  );

  it('takes the working days before today, skipping weekends and the calendar holidays', () => {
    const hall = demoHall();
    const withHoliday = { ...hall, calendar: { ...hall.calendar, holidays: ['2025-06-10'] } };
    expect(pastWorkingDays(withHoliday, TODAY, 4)).toEqual(['2025-06-05', '2025-06-06', '2025-06-09', '2025-06-11']);
  });
});
