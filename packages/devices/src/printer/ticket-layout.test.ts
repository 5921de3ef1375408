import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  formatHallTime,
  layoutText,
  ticketLines,
  wrapColumns,
  type TextBlock,
  type TicketPrint,
} from './ticket-layout';

const sampleTicket: TicketPrint = {
  hallName: '拉萨市城关区政务服务中心',
  windowTypeName: '不动产登记',
  number: 'A023',
  peopleAhead: 7,
  estimatedWaitMinutes: 25,
  windows: [3, 5, 7],
  issuedAt: new Date('2026-11-23T01:05:00Z'),
  timeZone: 'Asia/Shanghai',
  statusUrl: 'https://hall.example.gov.cn/s/Ab3xYz9',
  materials: [
    '申请人身份证原件及复印件（需本人签字确认，复印件一式两份）',
    '不动产权属证书',
    '户口簿 (household register)',
  ],
};

describe('wrapColumns', () => {
  it('counts a hanzi as two columns and never exceeds the width', () => {
    const lines = wrapColumns('一二三四五六七八九十一二三四五六七', 32);
    expect(lines).toEqual(['一二三四五六七八九十一二三四五六', '七']);
    expect(displayWidth(lines[0] as string)).toBe(32);
  });

  it('keeps ASCII words whole across mixed text', () => {
    const lines = wrapColumns('请携带 ID card 和 household register 原件', 16);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(16);
    expect(lines.join('|')).toContain('household');
    expect(lines.some((l) => l.startsWith('register') || l.includes(' register'))).toBe(true);
  });

  it('does not start a line with closing punctuation', () => {
    const lines = wrapColumns('一二三四五六七，八九', 14);
    for (const line of lines) expect(line.startsWith('，')).toBe(false);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(14);
  });

  it('does not end a line with opening punctuation', () => {
    const lines = wrapColumns('一二三四五六（七八）', 14);
    for (const line of lines) expect(line.endsWith('（')).toBe(false);
    expect(lines).toEqual(['一二三四五六', '（七八）']);
  });

  it('hard-splits a word longer than a line', () => {
    expect(wrapColumns('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('ticketLines', () => {
  it('prints the number large, bold and centred', () => {
    for (const width of [58, 80] as const) {
      const number = ticketLines(sampleTicket, width).find(
        (b): b is TextBlock => b.kind === 'text' && b.text === 'A023',
      );
      expect(number).toBeDefined();
      expect(number?.widthScale).toBeGreaterThanOrEqual(2);
      expect(number?.heightScale).toBeGreaterThanOrEqual(2);
      expect(number?.bold).toBe(true);
      expect(number?.align).toBe('center');
    }
  });

  it('keeps every line within the paper width at its scale', () => {
    for (const [width, columns] of [
      [58, 32],
      [80, 48],
    ] as const) {
      for (const b of ticketLines(sampleTicket, width)) {
        if (b.kind === 'text') expect(displayWidth(b.text) * b.widthScale).toBeLessThanOrEqual(columns);
      }
    }
  });

  it('shows the ticket facts in order and ends with 当日有效 and a cut', () => {
    const blocks = ticketLines(sampleTicket, 80);
    const text = layoutText(blocks);
    expect(text.slice(0, 3)).toEqual(['拉萨市城关区政务服务中心', '不动产登记', 'A023']);
    expect(text).toContain('前面还有 7 人等候');
    expect(text).toContain('预计等候约 25 分钟');
    expect(text).toContain('请留意 3、5、7 号窗口叫号');
    expect(text).toContain('2026-11-23 09:05');
    expect(text.at(-1)).toBe('当日有效');
    expect(blocks.at(-1)).toEqual({ kind: 'cut' });
    expect(blocks.filter((b) => b.kind === 'qr')).toEqual([
      { kind: 'qr', data: sampleTicket.statusUrl, moduleSize: 6 },
    ]);
  });

  it('names the chosen service item under the window type, and leaves the line out when none was chosen', () => {
    const withItem = layoutText(ticketLines({ ...sampleTicket, serviceItemName: '不动产转移登记' }, 80));
    expect(withItem.slice(0, 4)).toEqual(['拉萨市城关区政务服务中心', '不动产登记', '不动产转移登记', 'A023']);
    const without = layoutText(ticketLines({ ...sampleTicket, serviceItemName: null }, 80));
    expect(without.slice(0, 3)).toEqual(['拉萨市城关区政务服务中心', '不动产登记', 'A023']);
  });

  it('wraps materials and keeps only the first lines', () => {
    const text = layoutText(ticketLines({ ...sampleTicket, maxMaterialLines: 2 }, 58));
    const start = text.indexOf('请携带以下材料：');
    expect(text[start + 1]?.startsWith('1. 申请人身份证原件')).toBe(true);
    expect(text[start + 2]).toBe('（更多材料请咨询窗口）');
    expect(text[start + 3]).toBe('当日有效');
  });

  it('says when no wait estimate is available', () => {
    expect(layoutText(ticketLines({ ...sampleTicket, estimatedWaitMinutes: null }, 80))).toContain(
      '预计等候时间：暂无',
    );
  });

  it('refuses a non-ASCII status URL', () => {
    expect(() => ticketLines({ ...sampleTicket, statusUrl: 'https://例子.cn/s/1' }, 80)).toThrow(RangeError);
  });

  it('formats the time in the hall time zone', () => {
    expect(formatHallTime(new Date('2026-11-23T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-24 01:30');
    expect(formatHallTime(new Date('2026-11-23T17:30:00Z'), 'Asia/Urumqi')).toBe('2026-11-23 23:30');
  });
});

describe('a ticket taken in another language', () => {
  const tibetan = {
    ...sampleTicket,
    inCitizenLanguage: { windowTypeName: 'གནས་མི་སྤོ་བའི་རྒྱུ་ནོར་ཐོ་འགོད།', validToday: 'དེ་རིང་ཁོ་ན་ནུས་པ་ཡོད།' },
  };

  it('draws the Tibetan window type above the Chinese one and the Tibetan validity line above 当日有效', () => {
    for (const [width, dots] of [
      [80, 576],
      [58, 384],
    ] as const) {
      const blocks = ticketLines(tibetan, width);
      const kinds = blocks.map((b) => (b.kind === 'text' ? b.text : b.kind));
      const type = kinds.indexOf('不动产登记');
      expect(kinds.slice(0, type)).toEqual(['拉萨市城关区政务服务中心', ...Array(type - 1).fill('raster')]);
      expect(type).toBeGreaterThan(1);
      const valid = kinds.indexOf('当日有效');
      expect(kinds[valid - 1]).toBe('raster');
      for (const block of blocks) if (block.kind === 'raster') expect(block.width).toBe(dots);
    }
  });

  it('keeps every GBK line as text: only the Tibetan is drawn', () => {
    const blocks = ticketLines(tibetan, 80);
    expect(blocks.filter((b) => b.kind === 'raster')).toHaveLength(2);
    expect(layoutText(blocks)).toEqual(layoutText(ticketLines(sampleTicket, 80)));
  });

  it('prints an English ticket as text, the English above the Chinese', () => {
    const english = {
      ...sampleTicket,
      inCitizenLanguage: { windowTypeName: 'Real estate', validToday: 'Valid today only' },
    };
    const blocks = ticketLines(english, 80);
    expect(blocks.some((b) => b.kind === 'raster')).toBe(false);
    const text = layoutText(blocks);
    expect(text.slice(1, 3)).toEqual(['Real estate', '不动产登记']);
    expect(text.slice(-2)).toEqual(['Valid today only', '当日有效']);
  });

  it('prints a window type name that has no translation once', () => {
    const untranslated = {
      ...tibetan,
      inCitizenLanguage: { ...tibetan.inCitizenLanguage, windowTypeName: '不动产登记' },
    };
    const text = layoutText(ticketLines(untranslated, 80));
    expect(text.filter((t) => t === '不动产登记')).toHaveLength(1);
  });

  it('draws any line GBK cannot encode, not only the citizen-language ones', () => {
    const blocks = ticketLines({ ...sampleTicket, hallName: 'ལྷ་ས་གྲོང་ཁྱེར།' }, 80);
    expect(blocks[0]?.kind).toBe('raster');
  });
});
