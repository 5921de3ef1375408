import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ErrorBody, XLSX_MEDIA_TYPE } from '@hallq/shared/contracts';
import { ok, refused } from './expect-reply';
import { api, login, rid } from './harness';
import { nthRequest, ratingRigs } from './rating-rig';

const rigs = ratingRigs();
/** Two months of services and a report worker started under the TypeScript loader: more than the default 5 s on a busy machine. */
const SCENARIO_MS = 30_000;

/**
 * Two months at the demo hall: in May two services at window 2 (4 and 6 minutes); in June three there (one rated
 * 不满意, which opens a follow-up) and one at 人社's window 11, and a tax ticket left waiting 12 minutes with no tax
 * window open (an empty post).
 */
async function twoMonths() {
  const h = await rigs.open({ start: '2025-05-14T02:00:00.000Z' });
  await h.serve(2, 'c02', { minutes: 4 });
  await h.serve(2, 'c02', { minutes: 6 });
  // A month on, the May sessions have expired: June is served by clerks logging in then.
  h.clock.set('2025-06-11T02:00:00.000Z');
  const pad = await h.pad(3);
  await h.serve(3, 'c03', { minutes: 5 });
  await h.serve(3, 'c03', { minutes: 7 });
  await ok(
    'submitRating',
    pad.answer((await nthRequest(pad, 2)).id, { level: 'dissatisfied', reason: { code: 'unclear' } }),
  );
  await h.serve(3, 'c03', { minutes: 9 });
  await h.serve(11, 'c11', { windowType: 'social-security' });
  await ok('issueTicket', h.kiosk.post('/api/tickets', { requestId: rid(), windowType: 'tax' }));
  h.clock.advanceMinutes(12);
  await h.clerk('c13', 13);
  return h;
}

async function download(url: string, token: string, month: string) {
  return fetch(`${url}/api/reports/bulletin.xlsx?month=${month}`, { headers: { authorization: `Bearer ${token}` } });
}

async function workbookOf(res: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  return workbook;
}

/** A sheet's rows below its header, as their values (an empty cell is null). */
function rows(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name);
  expect(sheet, `sheet ${name}`).toBeDefined();
  const out: unknown[][] = [];
  sheet!.eachRow((row, n) => {
    if (n > 1) out.push(Array.from({ length: sheet!.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return out;
}

const header = (workbook: ExcelJS.Workbook, name: string) =>
  (workbook.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1);

describe('GET /api/reports/bulletin.xlsx', () => {
  it(
    "holds the JSON bulletin's figures, one sheet per table, with Chinese headers and frozen header rows",
    async () => {
      const h = await twoMonths();
      const token = await login(h.server.url, 'admin', 'admin');
      const bulletin = await ok('reportBulletin', api(h.server.url, token).get('/api/reports/bulletin?month=2025-06'));
      const res = await download(h.server.url, token, '2025-06');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="bulletin-2025-06.xlsx"; filename*=UTF-8''${encodeURIComponent('月度通报-2025-06.xlsx')}`,
      );
      const workbook = await workbookOf(res);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        '总体',
        '部门',
        '窗口',
        '排名',
        '差评',
        '空岗',
        '考勤异常',
      ]);
      for (const sheet of workbook.worksheets) expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

      const current = bulletin.totals.current!;
      const previous = bulletin.totals.previous!;
      expect([current.tickets.served, previous.tickets.served]).toEqual([4, 2]);
      const totals = rows(workbook, '总体');
      expect(header(workbook, '总体')).toEqual(['指标', '本月', '上月', '环比']);
      expect(totals.find((r) => r[0] === '办件量')).toEqual(['办件量', 4, 2, '↑100%']);
      expect(totals.find((r) => r[0] === '平均办理（分钟）')).toEqual([
        '平均办理（分钟）',
        current.tickets.service.mean,
        previous.tickets.service.mean,
        expect.stringMatching(/^↑/),
      ]);
      const goodShare = totals.find((r) => r[0] === '好评率')!;
      expect(goodShare.slice(1, 3)).toEqual([current.ratings.goodShare, null]);
      const goodShareCell = workbook
        .getWorksheet('总体')!
        .getRow(totals.indexOf(goodShare) + 2)
        .getCell(2);
      expect(goodShareCell.numFmt).toBe('0.0%');

      expect(rows(workbook, '部门').map((r) => [r[0], r[2]])).toEqual(
        bulletin.departments.map((g) => [
          g.key === 'hrss' ? '市人力资源和社会保障局' : expect.any(String),
          g.tickets.served,
        ]),
      );
      const windows = rows(workbook, '窗口');
      expect(header(workbook, '窗口')).toContain('等候目标（分钟）');
      // Every window of the bulletin, each against its first type's target: window 3 serves 个人综窗 (target wait 20).
      expect(windows.map((r) => [r[0], r[3]])).toEqual(bulletin.windows.map((g) => [Number(g.key), g.tickets.served]));
      expect(windows.find((r) => r[0] === 3)).toEqual(expect.arrayContaining([3, '个人综窗', 20]));
      expect(windows.find((r) => r[0] === 3)![3]).toBe(3);
      expect(rows(workbook, '排名').map((r) => [r[0], r[1], r[2]])).toEqual(
        bulletin.ranking.map((r) => [r.rank, Number(r.window), r.served]),
      );
      expect(rows(workbook, '差评')).toEqual([
        ['2025-06-11', 3, expect.stringContaining('c03'), expect.any(String), '', '不满意', '整改中'],
      ]);
      expect(rows(workbook, '空岗')).toEqual([
        ['2025-06-11', expect.any(String), expect.any(String), expect.any(String), 12],
      ]);
      expect(bulletin.emptyPosts).toEqual({ count: 1, minutes: 12 });
    },
    SCENARIO_MS,
  );

  it(
    "gives a chief representative their own department's workbook, and a clerk none",
    async () => {
      const h = await twoMonths();
      const z01 = await download(h.server.url, await login(h.server.url, 'z01', 'demo'), '2025-06');
      expect(z01.status).toBe(200);
      expect(z01.headers.get('content-disposition')).toContain('filename="bulletin-2025-06-hrss.xlsx"');
      const workbook = await workbookOf(z01);
      expect(rows(workbook, '窗口').map((r) => r[0])).toEqual([11]);
      expect(rows(workbook, '差评')).toEqual([]);
      expect(rows(workbook, '空岗')).toEqual([]);

      const clerk = await download(h.server.url, await login(h.server.url, 'c03', 'demo'), '2025-06');
      expect(clerk.status).toBe(403);
      expect(ErrorBody.parse(await clerk.json()).error.code).toBe('forbidden');
      await refused(api(h.server.url).get('/api/reports/bulletin.xlsx?month=2025-06'), 401, 'unauthorized');
    },
    SCENARIO_MS,
  );

  it('answers a month that is not YYYY-MM with 400 naming month', async () => {
    const h = await rigs.open();
    const res = await download(h.server.url, await login(h.server.url, 'admin', 'admin'), '2025-13');
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.fields?.map((f) => f.path)).toEqual(['month']);
  });
});
