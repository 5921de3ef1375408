import { ApiError, NetworkError } from '@hallq/shared/client';
import type { EventEnvelope, HallEvent, NoticesResponse, NoticeStatus } from '@hallq/shared/contracts';
import { makeEnvelope, makeSnapshot } from '@hallq/shared/testing';
import { describe, expect, it } from 'vitest';
import { NO_UPLOADS, notice, noticesPage, occupied, rating, settle, testConsole } from './test-services';

const envelope = (seq: number, event: HallEvent): EventEnvelope => makeEnvelope(seq, event, '2025-05-06T03:00:00.000Z');
const updated = (seq: number, id: string, status: NoticeStatus) =>
  envelope(seq, { type: 'notice.updated', id, status });
const SENT_AT = '2025-05-06T02:02:00.000Z';

/** A console following the hall from seq 10, its outbox not yet opened. */
async function following() {
  const app = testConsole({ loggedIn: true });
  await settle();
  app.live.handlers!.snapshot(makeSnapshot({ hallDay: '2025-05-06', seq: 10 }));
  return app;
}

/** A console whose outbox is open, listing `n1` failed after three tries. */
async function withFailedNotice() {
  const app = await following();
  const failed = notice('n1', { status: 'failed', attempts: 3, lastError: '+CMS ERROR 38: network out of order' });
  app.api.notices.mockResolvedValue(noticesPage([failed]));
  await app.state().loadOutbox();
  return app;
}

/** An answer the test gives when it chooses. */
function held<T>() {
  let give!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (give = resolve));
  return { promise, give };
}

describe('the notice list', () => {
  it('is fetched only once the manager opens it, then reloaded when a notice changes or a rating is recorded', async () => {
    const app = await following();
    app.live.handlers!.events([updated(11, 'n1', 'pending')]);
    expect(app.api.notices).not.toHaveBeenCalled();

    app.api.notices.mockResolvedValueOnce(noticesPage([notice('n1')]));
    await app.state().loadOutbox();
    expect(app.state().notices.map((n) => n.id)).toEqual(['n1']);
    // A deposit no longer means a notice: the server says when one is written.
    app.live.handlers!.events([envelope(12, { type: 'locker.compartment', compartment: occupied('1') })]);
    expect(app.api.notices).toHaveBeenCalledTimes(1);
    app.live.handlers!.events([updated(13, 'n1', 'sent')]);
    await settle();
    app.live.handlers!.events([envelope(14, { type: 'rating.recorded', requestId: 'r-1', rating: rating() })]);
    await settle();
    expect(app.api.notices).toHaveBeenCalledTimes(3);
    expect(app.api.ratingUploads).toHaveBeenCalledTimes(3);
  });

  it('notice.updated reloads the list once for a burst, after the load already out', async () => {
    const app = await withFailedNotice();
    const first = held<NoticesResponse>();
    app.api.notices.mockReturnValueOnce(first.promise);
    app.api.notices.mockResolvedValueOnce(noticesPage([notice('n1', { status: 'sent', sentAt: SENT_AT })]));
    app.live.handlers!.events([updated(11, 'n1', 'pending')]);
    app.live.handlers!.events([updated(12, 'n1', 'sent')]);
    app.live.handlers!.events([updated(13, 'n2', 'pending'), updated(14, 'n2', 'failed')]);
    expect(app.api.notices).toHaveBeenCalledTimes(2);

    first.give(noticesPage([notice('n1')]));
    await settle();
    expect(app.api.notices).toHaveBeenCalledTimes(3);
    expect(app.state().notices[0]).toMatchObject({ id: 'n1', status: 'sent' });
    await settle();
    expect(app.api.notices).toHaveBeenCalledTimes(3);
  });

  it('lists one status with the count of every status and the sender', async () => {
    const app = await following();
    const failed = notice('n2', { status: 'failed' });
    app.api.notices.mockResolvedValueOnce(noticesPage([notice('n1'), failed]));
    await app.state().loadOutbox();
    const notReady = { kind: 'modem', ready: false, detail: '短信猫无应答' } as const;
    app.api.notices.mockResolvedValueOnce({
      ...noticesPage([notice('n1'), failed]),
      notices: [failed],
      sender: notReady,
    });

    const filtering = app.state().filterNotices('failed');
    // The notices known in that status show at once.
    expect(app.state().notices.map((n) => n.id)).toEqual(['n2']);
    await filtering;
    expect(app.api.notices).toHaveBeenLastCalledWith({ token: 'tok-admin', query: { status: 'failed' } });
    expect(app.state()).toMatchObject({ noticeFilter: 'failed', noticeSender: notReady });
    expect(app.state().noticeCounts).toMatchObject({ pending: 1, failed: 1 });

    await app.state().filterNotices(null);
    expect(app.api.notices).toHaveBeenLastCalledWith({ token: 'tok-admin', query: {} });
  });

  it('does not show a list asked for under a filter the manager has since changed', async () => {
    const app = await following();
    const all = held<NoticesResponse>();
    const onlyFailed = held<NoticesResponse>();
    app.api.notices.mockReturnValueOnce(all.promise).mockReturnValueOnce(onlyFailed.promise);
    const failed = notice('n2', { status: 'failed' });
    const loading = app.state().loadOutbox();
    const filtering = app.state().filterNotices('failed');
    all.give(noticesPage([notice('n1'), failed]));
    await settle();
    expect(app.state()).toMatchObject({ notices: [], noticeCounts: null });
    expect(app.api.notices).toHaveBeenLastCalledWith({ token: 'tok-admin', query: { status: 'failed' } });
    onlyFailed.give(noticesPage([failed]));
    await Promise.all([loading, filtering]);
    expect(app.state().notices.map((n) => n.id)).toEqual(['n2']);
  });

  it('says the load failed, and is reloaded on reconnect once opened', async () => {
    const app = await following();
    app.api.notices.mockRejectedValueOnce(new NetworkError('timeout'));
    await app.state().loadOutbox();
    expect(app.state().outboxStatus).toBe('failed');
    app.live.handlers!.connection('disconnected');
    app.live.handlers!.connection('connected');
    app.live.handlers!.snapshot(makeSnapshot({ hallDay: '2025-05-06', seq: 20 }));
    await settle();
    expect(app.api.notices).toHaveBeenCalledTimes(2);
    expect(app.state().outboxStatus).toBe('loaded');
  });

  it('ends the session when the server no longer accepts the token', async () => {
    const app = await following();
    app.api.notices.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'session expired'));
    await app.state().loadOutbox();
    expect(app.state()).toMatchObject({ session: null, loginError: '登录已过期，请重新登录', outboxStatus: 'idle' });
  });

  it('shows the 好差评 uploads waiting and failing with the notices', async () => {
    const app = await following();
    const failing = {
      ...NO_UPLOADS,
      configured: true,
      pending: 1,
      oldestPendingAt: '2025-05-06T02:00:30.000Z',
      failing: [
        {
          ratingId: 'rt-1',
          hallDay: '2025-05-06',
          queuedAt: '2025-05-06T02:00:30.000Z',
          attempts: 3,
          lastAttemptAt: '2025-05-06T02:05:00.000Z',
          lastError: 'HTTP 503',
        },
      ],
    };
    app.api.ratingUploads.mockResolvedValueOnce(failing);
    await app.state().loadOutbox();
    expect(app.state().ratingUploads).toEqual(failing);
  });
});

describe('an action on a notice', () => {
  it('goes through its route with a requestId and shows the notice from the answer, the feed bringing the rest', async () => {
    const app = await withFailedNotice();
    const answer = held<{ notice: ReturnType<typeof notice> }>();
    app.api.resendNotice.mockReturnValueOnce(answer.promise);
    const resending = app.state().actOnNotice('n1', 'resend');
    expect(app.state().noticeRequests.n1).toMatchObject({ action: 'resend', requestId: 'request-1', sending: true });
    // A second press while the first is out sends nothing more.
    expect(await app.state().actOnNotice('n1', 'resend')).toBe(false);

    answer.give({ notice: notice('n1', { status: 'pending', attempts: 0 }) });
    expect(await resending).toBe(true);
    expect(app.api.resendNotice).toHaveBeenCalledTimes(1);
    expect(app.api.resendNotice).toHaveBeenCalledWith({
      token: 'tok-admin',
      params: { id: 'n1' },
      body: { requestId: 'request-1' },
    });
    expect(app.state().notices[0]).toMatchObject({ id: 'n1', status: 'pending' });
    expect(app.state().noticeRequests).toEqual({});
    expect(app.api.notices).toHaveBeenCalledTimes(1);
  });

  it('hands a notice to the window and marks it relayed, each through its own route', async () => {
    const app = await withFailedNotice();
    app.api.handNoticeToWindow.mockResolvedValueOnce({
      notice: notice('n1', { status: 'at_window', sender: 'window' }),
    });
    expect(await app.state().actOnNotice('n1', 'toWindow')).toBe(true);
    expect(app.state().notices[0]).toMatchObject({ status: 'at_window', sender: 'window' });
    const relayed = notice('n1', { status: 'relayed', text: null, phone: '138****5678', erasedAt: SENT_AT });
    app.api.noticeRelayed.mockResolvedValueOnce({ notice: relayed });
    expect(await app.state().actOnNotice('n1', 'relayed')).toBe(true);
    expect(app.api.noticeRelayed).toHaveBeenCalledWith({
      token: 'tok-admin',
      params: { id: 'n1' },
      body: { requestId: 'request-2' },
    });
    expect(app.state().notices[0]).toEqual(relayed);
  });

  it('a resend after a network error reuses its requestId, so the server resends once', async () => {
    const app = await withFailedNotice();
    app.api.resendNotice.mockRejectedValueOnce(new NetworkError('timeout'));
    expect(await app.state().actOnNotice('n1', 'resend')).toBe(false);
    expect(app.state().noticeRequests.n1).toMatchObject({
      requestId: 'request-1',
      sending: false,
      error: '网络错误，可能未送达，请重试',
    });
    app.api.resendNotice.mockResolvedValueOnce({ notice: notice('n1') });
    expect(await app.state().actOnNotice('n1', 'resend')).toBe(true);
    expect(app.api.resendNotice).toHaveBeenLastCalledWith({
      token: 'tok-admin',
      params: { id: 'n1' },
      body: { requestId: 'request-1' },
    });
  });

  it('another action after a network error is a new request', async () => {
    const app = await withFailedNotice();
    app.api.resendNotice.mockRejectedValueOnce(new NetworkError('timeout'));
    await app.state().actOnNotice('n1', 'resend');
    app.api.handNoticeToWindow.mockResolvedValueOnce({ notice: notice('n1', { status: 'at_window' }) });
    await app.state().actOnNotice('n1', 'toWindow');
    expect(app.api.handNoticeToWindow).toHaveBeenCalledWith(
      expect.objectContaining({ body: { requestId: 'request-2' } }),
    );
  });

  it('shows a refusal by the notice, and a try after it is a new request', async () => {
    const app = await withFailedNotice();
    app.api.noticeRelayed.mockRejectedValueOnce(new ApiError(409, 'invalid_state', 'notice n1 is delivered'));
    expect(await app.state().actOnNotice('n1', 'relayed')).toBe(false);
    expect(app.state().noticeRequests.n1).toMatchObject({
      sending: false,
      error: '这条通知的状态已变化，不能再这样处理',
    });
    app.api.noticeRelayed.mockResolvedValueOnce({ notice: notice('n1', { status: 'relayed' }) });
    await app.state().actOnNotice('n1', 'relayed');
    expect(app.api.noticeRelayed).toHaveBeenLastCalledWith(
      expect.objectContaining({ body: { requestId: 'request-2' } }),
    );
  });

  it('ends the session when the server no longer accepts the token', async () => {
    const app = await withFailedNotice();
    app.api.resendNotice.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'session expired'));
    expect(await app.state().actOnNotice('n1', 'resend')).toBe(false);
    expect(app.state()).toMatchObject({ session: null, notices: [], noticeRequests: {} });
  });

  it('is forgotten on logout: its late answer changes nothing, nor does a load that was out', async () => {
    const app = await withFailedNotice();
    const answer = held<{ notice: ReturnType<typeof notice> }>();
    app.api.resendNotice.mockReturnValueOnce(answer.promise);
    const page = held<NoticesResponse>();
    app.api.notices.mockReturnValueOnce(page.promise);
    const resending = app.state().actOnNotice('n1', 'resend');
    const loading = app.state().loadOutbox();
    app.state().endSession();
    answer.give({ notice: notice('n1') });
    page.give(noticesPage([notice('n1')]));
    expect(await resending).toBe(false);
    await loading;
    expect(app.state()).toMatchObject({ notices: [], outboxStatus: 'idle', noticeRequests: {}, noticeCounts: null });
  });
});
