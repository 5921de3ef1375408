import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { HallConfig, ServiceItemConfig } from '@hallq/shared/contracts';
import { inert } from '../../service/rating-export';
import { CATALOGUE_COLUMNS, KIND_NAMES, LEVEL_NAMES, type CatalogueField } from './catalogue-columns';

type Hall = Pick<HallConfig, 'name' | 'serviceItems'>;

/** Materials one per line; a material without a translation leaves its line empty, so the lines keep their places. */
const lines = (materials: ServiceItemConfig['materials'], language: 'zh' | 'bo' | 'en') =>
  materials.some((m) => m[language]) ? materials.map((m) => m[language] ?? '').join('\n') : '';

const CELL: Record<CatalogueField, (item: ServiceItemConfig) => string | number> = {
  code: (s) => s.code,
  'name.zh': (s) => s.name.zh,
  'name.bo': (s) => s.name.bo ?? '',
  'name.en': (s) => s.name.en ?? '',
  department: (s) => s.department,
  level: (s) => LEVEL_NAMES[s.level],
  kind: (s) => KIND_NAMES[s.kind],
  promisedWorkingDays: (s) => s.promisedWorkingDays,
  materials: (s) => lines(s.materials, 'zh'),
  'materials.bo': (s) => lines(s.materials, 'bo'),
  'materials.en': (s) => lines(s.materials, 'en'),
  feeYuan: (s) => s.feeYuan,
  legalBasis: (s) => s.legalBasis ?? '',
  windowType: (s) => s.windowType,
};

const rowOf = (item: ServiceItemConfig) => CATALOGUE_COLUMNS.map((c) => CELL[c.field](item));

const MULTILINE = new Set<CatalogueField>(['materials', 'materials.bo', 'materials.en']);
const NUMERIC = new Set<CatalogueField>(['promisedWorkingDays', 'feeYuan']);

/**
 * The hall's 事项清单 as a workbook in the layout `readCatalogue` reads, so an export edited and imported again
 * changes only what was edited. Text columns are formatted as text: an officer typing a code such as 0012 keeps it.
 */
export async function catalogueWorkbook(hall: Hall): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = hall.name.zh;
  workbook.title = `${hall.name.zh} 事项清单`;
  const sheet = workbook.addWorksheet('事项清单', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = CATALOGUE_COLUMNS.map((c) => ({
    header: c.header,
    width: c.width,
    style: {
      ...(!NUMERIC.has(c.field) && { numFmt: '@' }),
      alignment: { vertical: 'top', wrapText: MULTILINE.has(c.field) },
    },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const item of hall.serviceItems) sheet.addRow(rowOf(item));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same as CSV: UTF-8 with a BOM (or Excel reads the Chinese as another code page), CRLF, no cell a formula. */
export function catalogueCsv(hall: Hall): string {
  return stringify(hall.serviceItems.map(rowOf), {
    bom: true,
    header: true,
    columns: CATALOGUE_COLUMNS.map((c) => c.header),
    cast: { string: inert },
    // Materials break lines with LF alone; Excel would split the row there unless the cell is quoted.
    quoted_match: /[\r\n]/,
    record_delimiter: 'windows',
  });
}
