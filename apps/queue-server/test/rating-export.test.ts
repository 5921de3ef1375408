import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { RatingExportRecord } from '@hallq/shared/contracts';
import { ok, refused } from './expect-reply';
import { DISPLAY_KEY, api, login, until } from './harness';
import { ratingRigs } from './rating-rig';

const rigs = ratingRigs();
const DAY = '2025-06-11';
/**
 * A citizen's words with a comma and quotes, which the CSV must keep one cell, and led by "=", which Excel must not run
 * as a formula.
 */
const WORDS = '=等了两个小时, 窗口说"明天再来"';

/**
 * A morning of three services rated: at window 3 (the hall office's) an accepted application with its case number,
 * rated 非常满意; at window 11 (人社's) a service done on the spot, rated 非常不满意 in the citizen's own words; and
 * one at window 3 nobody rated (the next service there superseded it).
 */
async function ratedMorning() {
  const h = await rigs.open();
  const pad3 = await h.pad(3);
  const pad11 = await h.pad(11);
  // A pad hears every window's requests: take the one of its own window.
  const requestAt = async (pad: typeof pad3, window: number) => {
    await until(() => pad.requests().some((r) => r.window === window));
    return pad.requests().find((r) => r.window === window)!;
  };
  const accepted = await h.serve(3, 'c03', {
    serviceItem: 'social-security-card',
    outcome: { kind: 'accepted', promisedDate: '2025-06-18', caseNumber: 'SB-2025-0042' },
  });
  const good = await requestAt(pad3, 3);
  await ok('submitRating', pad3.answer(good.id, { level: 'very_satisfied' }));
  const done = await h.serve(11, 'c11', { windowType: 'social-security' });
  const bad = await requestAt(pad11, 11);
  h.clock.advanceMs(30_000);
  await ok(
    'submitRating',
    pad11.answer(bad.id, { level: 'very_dissatisfied', reason: { code: 'other', text: WORDS } }),
  );
  await h.serve(3, 'c03');
  await h.serve(3, 'c03');
  const as = async (staffId: string, password = 'demo') =>
    api(h.server.url, await login(h.server.url, staffId, password));
  return { h, as, accepted, done, good, bad };
}

const exportOf = (client: ReturnType<typeof api>, query = `from=${DAY}&to=${DAY}`) =>
  client.get(`/api/ratings/export?${query}`);

describe('好差评 export for the provincial system', { timeout: 20_000 }, () => {
  it('exports each rating a citizen made in the period with the interface fields, and not the unanswered one', async () => {
    const { as, accepted, done, good, bad } = await ratedMorning();
    const manager = await as('admin', 'admin');
    const exported = await ok('ratingExport', exportOf(manager));
    expect(exported.scope).toEqual({ kind: 'hall' });
    const expected: RatingExportRecord[] = [
      {
        ratingId: good.id,
        hallDay: DAY,
        stage: 'in_process',
        stageName: '办事过程中',
        caseNumber: 'SB-2025-0042',
        items: [{ code: 'social-security-card', name: '社会保障卡申领' }],
        departmentCode: 'hall-office',
        departmentName: '拉萨市政务服务中心',
        window: 3,
        clerk: 'c03',
        appliedAt: accepted.issuedAt,
        doneAt: '2025-06-11T02:05:00.000Z',
        ratedAt: '2025-06-11T02:05:00.000Z',
        level: 5,
        levelName: '非常满意',
        reasonCode: null,
        reasonName: null,
        reasonText: null,
        channel: 'onsite_pad',
      },
      {
        ratingId: bad.id,
        hallDay: DAY,
        stage: 'after_done',
        stageName: '办结后',
        caseNumber: null,
        items: [],
        departmentCode: 'hrss',
        departmentName: '市人力资源和社会保障局',
        window: 11,
        clerk: 'c11',
        appliedAt: done.issuedAt,
        doneAt: '2025-06-11T02:10:00.000Z',
        ratedAt: '2025-06-11T02:10:30.000Z',
        level: 1,
        levelName: '非常不满意',
        reasonCode: 'other',
        reasonName: '其他',
        reasonText: WORDS,
        channel: 'onsite_pad',
      },
    ];
    expect(exported.records).toEqual(expected);
    // A period without that day has none of them.
    expect((await ok('ratingExport', exportOf(manager, 'from=2025-06-12&to=2025-06-30'))).records).toEqual([]);
  });

  it('gives the same records as a CSV file Excel opens: BOM, header row, quoted cells, an attachment', async () => {
    const { h } = await ratedMorning();
    const token = await login(h.server.url, 'admin', 'admin');
    const { records } = await ok('ratingExport', exportOf(api(h.server.url, token)));
    const res = await fetch(`${h.server.url}/api/ratings/export.csv?from=${DAY}&to=${DAY}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ratings-${DAY}-${DAY}.csv"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['评价编号'])).toEqual(records.map((r) => r.ratingId));
    expect(rows[1]).toMatchObject({
      评价阶段: 'after_done',
      办件编号: '',
      部门编码: 'hrss',
      窗口: '11',
      工号: 'c11',
      评价等级: '1',
      等级名称: '非常不满意',
      差评原因编码: 'other',
      差评说明: `'${WORDS}`,
      评价渠道: 'onsite_pad',
    });
    expect(rows[0]).toMatchObject({
      办件编号: 'SB-2025-0042',
      事项编码: 'social-security-card',
      事项名称: '社会保障卡申领',
    });
  });

  it('lets the manager export the hall and a chief representative their department only', async () => {
    const { as, good, bad } = await ratedMorning();
    const ids = async (client: ReturnType<typeof api>) =>
      (await ok('ratingExport', exportOf(client))).records.map((r) => r.ratingId);
    expect(await ids(await as('admin', 'admin'))).toEqual([good.id, bad.id]);
    // z01 answers for 人社 (window 11), z02 for tax: none of this morning's.
    const hrss = await ok('ratingExport', exportOf(await as('z01')));
    expect(hrss.scope).toEqual({ kind: 'department', department: 'hrss' });
    expect(hrss.records.map((r) => r.ratingId)).toEqual([bad.id]);
    expect(await ids(await as('z02'))).toEqual([]);
  });

  it('refuses a clerk and a device, as JSON and as CSV', async () => {
    const { h, as } = await ratedMorning();
    const csvOf = (client: ReturnType<typeof api>) => client.get(`/api/ratings/export.csv?from=${DAY}&to=${DAY}`);
    for (const get of [exportOf, csvOf]) {
      await refused(get(await as('c03')), 403, 'forbidden');
      await refused(get(api(h.server.url, DISPLAY_KEY)), 403, 'forbidden');
      await refused(get(api(h.server.url)), 401, 'unauthorized');
    }
  });

  it('refuses a bad period or an unknown parameter, naming the field', async () => {
    const h = await rigs.open();
    const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    const field = async (query: string) =>
      (await refused(exportOf(manager, query), 400, 'validation_failed')).fields?.map((f) => f.path);
    expect(await field('from=2025-02-30&to=2025-03-01')).toEqual(['from']);
    expect(await field(`from=${DAY}`)).toEqual(['to']);
    expect(await field('from=2025-06-12&to=2025-06-11')).toEqual(['to']);
    expect(await field('from=2024-01-01&to=2025-06-11')).toEqual(['to']);
    expect(await field(`from=${DAY}&to=${DAY}&format=xlsx`)).toEqual(['format']); // the CSV has its own path
  });
});
