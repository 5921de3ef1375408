import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHallConfig } from '@hallq/hall-file';
import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { api, hallPerTest, login, rid } from './harness';

const halls = hallPerTest();

const HEADER = [
  '事项编码',
  '事项名称',
  '实施主体',
  '行使层级',
  '办件类型',
  '承诺时限(工作日)',
  '申请材料',
  '收费标准(元)',
  '窗口类型',
];
const birth = [
  'birth-reissue',
  '出生医学证明补发',
  '市卫生健康委员会',
  '区级',
  '承诺件',
  '5',
  '申请表\n身份证',
  '0',
  'personal',
];
const base64 = (text: string) => Buffer.from(`\ufeff${text}`).toString('base64');

async function openConsole() {
  const h = await halls.open();
  const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
  return { ...h, manager };
}

describe('the item catalogue in and out', () => {
  it('previews a sheet with a bad row (row and column named, nothing applied), then imports it fixed as one version', async () => {
    const h = await openConsole();
    const badRow = [...birth.slice(0, 8), '不存在的窗口'];
    const renewal = [
      'id-card-renewal',
      '居民身份证换领',
      '市公安局',
      '市级',
      '即办件',
      '0',
      '居民户口簿\n近期照片',
      '20',
      'police',
    ];
    const sheet = (rows: string[][]) => ({ format: 'csv', content: base64(stringify([HEADER, ...rows])) });
    const preview = await ok(
      'previewCatalogue',
      h.manager.post('/api/settings/catalogue/preview', sheet([renewal, badRow])),
    );
    expect(preview.problems).toEqual([
      { row: 3, column: '窗口类型', message: expect.stringContaining('不存在的窗口') },
    ]);
    expect(preview.changed.map((c) => c.code)).toEqual(['id-card-renewal']);
    expect(preview.absent.length).toBeGreaterThan(30);
    const refusedImport = await refused(
      h.manager.post('/api/settings/catalogue/import', {
        ...sheet([renewal, badRow]),
        requestId: rid(),
        baseVersion: preview.baseVersion,
      }),
      400,
      'validation_failed',
    );
    expect(refusedImport.fields).toEqual([{ path: 'row 3 / 窗口类型', message: expect.any(String) }]);
    expect((await ok('settings', h.manager.get('/api/settings'))).version).toBe(1);

    const fixed = sheet([renewal, birth]);
    const again = await ok('previewCatalogue', h.manager.post('/api/settings/catalogue/preview', fixed));
    expect([again.problems, again.added.map((a) => a.code)]).toEqual([[], ['birth-reissue']]);
    const imported = await ok(
      'importCatalogue',
      h.manager.post('/api/settings/catalogue/import', { ...fixed, requestId: rid(), baseVersion: again.baseVersion }),
    );
    expect(imported.version).toBe(2);
    const hall = await ok('hall', api(h.server.url).get('/api/hall'));
    expect(hall.serviceItems.find((i) => i.code === 'birth-reissue')?.materials).toEqual([
      { zh: '申请表' },
      { zh: '身份证' },
    ]);
    const { versions } = await ok('settingsHistory', h.manager.get('/api/settings/history'));
    expect(versions[0]).toMatchObject({ source: 'import', actor: 'staff:admin' });
  });

  it('exports the catalogue as a spreadsheet in the import layout, and the whole hall file without a secret', async () => {
    const h = await openConsole();
    const xlsx = await fetch(`${h.server.url}/api/settings/catalogue.xlsx`, {
      headers: { authorization: `Bearer ${await login(h.server.url, 'admin', 'admin')}` },
    });
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe('事项编码');
    const token = await login(h.server.url, 'admin', 'admin');
    const yamlText = await (
      await fetch(`${h.server.url}/api/settings/hall.yaml`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    expect(yamlText).not.toMatch(/scrypt|sha256\$|passwordHash|keyHash/);
    const file = join(mkdtempSync(join(tmpdir(), 'hall-yaml-')), 'hall.yaml');
    writeFileSync(file, yamlText);
    const hall = loadHallConfig(file);
    expect(hall.serviceItems.length).toBe(sheet.rowCount - 1);
    const clerk = api(h.server.url, await login(h.server.url, 'c01', 'demo'));
    await refused(clerk.get('/api/settings/hall.yaml'), 403, 'forbidden');
    await refused(clerk.post('/api/settings/catalogue/preview', { format: 'csv', content: '' }), 403, 'forbidden');
  });

  it('reads no large upload from anyone who may not import', async () => {
    const h = await openConsole();
    const big = 'A'.repeat(2_000_000);
    const anonymous = await api(h.server.url).post('/api/settings/catalogue/preview', { format: 'csv', content: big });
    expect(anonymous.status).toBe(401);
    const tooBig = await h.manager.post('/api/settings/catalogue/preview', {
      format: 'csv',
      content: 'A'.repeat(9_000_000),
    });
    expect(tooBig.status).toBe(413);
  });
});
