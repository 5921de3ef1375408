import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import ExcelJS, { type CellValue } from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from './read-catalogue';

const hall = loadHallConfig(DEMO_HALL_PATH);

async function xlsx(rows: CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csv = (rows: string[][]) => Buffer.from(stringify(rows, { record_delimiter: 'windows' }));

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
/** A row the demo hall takes: its department and window type by Chinese name, as provincial sheets give them. */
const row = (code: string, over: Partial<Record<string, string>> = {}) =>
  HEADER.map(
    (h) =>
      over[h] ??
      {
        事项编码: code,
        事项名称: '出生医学证明补发',
        实施主体: '市卫生健康委员会',
        行使层级: '区级',
        办件类型: '承诺件',
        '承诺时限(工作日)': '5',
        申请材料: '申请人居民身份证\n原出生医学证明',
        '收费标准(元)': '不收费',
        窗口类型: '个人综窗',
      }[h]!,
  );

describe('reading a 事项清单', () => {
  it('turns good rows into service items with departments and window types by code', async () => {
    const read = await readCatalogue(await xlsx([HEADER, row('birth-cert-reissue')]), 'xlsx', hall);
    expect(read.problems).toEqual([]);
    expect(read.rows).toBe(1);
    expect(read.items).toEqual([
      {
        code: 'birth-cert-reissue',
        name: { zh: '出生医学证明补发' },
        level: 'district',
        kind: 'promised',
        promisedWorkingDays: 5,
        materials: [{ zh: '申请人居民身份证' }, { zh: '原出生医学证明' }],
        feeYuan: 0,
        windowType: 'personal',
        department: 'health',
      },
    ]);
  });

  it('names the row number and column header of each bad cell, and keeps only the good rows', async () => {
    const header = [...HEADER, '藏文申请材料'];
    const rows = [
      // A blank line typed after the last translation is no translation of its own.
      [...row('good'), 'ཐོབ་ཐང་ལག་ཁྱེར།\nལག་ཁྱེར།\n\n'],
      [...row('unknown-window', { 窗口类型: '无此窗口' }), ''],
      [...row('immediate-days', { 办件类型: '即办件', '承诺时限(工作日)': '5' }), ''],
      [...row('bad-fee', { '收费标准(元)': 'abc' }), ''],
      [...row('no-name', { 事项名称: '' }), ''],
      [...row('short-bo'), 'ཐོབ་ཐང་ལག་ཁྱེར།'],
    ];
    const read = await readCatalogue(await xlsx([header, ...rows]), 'xlsx', hall);
    expect(read.problems.map(({ row, column }) => ({ row, column }))).toEqual([
      { row: 3, column: '窗口类型' },
      { row: 4, column: '承诺时限(工作日)' },
      { row: 5, column: '收费标准(元)' },
      { row: 6, column: '事项名称' },
      { row: 7, column: '藏文申请材料' },
    ]);
    const [window, days, fee, name, bo] = read.problems.map((p) => p.message);
    expect(window).toContain('"无此窗口"');
    expect(days).toMatch(/immediate .*0 promised working days/);
    expect(fee).toContain('"abc"');
    expect(name).toBe('is empty');
    expect(bo).toMatch(/1 line\(s\) where 申请材料 has 2/);
    expect(read.items.map((i) => i.code)).toEqual(['good']);
    expect(read.items[0]!.materials.map((m) => m.bo)).toEqual(['ཐོབ་ཐང་ལག་ཁྱེར།', 'ལག་ཁྱེར།']);
    expect(read.rows).toBe(6);
  });

  it('quotes only the offending value in a message, cut to 40 characters', async () => {
    const long = `不存在的部门${'很长'.repeat(40)}`;
    const read = await readCatalogue(await xlsx([HEADER, row('x', { 实施主体: long })]), 'xlsx', hall);
    expect(read.problems).toHaveLength(1);
    const { message } = read.problems[0]!;
    expect(message).toContain(`"${long.slice(0, 40)}…"`);
    expect(message).not.toContain(long.slice(0, 41));
    expect(message).not.toContain('出生医学证明补发');
  });

  it('shows a code the hall cannot take with the rule it breaks', async () => {
    const read = await readCatalogue(csv([HEADER, row('事项 001')]), 'csv', hall);
    expect(read.problems).toEqual([
      { row: 2, column: '事项编码', message: '"事项 001" must be 1-32 letters, digits, _ or -' },
    ]);
  });

  it('ignores columns it does not know, as provincial sheets carry many', async () => {
    const header = ['序号', ...HEADER, '办理地点', '咨询电话'];
    const read = await readCatalogue(csv([header, ['1', ...row('with-extras'), '一楼', '0891-1234567']]), 'csv', hall);
    expect(read.problems).toEqual([]);
    expect(read.items.map((i) => i.code)).toEqual(['with-extras']);
  });

  it('names a missing required column once, by its field, and reads no row', async () => {
    const header = HEADER.filter((h) => h !== '窗口类型');
    const read = await readCatalogue(csv([header, row('a').slice(0, -1), row('b').slice(0, -1)]), 'csv', hall);
    expect(read.problems).toEqual([
      { row: 1, column: 'windowType', message: expect.stringContaining('窗口类型') as string },
    ]);
    expect(read.items).toEqual([]);
    expect(read.rows).toBe(2);
  });

  it('refuses a code repeated within the sheet on every row that carries it', async () => {
    const read = await readCatalogue(csv([HEADER, row('twice'), row('once'), row('twice')]), 'csv', hall);
    expect(read.problems).toEqual([
      { row: 2, column: '事项编码', message: expect.stringContaining('rows 2, 4') as string },
      { row: 4, column: '事项编码', message: expect.stringContaining('rows 2, 4') as string },
    ]);
    expect(read.items.map((i) => i.code)).toEqual(['once']);
  });

  it('matches headers with full-width parentheses, spaces and asterisks, and the English headers', async () => {
    const variants = [
      '*事项编码',
      '事项名称',
      '实施部门',
      '行使层级',
      '办件类型',
      ' 承诺时限（工作日） ',
      '申请材料',
      '收费标准（元）',
      '窗口类型',
    ];
    const english = [
      'Code',
      'Name',
      'Department',
      'Level',
      'Kind',
      'Promised working days',
      'Materials',
      'Fee (yuan)',
      'Window type',
    ];
    const values = ['eng', 'English row', 'health', 'county', 'promised', '3', 'ID card', '12.5', 'personal'];
    for (const header of [variants, english]) {
      const read = await readCatalogue(csv([header, values]), 'csv', hall);
      expect(read.problems, header.join()).toEqual([]);
      expect(read.items[0]).toMatchObject({ level: 'county', kind: 'promised', feeYuan: 12.5, department: 'health' });
    }
  });

  it('takes the provinces’ words for levels, kinds, days and fees', async () => {
    const rows = [
      row('a', { 行使层级: '地市级', 办件类型: '承办件', '承诺时限(工作日)': '10个工作日', '收费标准(元)': '￥20元' }),
      row('b', { 行使层级: '区县级', 办件类型: '即办件', '承诺时限(工作日)': '', '收费标准(元)': '' }),
      row('c', { 行使层级: '自治区级', '收费标准(元)': '免费' }),
      row('d', { 行使层级: '乡镇级', 实施主体: 'health', 窗口类型: 'personal' }),
    ];
    const read = await readCatalogue(csv([HEADER, ...rows]), 'csv', hall);
    expect(read.problems).toEqual([]);
    expect(read.items.map((i) => [i.level, i.kind, i.promisedWorkingDays, i.feeYuan])).toEqual([
      ['city', 'promised', 10, 20],
      ['county', 'immediate', 0, 0],
      ['region', 'promised', 5, 0],
      ['township', 'promised', 5, 0],
    ]);
  });

  it('reads a GB18030 CSV with Chinese headers', async () => {
    const text = stringify([HEADER, row('gbk-row')], { record_delimiter: 'windows' });
    const bytes = iconv.encode(text, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const read = await readCatalogue(bytes, 'csv', hall);
    expect(read.problems).toEqual([]);
    expect(read.items[0]).toMatchObject({ code: 'gbk-row', name: { zh: '出生医学证明补发' }, department: 'health' });
    expect(read.items[0]!.materials).toEqual([{ zh: '申请人居民身份证' }, { zh: '原出生医学证明' }]);
  });

  it('reads a UTF-8 CSV with a BOM', async () => {
    const bytes = Buffer.from(`\uFEFF${stringify([HEADER, row('bom-row')])}`);
    const read = await readCatalogue(bytes, 'csv', hall);
    expect(read.problems).toEqual([]);
    expect(read.items.map((i) => i.code)).toEqual(['bom-row']);
  });

  it('reads what rich-text, number and formula cells show, and skips empty rows', async () => {
    const cells: CellValue[] = row('rich');
    cells[0] = { richText: [{ text: 'ri' }, { text: 'ch', font: { bold: true } }] };
    cells[1] = { richText: [{ text: '出生' }, { text: '医学证明', font: { color: { argb: 'FFFF0000' } } }] };
    cells[5] = { formula: '2+3', result: 5 };
    cells[7] = { formula: 'A1', result: '免费' };
    const numbered: CellValue[] = row('numbers');
    numbered[5] = 7;
    numbered[7] = 15;
    const read = await readCatalogue(await xlsx([HEADER, cells, [], ['', '  '], numbered]), 'xlsx', hall);
    expect(read.problems).toEqual([]);
    expect(read.rows).toBe(2);
    expect(read.items.map((i) => [i.code, i.name.zh, i.promisedWorkingDays, i.feeYuan])).toEqual([
      ['rich', '出生医学证明', 5, 0],
      ['numbers', '出生医学证明补发', 7, 15],
    ]);
  });

  it('numbers rows as the sheet shows them, past empty rows', async () => {
    const read = await readCatalogue(
      await xlsx([HEADER, row('a'), [], row('b', { 行使层级: '国家级' })]),
      'xlsx',
      hall,
    );
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([[4, '行使层级']]);
  });

  it('refuses a file over 5 MB, a sheet over 5,000 rows and a file that is no workbook with one problem', async () => {
    const big = await readCatalogue(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), 'csv', hall);
    const many = await readCatalogue(
      csv([HEADER, ...Array.from({ length: 5001 }, (_, i) => row(`r${i}`))]),
      'csv',
      hall,
    );
    const notXlsx = await readCatalogue(Buffer.from('事项编码,事项名称'), 'xlsx', hall);
    for (const read of [big, many, notXlsx]) {
      expect(read.items).toEqual([]);
      expect(read.problems).toHaveLength(1);
      expect(read.problems[0]).toMatchObject({ row: 0 });
    }
    expect(many.rows).toBe(5001);
    expect(notXlsx.problems[0]!.message).toMatch(/not an Excel workbook/);
  });
});
