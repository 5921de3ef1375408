import { describe, expect, it, vi } from 'vitest';
import { createNoticePrinter } from './notice-printer';

const JOB = { ticketDay: '2026-11-20', ticketNumber: 'A001', kind: 'rejected' } as const;

describe('printing a notice', () => {
  it('opens the browser’s print dialog where there is no counter shell', async () => {
    const print = vi.fn();
    await createNoticePrinter({ print })(JOB);
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('asks the counter shell instead, with nothing but the ticket’s day, number and the kind', async () => {
    const print = vi.fn();
    const printNotice = vi.fn(async () => ({ ok: true as const }));
    await createNoticePrinter({ print, hallqCounter: { printNotice } })(JOB);
    expect(printNotice).toHaveBeenCalledWith(JOB);
    expect(print).not.toHaveBeenCalled();
  });

  it('fails with the shell’s words when the shell could not print', async () => {
    const printNotice = vi.fn(async () => ({ ok: false as const, message: '打印机 HP 未能打印：Printer offline' }));
    await expect(createNoticePrinter({ print: vi.fn(), hallqCounter: { printNotice } })(JOB)).rejects.toThrow(
      '打印机 HP 未能打印：Printer offline',
    );
  });
});
