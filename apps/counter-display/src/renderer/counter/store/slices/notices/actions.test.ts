import type { HallEvent, WindowActionResponse } from '@hallq/shared/contracts';
import type { Outcome, Ticket } from '@hallq/shared/domain';
import { describe, expect, it } from 'vitest';
import { testCounter, ticket, windowState, withCurrent } from '../../test-services';
import { noticeOffer, todaysNotices } from './selectors';

/** A001 for 户口迁移（市内）, a 公安局 item, served at window 3 by c03. */
const serving = ticket({
  serviceItem: 'hukou-transfer',
  state: 'serving',
  calls: 1,
  window: 3,
  clerk: 'c03',
  calledAt: '2026-11-20T02:00:00.000Z',
  startedAt: '2026-11-20T02:01:00.000Z',
});
const FINISHED_AT = '2026-11-20T02:09:00.000Z';

/** What the server answers (and then streams) for a finish of A001 at window 3 with `outcome`. */
function finishAnswer(outcome: Outcome, over: Partial<Ticket> = {}): WindowActionResponse {
  const done: Ticket =
    outcome.kind === 'transferred'
      ? {
          ...serving,
          state: 'transferred',
          windowType: 'police',
          window: null,
          clerk: null,
          transfer: { fromWindow: 3, toWindowType: outcome.toWindowType ?? 'police', toWindow: outcome.toWindow },
          outcome,
        }
      : { ...serving, state: 'finished', outcome, finishedAt: FINISHED_AT };
  return { window: windowState(), ticket: { ...done, ...over } };
}

/** The events the server publishes for a finish it answered so: the ticket leaves service, then the window. */
const finishEvents = ({ window, ticket: done }: WindowActionResponse): HallEvent[] => [
  { type: 'ticket.updated', ticket: done!, previousState: 'serving' },
  { type: 'window.updated', window },
];

function panelServing() {
  const panel = testCounter();
  panel.online(withCurrent(serving));
  return panel;
}

/** The clerk finishes A001 with 一次性告知 of two materials; the server answers and the stream follows. */
async function finishIncomplete(panel = panelServing()) {
  panel.state().press('finish');
  panel.state().editFinish({ kind: 'incomplete', materials: ['户口簿'], otherMaterials: '村委会出具的居住证明' });
  const answer = finishAnswer({ kind: 'incomplete', missingMaterials: ['户口簿', '村委会出具的居住证明'] });
  panel.api.finish.mockResolvedValueOnce(answer);
  await panel.state().confirmFinish();
  panel.stream(...finishEvents(answer));
  return panel;
}

describe('after the panel’s own finish', () => {
  it('offers the notice once the stream shows the finish, as it will print', async () => {
    const panel = await finishIncomplete();
    const offer = noticeOffer(panel.state())!;
    expect(offer.draft).toEqual({ ticketId: 'id-A001', applicantName: '', printing: false, error: null });
    expect(offer.notice).toMatchObject({
      kind: 'incomplete',
      department: { zh: '市公安局' },
      body: { kind: 'incomplete', materials: [{ type: 'localized' }, { type: 'text', text: '村委会出具的居住证明' }] },
    });
    expect(offer.notice.fields.find((f) => f.name === 'clerk')?.value).toEqual({
      type: 'staff',
      id: 'c03',
      name: '扎西多吉',
    });
    expect(todaysNotices(panel.state()).map((n) => [n.ticket.number, n.kind])).toEqual([['A001', 'incomplete']]);
  });

  it('waits for the finish form to close when the stream brings the finish before the answer', async () => {
    const panel = panelServing();
    panel.state().press('finish');
    panel.state().editFinish({ kind: 'rejected', reason: '不属于本中心受理范围', referTo: '区行政审批局' });
    const answer = finishAnswer({ kind: 'rejected', reason: '不属于本中心受理范围', referTo: '区行政审批局' });
    let reply!: (r: WindowActionResponse) => void;
    panel.api.finish.mockReturnValueOnce(new Promise((resolve) => (reply = resolve)));
    const sent = panel.state().confirmFinish();
    panel.stream(...finishEvents(answer));
    expect(panel.state().dialog?.name).toBe('finish');
    expect(noticeOffer(panel.state())).toBeNull();
    reply(answer);
    await sent;
    expect(noticeOffer(panel.state())?.notice.body).toEqual({
      kind: 'rejected',
      reason: '不属于本中心受理范围',
      referTo: '区行政审批局',
    });
  });

  it('offers nothing for 办结', async () => {
    const panel = panelServing();
    panel.state().press('finish');
    panel.state().editFinish({ kind: 'completed' });
    const answer = finishAnswer({ kind: 'completed' });
    panel.api.finish.mockResolvedValueOnce(answer);
    await panel.state().confirmFinish();
    panel.stream(...finishEvents(answer));
    expect(panel.state().noticeDraft).toBeNull();
    expect(todaysNotices(panel.state())).toEqual([]);
  });

  it('offers the 转交 slip of the finish form, naming the panel’s clerk, who the handed-on ticket no longer names', async () => {
    const panel = panelServing();
    panel.state().press('finish');
    panel.state().editFinish({ kind: 'transferred' });
    panel.state().editTransfer({ toWindowType: 'cross-region', note: '跨省迁入' });
    const answer = finishAnswer({ kind: 'transferred', toWindowType: 'cross-region', note: '跨省迁入' });
    panel.api.finish.mockResolvedValueOnce(answer);
    await panel.state().confirmFinish();
    panel.stream(...finishEvents(answer));
    const offer = noticeOffer(panel.state())!;
    expect(offer.entry.clerk).toBe('c03');
    expect(offer.notice.body).toEqual({
      kind: 'transferred',
      toWindowType: { type: 'localized', text: expect.objectContaining({ zh: '跨省通办' }) },
      toWindow: null,
      note: '跨省迁入',
    });
  });
});

describe('the notices of the window', () => {
  it('lists another post’s finish here without offering it, named by staff number', () => {
    const panel = panelServing();
    const { ticket: done } = finishAnswer({ kind: 'accepted', promisedDate: '2026-11-27' }, { clerk: 'c02' });
    panel.stream({ type: 'ticket.updated', ticket: done!, previousState: 'serving' });
    expect(panel.state().noticeDraft).toBeNull();
    const [entry] = todaysNotices(panel.state());
    expect(entry).toMatchObject({ kind: 'accepted', clerk: 'c02' });
  });

  it('leaves out tickets handed to this window from another, and any other update of a finished ticket', () => {
    const panel = panelServing();
    const fromWindow8 = finishAnswer({ kind: 'transferred', toWindowType: 'police', toWindow: 3 }).ticket!;
    panel.stream({
      type: 'ticket.updated',
      ticket: { ...fromWindow8, id: 'id-L004', number: 'L004', transfer: { fromWindow: 8, toWindowType: 'police' } },
      previousState: 'serving',
    });
    const finished = finishAnswer({ kind: 'rejected', reason: '重复申请' }).ticket!;
    panel.stream({ type: 'ticket.updated', ticket: finished, previousState: 'finished' });
    expect(todaysNotices(panel.state())).toEqual([]);
  });

  it('lists only the finishes at this window, newest first, one per ticket', () => {
    const panel = panelServing();
    const first = finishAnswer({ kind: 'rejected', reason: '重复申请' }, { clerk: 'c02' }).ticket!;
    const second = { ...first, id: 'id-A002', number: 'A002' };
    const elsewhere = { ...first, id: 'id-A003', number: 'A003', window: 4 };
    panel.stream(
      { type: 'ticket.updated', ticket: first, previousState: 'serving' },
      { type: 'ticket.updated', ticket: second, previousState: 'serving' },
      { type: 'ticket.updated', ticket: elsewhere, previousState: 'serving' },
      {
        type: 'ticket.updated',
        ticket: { ...first, outcome: { kind: 'incomplete', missingMaterials: ['户口簿'] } },
        previousState: 'serving',
      },
    );
    expect(todaysNotices(panel.state()).map((n) => [n.ticket.number, n.kind])).toEqual([
      ['A001', 'incomplete'],
      ['A002', 'rejected'],
    ]);
  });
});

describe('the print offer', () => {
  it('prints the masked name, sends the printer nothing but the ticket’s day, number and the kind, and closes', async () => {
    const panel = await finishIncomplete();
    panel.state().editNoticeName('欧阳娜娜');
    expect(noticeOffer(panel.state())!.notice.fields.find((f) => f.name === 'applicant')?.value).toEqual({
      type: 'text',
      text: '欧***',
    });
    let printed!: () => void;
    panel.printNotice.mockReturnValueOnce(new Promise<undefined>((resolve) => (printed = () => resolve(undefined))));
    const printing = panel.state().printNotice();
    expect(panel.state().noticeDraft).toMatchObject({ printing: true });
    // While the page is printing nothing on it changes.
    panel.state().skipNotice();
    panel.state().editNoticeName('王');
    expect(panel.state().noticeDraft).toMatchObject({ applicantName: '欧阳娜娜', printing: true });
    printed();
    await printing;
    expect(panel.printNotice).toHaveBeenCalledWith({
      ticketDay: '2026-11-20',
      ticketNumber: 'A001',
      kind: 'incomplete',
    });
    expect(panel.state().noticeDraft).toBeNull();
    expect(JSON.stringify(panel.api.finish.mock.calls)).not.toContain('欧');
  });

  it('stays open with the reason when printing fails, and prints on the next try', async () => {
    const panel = await finishIncomplete();
    panel.printNotice.mockRejectedValueOnce(new Error('打印机 HP 未能打印：Printer offline'));
    await panel.state().printNotice();
    expect(panel.state().noticeDraft).toMatchObject({
      printing: false,
      error: '未能打印：打印机 HP 未能打印：Printer offline',
    });
    await panel.state().printNotice();
    expect(panel.printNotice).toHaveBeenCalledTimes(2);
    expect(panel.state().noticeDraft).toBeNull();
  });

  it('跳过 forgets the name; a reprint from the list asks for it again', async () => {
    const panel = await finishIncomplete();
    panel.state().editNoticeName('张三');
    panel.state().skipNotice();
    expect(panel.state().noticeDraft).toBeNull();
    expect(panel.printNotice).not.toHaveBeenCalled();
    panel.state().offerNotice('id-A001');
    expect(noticeOffer(panel.state())?.draft).toEqual({
      ticketId: 'id-A001',
      applicantName: '',
      printing: false,
      error: null,
    });
  });

  it('closes with the name in it when the clerk logs out', async () => {
    const panel = await finishIncomplete();
    panel.state().editNoticeName('张三');
    panel.state().endSession(null);
    expect(panel.state().noticeDraft).toBeNull();
  });
});
