import { gbkEncodable, rasterText } from './raster-line';

/** Paper width in millimetres; Font A gives 48 columns on 80 mm and 32 on 58 mm. */
export type PaperWidth = 58 | 80;

export const PAPER_COLUMNS: Record<PaperWidth, number> = { 80: 48, 58: 32 };
/** Printable width in dots at 203 dpi: the Font A columns times its 12-dot cell. */
export const PAPER_DOTS: Record<PaperWidth, number> = { 80: 576, 58: 384 };

export type Align = 'left' | 'center' | 'right';

/** One printed line, already wrapped to fit the paper at its scale. */
export interface TextBlock {
  kind: 'text';
  text: string;
  align: Align;
  /** Character width/height multipliers (GS !), 1–8. */
  widthScale: number;
  heightScale: number;
  bold: boolean;
}
export interface QrBlock {
  kind: 'qr';
  /** ASCII only: the printer's QR command counts characters, not bytes. */
  data: string;
  /** Module size in dots (GS ( k fn 167), 1–16. */
  moduleSize: number;
}
export interface FeedBlock {
  kind: 'feed';
  lines: number;
}
export interface CutBlock {
  kind: 'cut';
}
/** One line that GBK cannot encode, drawn: a 1-bit image the width of the paper (GS v 0). */
export interface RasterBlock {
  kind: 'raster';
  /** Dots, a multiple of 8. */
  width: number;
  height: number;
  /** width / 8 bytes per row, rows top to bottom, the leftmost dot in the high bit; a set bit is ink. */
  bits: Buffer;
}
export type TicketBlock = TextBlock | QrBlock | FeedBlock | CutBlock | RasterBlock;

/** Fixed wording on the ticket; defaults are Chinese. */
export interface TicketLabels {
  peopleAhead: (n: number) => string;
  estimatedWait: (minutes: number | null) => string;
  windows: (windows: readonly number[]) => string;
  scanQr: string;
  materialsHeading: string;
  moreMaterials: string;
  validToday: string;
}

export const zhTicketLabels: TicketLabels = {
  peopleAhead: (n) => `前面还有 ${n} 人等候`,
  estimatedWait: (m) => (m === null ? '预计等候时间：暂无' : `预计等候约 ${m} 分钟`),
  windows: (w) => `请留意 ${w.join('、')} 号窗口叫号`,
  scanQr: '扫码查看排队进度',
  materialsHeading: '请携带以下材料：',
  moreMaterials: '（更多材料请咨询窗口）',
  validToday: '当日有效',
};

/** What a ticket shows; names are already localized by the caller. */
export interface TicketPrint {
  hallName: string;
  windowTypeName: string;
  /** The service item the citizen chose; none when they went straight to a window type. */
  serviceItemName?: string | null;
  /** Ticket number, e.g. "A023". */
  number: string;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  /** Windows that serve this ticket's type. */
  windows: readonly number[];
  issuedAt: Date;
  /** IANA time zone of the hall, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** Absolute URL of the public status page; must be ASCII. */
  statusUrl: string;
  /** Materials to bring (一次性告知), in order. */
  materials: readonly string[];
  /** Most lines given to materials, heading excluded; default 6. */
  maxMaterialLines?: number;
  labels?: Partial<TicketLabels>;
  /**
   * The citizen's language when it is not Chinese: its window type name and validity line are printed above the
   * Chinese ones, so both the citizen and the hall staff can read the ticket.
   */
  inCitizenLanguage?: { windowTypeName: string; validToday: string } | null;
}

const OPENING_PUNCTUATION = new Set([...'（《「『【〔“‘([{']);
const CLOSING_PUNCTUATION = new Set([...'，。、；：！？）》」』】〕,.;:!?)]}%']);

/** Display columns of one code point: East Asian wide and full-width characters take two. */
export function charColumns(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charColumns(ch);
  return w;
}

/**
 * Wraps mixed Chinese/ASCII text so no line is wider than `columns` display columns.
 * Hanzi may break anywhere; ASCII words break at spaces unless longer than a line;
 * closing punctuation never starts a line.
 */
export function wrapColumns(text: string, columns: number): string[] {
  if (!Number.isInteger(columns) || columns < 2) throw new RangeError(`columns must be an integer ≥ 2, got ${columns}`);
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    // Tokens: runs of non-space ASCII, single spaces, single other characters.
    // Opening punctuation sticks to what follows, closing punctuation to what precedes.
    const tokens: string[] = [];
    let glueNext = false;
    for (const ch of paragraph) {
      const last = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
      const isWordChar = /^[\x21-\x7e]$/.test(ch);
      const glue = glueNext;
      glueNext = OPENING_PUNCTUATION.has(ch);
      if (last !== undefined && glue) {
        tokens[tokens.length - 1] = last + ch;
      } else if (last !== undefined && CLOSING_PUNCTUATION.has(ch) && last !== ' ') {
        tokens[tokens.length - 1] = last + ch;
      } else if (last !== undefined && isWordChar && /^[\x21-\x7e]+$/.test(last)) {
        tokens[tokens.length - 1] = last + ch;
      } else {
        tokens.push(ch);
      }
    }
    let line = '';
    let width = 0;
    const flush = () => {
      out.push(line.trimEnd());
      line = '';
      width = 0;
    };
    for (const token of tokens) {
      const w = displayWidth(token);
      if (width + w <= columns) {
        line += token;
        width += w;
        continue;
      }
      if (token === ' ') {
        flush();
        continue;
      }
      if (w <= columns) {
        flush();
        line = token;
        width = w;
        continue;
      }
      // A token wider than a whole line: hard-split it.
      for (const ch of token) {
        const cw = charColumns(ch);
        if (width + cw > columns) flush();
        line += ch;
        width += cw;
      }
    }
    if (line.length > 0 || out.length === 0 || paragraph.length === 0) flush();
  }
  return out;
}

/** "YYYY-MM-DD HH:mm" in the given time zone. */
export function formatHallTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** Lines of text; a value GBK cannot encode is drawn instead, one image per wrapped line. */
function text(
  value: string,
  width: PaperWidth,
  style: { align?: Align; scale?: number; bold?: boolean; indent?: string } = {},
): (TextBlock | RasterBlock)[] {
  const scale = style.scale ?? 1;
  const indent = style.indent ?? '';
  if (!gbkEncodable(value)) {
    return rasterText(value, PAPER_DOTS[width], {
      align: style.align ?? 'left',
      bold: style.bold ?? false,
      scale,
      indent,
    });
  }
  const lines = wrapColumns(value, Math.floor(PAPER_COLUMNS[width] / scale) - displayWidth(indent));
  return lines.map((line, i) => ({
    kind: 'text' as const,
    text: i === 0 || indent === '' ? line : indent + line,
    align: style.align ?? 'left',
    widthScale: scale,
    heightScale: scale,
    bold: style.bold ?? false,
  }));
}

/** The blocks of one ticket, top to bottom, ending with a cut. */
export function ticketLines(ticket: TicketPrint, width: PaperWidth): TicketBlock[] {
  if (!isAscii(ticket.statusUrl)) throw new RangeError('statusUrl must be printable ASCII (QR payload)');
  const labels: TicketLabels = { ...zhTicketLabels, ...ticket.labels };
  // A name not translated comes as its Chinese: printed once.
  const own = ticket.inCitizenLanguage ?? null;
  const ownTypeName = own && own.windowTypeName !== ticket.windowTypeName ? own.windowTypeName : null;
  const ownValidToday = own && own.validToday !== labels.validToday ? own.validToday : null;
  const numberScale = width === 80 ? 3 : 2;
  const blocks: TicketBlock[] = [
    ...text(ticket.hallName, width, { align: 'center', bold: true }),
    ...(ownTypeName ? text(ownTypeName, width, { align: 'center' }) : []),
    ...text(ticket.windowTypeName, width, { align: 'center' }),
    ...(ticket.serviceItemName ? text(ticket.serviceItemName, width, { align: 'center' }) : []),
    { kind: 'feed', lines: 1 },
    ...text(ticket.number, width, { align: 'center', scale: numberScale, bold: true }),
    { kind: 'feed', lines: 1 },
    ...text(labels.peopleAhead(ticket.peopleAhead), width),
    ...text(labels.estimatedWait(ticket.estimatedWaitMinutes), width),
  ];
  if (ticket.windows.length > 0) blocks.push(...text(labels.windows(ticket.windows), width));
  blocks.push(...text(formatHallTime(ticket.issuedAt, ticket.timeZone), width));
  blocks.push(
    { kind: 'qr', data: ticket.statusUrl, moduleSize: width === 80 ? 6 : 5 },
    ...text(labels.scanQr, width, { align: 'center' }),
  );
  if (ticket.materials.length > 0) {
    const maxLines = ticket.maxMaterialLines ?? 6;
    const materialLines = ticket.materials.flatMap((m, i) => {
      const prefix = `${i + 1}. `;
      return text(prefix + m, width, { indent: ' '.repeat(prefix.length) });
    });
    blocks.push(...text(labels.materialsHeading, width, { bold: true }));
    if (materialLines.length <= maxLines) {
      blocks.push(...materialLines);
    } else {
      blocks.push(...materialLines.slice(0, Math.max(0, maxLines - 1)), ...text(labels.moreMaterials, width));
    }
  }
  blocks.push(
    ...(ownValidToday ? text(ownValidToday, width, { align: 'center', bold: true }) : []),
    ...text(labels.validToday, width, { align: 'center', bold: true }),
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  );
  return blocks;
}

/** The text lines of a layout, in order, as a reader of the paper would see them; drawn lines are left out. */
export function layoutText(blocks: readonly TicketBlock[]): string[] {
  return blocks.filter((b): b is TextBlock => b.kind === 'text').map((b) => b.text);
}
