import type { Ticket } from '@hallq/shared/domain';
import { describe, expect, it } from 'vitest';
import { testCounter, ticket, withCurrent } from '../../test-services';
import { noticeFinishedAt, noticeOffer, todaysNotices } from './selectors';

const finished = (over: Partial<Ticket> = {}): Ticket =>
  ticket({
    state: 'finished',
    window: 3,
    clerk: 'c03',
    outcome: { kind: 'rejected', reason: '不属于本中心受理范围' },
    ...over,
  });
const updated = (t: Ticket, previousState: Ticket['state'] = 'serving') =>
  ({ type: 'ticket.updated', ticket: t, previousState }) as const;

describe('which events produce a notice at a window', () => {
  it('a finish there whose outcome needs one', () => {
    expect(noticeFinishedAt(updated(finished()), 3)).toEqual({ ticket: finished(), kind: 'rejected' });
    expect(noticeFinishedAt(updated(finished({ outcome: { kind: 'completed' } })), 3)).toBeNull();
    expect(noticeFinishedAt(updated(finished()), 4)).toBeNull();
  });

  it('a ticket handed on from there by the finish form, not one handed on by the 转交 button or to there', () => {
    const handedOn = ticket({
      state: 'transferred',
      transfer: { fromWindow: 3, toWindowType: 'tax' },
      outcome: { kind: 'transferred', toWindowType: 'tax' },
    });
    expect(noticeFinishedAt(updated(handedOn), 3)?.kind).toBe('transferred');
    expect(noticeFinishedAt(updated({ ...handedOn, outcome: null }), 3)).toBeNull();
    expect(noticeFinishedAt(updated(handedOn), 8)).toBeNull();
  });

  it('only as the service ends, not on a later change of the same ticket', () => {
    expect(noticeFinishedAt(updated(finished(), 'finished'), 3)).toBeNull();
    expect(noticeFinishedAt({ type: 'ticket.issued', ticket: finished() }, 3)).toBeNull();
  });
});

describe('what the panel shows of the notices', () => {
  const entry = { ticket: finished(), kind: 'rejected' as const, window: 3, clerk: 'c03' };

  it('lists the notices of the window the clerk is logged in at', () => {
    const panel = testCounter();
    panel.store.setState({ notices: [entry, { ...entry, window: 4 }] });
    expect(todaysNotices(panel.state())).toEqual([entry]);
  });

  it('holds the print offer back while another form is open', () => {
    const panel = testCounter();
    panel.online(withCurrent(ticket()));
    const draft = { ticketId: 'id-A001', applicantName: '', printing: false, error: null };
    panel.store.setState({ notices: [entry], noticeDraft: draft });
    expect(noticeOffer(panel.state())?.notice.kind).toBe('rejected');
    panel.store.setState({ depositOpen: true });
    expect(noticeOffer(panel.state())).toBeNull();
    panel.store.setState({ depositOpen: false, dialog: { name: 'pause' } });
    expect(noticeOffer(panel.state())).toBeNull();
  });
});
