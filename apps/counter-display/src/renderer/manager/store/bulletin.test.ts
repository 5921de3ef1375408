import type { Bulletin } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { lastMonth } from './slices/bulletin/selectors';
import { settle, testConsole } from './test-services';

const bulletin = (month: string): Bulletin => ({
  month,
  from: `${month}-01`,
  to: `${month}-28`,
  scope: { kind: 'hall' },
  totals: { current: null, previous: null },
  departments: [],
  windows: [],
  ranking: [],
  badRatings: [],
  emptyPosts: { count: 0, minutes: 0 },
  away: [],
});

async function openConsole() {
  const app = testConsole({ loggedIn: true });
  await settle();
  app.api.reportBulletin.mockImplementation(async ({ query }) => bulletin(query.month));
  app.api.reportEmptyPosts.mockImplementation(async ({ query }) => ({
    from: query.from,
    to: query.to,
    scope: { kind: 'hall' },
    intervals: [],
    byDay: [],
  }));
  return app;
}

describe('the 月度通报 (bulletin)', () => {
  it("opens on the hall's last month (in the hall's zone, not the PC's), with that month's empty posts", async () => {
    const app = await openConsole();
    // 1 December 00:30 in Shanghai is still 30 November in UTC.
    await app.state().openBulletin(new Date('2025-11-30T16:30:00.000Z'));
    expect(app.state()).toMatchObject({ bulletinMonth: '2025-11', bulletinStatus: 'loaded' });
    expect(app.api.reportBulletin).toHaveBeenCalledWith({ query: { month: '2025-11' }, token: 'tok-admin' });
    expect(app.api.reportEmptyPosts).toHaveBeenCalledWith({
      query: { from: '2025-11-01', to: '2025-11-30' },
      token: 'tok-admin',
    });
    expect(lastMonth(new Date('2026-01-15T02:00:00.000Z'), 'Asia/Shanghai')).toBe('2025-12');
  });

  it('keeps the month picked when the page is opened again, and shows only the latest month asked for', async () => {
    const app = await openConsole();
    let answerMarch!: (b: Bulletin) => void;
    app.api.reportBulletin.mockImplementationOnce(() => new Promise((resolve) => (answerMarch = resolve)));
    const march = app.state().chooseBulletinMonth('2025-03');
    await app.state().chooseBulletinMonth('2025-04');
    answerMarch(bulletin('2025-03'));
    await march;
    expect(app.state().bulletin?.month).toBe('2025-04');
    await app.state().openBulletin(new Date('2025-11-30T16:30:00.000Z'));
    expect(app.state().bulletinMonth).toBe('2025-04');
  });

  it('downloads the month shown as the workbook; a refused download says so and keeps the document', async () => {
    const app = await openConsole();
    await app.state().chooseBulletinMonth('2025-04');
    const blob = new Blob(['PK']);
    app.api.reportBulletinWorkbook.mockResolvedValueOnce(blob);
    expect(await app.state().downloadBulletin()).toEqual({ blob, filename: 'reportBulletinWorkbook' });
    expect(app.api.reportBulletinWorkbook).toHaveBeenCalledWith({ query: { month: '2025-04' }, token: 'tok-admin' });
    app.api.reportBulletinWorkbook.mockRejectedValueOnce(new Error('down'));
    expect(await app.state().downloadBulletin()).toBeNull();
    expect(app.state()).toMatchObject({ bulletinWorkbook: 'failed', bulletinStatus: 'loaded' });
  });
});
