import type { NoticeStatus } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { notice, noticesPage } from '../../test-services';
import { newestFirst, noticeActions, printable, totalCount } from './selectors';

const inStatus = (status: NoticeStatus) => notice(`n-${status}`, { status });

describe('the notice list', () => {
  it('lists the newest notice first', () => {
    const notices = [
      notice('a', { createdAt: '2025-05-06T02:00:00.000Z' }),
      notice('c', { createdAt: '2025-05-06T04:00:00.000Z' }),
      notice('b', { createdAt: '2025-05-06T03:00:00.000Z' }),
    ];
    expect(newestFirst(notices).map((n) => n.id)).toEqual(['c', 'b', 'a']);
  });

  it('counts every notice kept for 全部', () => {
    const { counts } = noticesPage([inStatus('pending'), inStatus('failed'), inStatus('failed'), inStatus('relayed')]);
    expect(totalCount(counts)).toBe(4);
  });
});

describe('what the manager can do to a notice', () => {
  it('resends one that failed or was sent without a delivery report, and nothing else', () => {
    const resendable = (
      ['pending', 'sent', 'delivered', 'failed', 'at_window', 'relayed', 'withdrawn'] as const
    ).filter((s) => noticeActions(inStatus(s)).includes('resend'));
    expect(resendable).toEqual(['sent', 'failed']);
  });

  it('hands one not yet delivered to the window, and marks relayed one the window holds or that may not have arrived', () => {
    expect(noticeActions(inStatus('pending'))).toEqual(['toWindow']);
    expect(noticeActions(inStatus('failed'))).toEqual(['resend', 'toWindow', 'relayed']);
    expect(noticeActions(inStatus('at_window'))).toEqual(['relayed']);
    for (const done of ['delivered', 'relayed', 'withdrawn'] as const)
      expect(noticeActions(inStatus(done))).toEqual([]);
  });

  it('prints a slip only for a notice at the window whose text is still kept', () => {
    expect(printable(inStatus('at_window'))).toBe(true);
    expect(printable(notice('erased', { status: 'at_window', text: null }))).toBe(false);
    expect(printable(inStatus('failed'))).toBe(false);
  });
});
