import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import type { ServiceItemConfig } from '@hallq/shared/contracts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { catalogueDiff } from './catalogue-diff';
import { readCatalogue } from './read-catalogue';
import { catalogueCsv, catalogueWorkbook } from './write-catalogue';

const hall = loadHallConfig(DEMO_HALL_PATH);

describe('exporting the 事项清单', () => {
  it('re-imports the demo hall’s catalogue unchanged from the workbook and from the CSV', async () => {
    expect(hall.serviceItems.length).toBeGreaterThan(10);
    const fromXlsx = await readCatalogue(await catalogueWorkbook(hall), 'xlsx', hall);
    const fromCsv = await readCatalogue(Buffer.from(catalogueCsv(hall), 'utf8'), 'csv', hall);
    for (const read of [fromXlsx, fromCsv]) {
      expect(read.problems).toEqual([]);
      expect(read.items).toEqual(hall.serviceItems);
      expect(catalogueDiff(hall.serviceItems, read.items)).toMatchObject({ added: [], changed: [], absent: [] });
    }
  });

  it('keeps each translation on its material’s line when some materials have none', async () => {
    const item: ServiceItemConfig = {
      ...hall.serviceItems[0]!,
      code: 'partly-translated',
      materials: [{ zh: '身份证', bo: 'ལག་ཁྱེར།' }, { zh: '户口簿', en: 'Household register' }, { zh: '照片' }],
    };
    const partly = { ...hall, serviceItems: [item] };
    for (const read of [
      await readCatalogue(await catalogueWorkbook(partly), 'xlsx', hall),
      await readCatalogue(Buffer.from(catalogueCsv(partly)), 'csv', hall),
    ]) {
      expect(read.problems).toEqual([]);
      expect(read.items).toEqual([item]);
    }
  });

  it('writes one 事项清单 sheet with a bold frozen header, codes for departments and wrapped materials', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await catalogueWorkbook(hall)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['事项清单']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).getCell(5).value).toBe('实施主体');
    expect(sheet.getRow(2).getCell(5).value).toBe(hall.serviceItems[0]!.department);
    const materials = sheet.getRow(2).getCell(9);
    expect(materials.value).toBe(hall.serviceItems[0]!.materials.map((m) => m.zh).join('\n'));
    expect(materials.alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(9).width).toBeGreaterThan(20);
  });

  it('writes a CSV Excel opens as UTF-8, with CRLF rows and materials quoted as one cell', () => {
    const text = catalogueCsv(hall);
    expect(text.startsWith('\uFEFF事项编码,事项名称,')).toBe(true);
    const lines = hall.serviceItems[0]!.materials.map((m) => m.zh);
    expect(text).toContain(`"${lines.join('\n')}"`);
    expect(text.split('\r\n')).toHaveLength(hall.serviceItems.length + 2);
  });

  it('leads a cell Excel would run as a formula with an apostrophe, and reads it back as written', async () => {
    const item: ServiceItemConfig = { ...hall.serviceItems[0]!, code: 'formula', legalBasis: '=HYPERLINK("x","y")' };
    const text = catalogueCsv({ ...hall, serviceItems: [item] });
    expect(text).toContain(`"'=HYPERLINK(""x"",""y"")"`);
    const read = await readCatalogue(Buffer.from(text), 'csv', hall);
    expect(read.items).toEqual([item]);
  });
});
