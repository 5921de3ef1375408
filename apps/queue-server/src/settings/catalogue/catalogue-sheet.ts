import ExcelJS, { type CellValue } from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/** A sheet as text: the header row (row 1) and the rows below it that hold anything, with their row numbers. */
export interface SheetGrid {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** Why a file could not be read as a sheet at all. */
export class UnreadableSheet extends Error {}

export type SheetFormat = 'xlsx' | 'csv';

/** Reads the first worksheet of a workbook, or a CSV file, as the text a person sees in each cell. */
export async function readSheet(bytes: Buffer, format: SheetFormat): Promise<SheetGrid> {
  const table = format === 'xlsx' ? await xlsxTable(bytes) : csvTable(bytes);
  const [header = [], ...rest] = table;
  const rows = rest
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  return { header, rows };
}

async function xlsxTable(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want its own Buffer flavour; the bytes are a Node Buffer all the same.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableSheet('the file is not an Excel workbook (.xlsx)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableSheet('the workbook has no worksheet');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    table[number - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(table, (cells) => cells ?? []);
}

/** What the cell shows: rich text joined, a formula's last computed result, a link's text. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  return value.error;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Provincial exports come as UTF-8 (with or without the BOM Excel writes) or in GB18030/GBK; bytes that are not valid
 * UTF-8 are taken as GB18030, which reads GBK and GB2312 too.
 */
function decodeCsv(bytes: Buffer): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'gb18030');
  }
  return text.replace(/^\uFEFF/, '');
}

/** A cell the export led with an apostrophe so Excel would not run it as a formula gets its own text back. */
const uninert = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function csvTable(bytes: Buffer): string[][] {
  try {
    const records = parse(decodeCsv(bytes), { relax_column_count: true, skip_empty_lines: false }) as string[][];
    return records.map((cells) => cells.map(uninert));
  } catch (error) {
    // csv-parse's messages quote the cell; only where it went wrong is said.
    const { code, lines } = error as { code?: string; lines?: number };
    throw new UnreadableSheet(`the CSV could not be read (${code ?? 'unknown error'} near line ${lines ?? '?'})`);
  }
}
