import { ServiceItemConfig, type HallConfig } from '@hallq/shared/contracts';
import { CATALOGUE_COLUMNS, columnOfHeader, type CatalogueField } from './catalogue-columns';
import { candidateOf, shown } from './catalogue-row';
import { readSheet, UnreadableSheet, type SheetFormat } from './catalogue-sheet';

export interface CatalogueProblem {
  /** The sheet's row number as the user sees it: the header is 1; 0 for the file as a whole. */
  row: number;
  /** The header text as in the sheet, or the field name when the column is missing. */
  column: string;
  message: string;
}

export interface CatalogueRead {
  /** The rows that have no problem, as service items. */
  items: ServiceItemConfig[];
  problems: CatalogueProblem[];
  /** Rows below the header that hold anything. */
  rows: number;
}

export const MAX_CATALOGUE_BYTES = 5 * 1024 * 1024;
export const MAX_CATALOGUE_ROWS = 5000;

/**
 * A 事项清单 as the hall's service items. Every row is checked whole, so one read names every problem of the sheet;
 * only rows without a problem become items, for the preview to show beside the problems.
 */
export async function readCatalogue(bytes: Buffer, format: SheetFormat, hall: HallConfig): Promise<CatalogueRead> {
  const refuse = (message: string, rows = 0): CatalogueRead => ({
    items: [],
    problems: [{ row: 0, column: '', message }],
    rows,
  });
  if (bytes.length > MAX_CATALOGUE_BYTES) return refuse(`the file is over ${MAX_CATALOGUE_BYTES / 1024 / 1024} MB`);
  let grid;
  try {
    grid = await readSheet(bytes, format);
  } catch (error) {
    if (error instanceof UnreadableSheet) return refuse(error.message);
    throw error;
  }
  const rows = grid.rows.length;
  if (rows > MAX_CATALOGUE_ROWS)
    return refuse(`the sheet has ${rows} rows; at most ${MAX_CATALOGUE_ROWS} are read`, rows);

  const layout = new Map<CatalogueField, number>();
  const headerOf = new Map<CatalogueField, string>();
  grid.header.forEach((text, index) => {
    const column = columnOfHeader(text);
    // A sheet carrying both 实施主体 and 实施部门 is read by the first.
    if (column && !layout.has(column.field)) {
      layout.set(column.field, index);
      headerOf.set(column.field, text);
    }
  });
  const missing = CATALOGUE_COLUMNS.filter((c) => c.required && !layout.has(c.field));
  if (missing.length > 0)
    return {
      items: [],
      problems: missing.map((c) => ({
        row: 1,
        column: c.field,
        message: `the sheet has no column ${[c.header, ...c.alternatives].join(' / ')}`,
      })),
      rows,
    };

  const label = (field: CatalogueField) => headerOf.get(field) ?? field;
  const problems: CatalogueProblem[] = [];
  const read = grid.rows.map(({ row, cells }) => {
    const reported = new Set<CatalogueField>();
    const report = (field: CatalogueField, message: string) => {
      reported.add(field);
      problems.push({ row, column: label(field), message });
    };
    const parsed = ServiceItemConfig.safeParse(candidateOf(cells, layout, hall, report));
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = fieldOfPath(issue.path);
        const code = field === 'code' ? `${shown(cells[layout.get('code') ?? -1]?.trim() ?? '')} ` : '';
        if (!reported.has(field)) report(field, `${code}${issue.message}`);
      }
    return {
      row,
      item: reported.size === 0 && parsed.success ? parsed.data : undefined,
      code: cells[layout.get('code') ?? -1]?.trim(),
    };
  });

  const rowsOfCode = new Map<string, number[]>();
  for (const { row, code } of read) if (code) rowsOfCode.set(code, [...(rowsOfCode.get(code) ?? []), row]);
  const repeated = new Set<number>();
  for (const [code, at] of rowsOfCode)
    if (at.length > 1)
      for (const row of at) {
        repeated.add(row);
        problems.push({
          row,
          column: label('code'),
          message: `code ${shown(code)} is on rows ${at.join(', ')}: each item once`,
        });
      }

  const order = new Map(CATALOGUE_COLUMNS.map((c, i) => [label(c.field), i]));
  problems.sort((a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99));
  const items = read.flatMap(({ row, item }) => (item && !repeated.has(row) ? [item] : []));
  return { items, problems, rows };
}

/** The column a schema issue belongs to: a material's translation to its language's column. */
function fieldOfPath(path: readonly PropertyKey[]): CatalogueField {
  const [first, second, third] = path;
  if (first === 'name' && (second === 'bo' || second === 'en')) return `name.${second}`;
  if (first === 'name') return 'name.zh';
  if (first === 'materials' && (third === 'bo' || third === 'en')) return `materials.${third}`;
  if (first === 'materials') return 'materials';
  // An issue with no field of its own is the item's as a whole: shown against its code.
  return CATALOGUE_COLUMNS.find((c) => c.field === first)?.field ?? 'code';
}
