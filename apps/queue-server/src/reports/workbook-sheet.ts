import type { Workbook } from 'exceljs';

/** How a column's numbers read in Excel: counts whole, minutes to one decimal, shares as percentages. */
export type ColumnFormat = 'text' | 'count' | 'minutes' | 'share';

export interface SheetColumn {
  header: string;
  /** In characters; a CJK character is about two. */
  width: number;
  format?: ColumnFormat;
}

/** A cell: text, a number in its column's format, or a number in a format of its own (the 总体 sheet's lines). */
export type Cell = string | number | null | { value: number | null; format: ColumnFormat };

const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  count: '0',
  minutes: '0.0',
  share: '0.0%',
};

/**
 * One table of the bulletin as a sheet: a bold header row frozen above the rows, the columns' widths and number
 * formats. Null cells stay empty (a figure there was nothing to count for), never 0.
 */
export function addTableSheet(workbook: Workbook, name: string, columns: readonly SheetColumn[], rows: Cell[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns.map((c) => {
    const numFmt = NUMBER_FORMATS[c.format ?? 'text'];
    return { header: c.header, width: c.width, ...(numFmt !== undefined && { style: { numFmt } }) };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  for (const row of rows) {
    const added = sheet.addRow(
      row.map((cell) => (cell !== null && typeof cell === 'object' ? cell.value : cell) ?? undefined),
    );
    row.forEach((cell, i) => {
      if (cell !== null && typeof cell === 'object') added.getCell(i + 1).numFmt = NUMBER_FORMATS[cell.format] ?? '@';
    });
  }
}
