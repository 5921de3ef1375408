import { ApiError, NetworkError } from '@hallq/shared/client';
import type { WindowActionResponse } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import {
  demoHall,
  eventsOf,
  settle,
  snapshot,
  testCounter,
  ticket,
  windowState,
  withCurrent,
} from '../../test-services';
import { AWAIT_FEED_MS } from './actions';
import { availability, initialFinishDraft, outcomeFromDraft, servedItemChoices } from './selectors';

const called = ticket({ state: 'called', calls: 1, window: 3, clerk: 'c03', calledAt: '2026-11-20T02:00:00.000Z' });
const serving = (over: Parameters<typeof ticket>[0] = {}) =>
  ticket({ ...called, state: 'serving', startedAt: '2026-11-20T02:01:00.000Z', ...over });
/** The answer to an action that left `t` in play at window 3. */
const answer = (t = called): WindowActionResponse => ({ window: windowState({ currentTicket: t.id }), ticket: t });
/** The answer to an action that took `t` off window 3 (finished, transferred, no-show). */
const leftWindow = (t: typeof called): WindowActionResponse => ({ window: windowState(), ticket: t });
const at3 = { params: { id: 3 }, token: 'token-c03' };

describe('the window actions', () => {
  it('call next sends one request even when pressed twice quickly', async () => {
    const panel = testCounter();
    panel.online();
    let reply!: (r: WindowActionResponse) => void;
    panel.api.callNext.mockReturnValue(new Promise((resolve) => (reply = resolve)));
    panel.state().press('callNext');
    panel.state().press('callNext');
    expect(panel.api.callNext).toHaveBeenCalledTimes(1);
    expect(availability(panel.state(), 'callNext')).toEqual({ enabled: false, reason: '处理中' });
    reply(answer());
    await settle();
    panel.stream(...eventsOf(answer()));
    expect(panel.state().busy).toBeNull();
    expect(panel.state().feed!.tickets).toEqual([called]);
    expect(availability(panel.state(), 'callNext')).toEqual({ enabled: false, reason: '先处理当前号' });
  });

  it('shows what an action did only from the stream, and waits for it rather than show the state before', async () => {
    const panel = testCounter();
    panel.online();
    panel.api.callNext.mockResolvedValueOnce(answer());
    panel.state().press('callNext');
    await settle();
    // Answered, but the events are still on their way: no second call offered, and A001 not yet shown.
    expect(panel.state().feed!.tickets).toEqual([]);
    expect(availability(panel.state(), 'callNext')).toEqual({ enabled: false, reason: '处理中' });
    expect(availability(panel.state(), 'recall')).toEqual({ enabled: false, reason: '处理中' });
    panel.stream(...eventsOf(answer()));
    expect(availability(panel.state(), 'recall').enabled).toBe(true);
  });

  it('is done at once when the stream brought the action before its answer came', async () => {
    const panel = testCounter();
    panel.online(withCurrent(called));
    let reply!: (r: WindowActionResponse) => void;
    panel.api.start.mockReturnValue(new Promise((resolve) => (reply = resolve)));
    panel.state().press('start');
    panel.stream(...eventsOf(answer(serving())));
    expect(panel.state().busy).toBe('start');
    reply(answer(serving()));
    await settle();
    expect(panel.state().busy).toBeNull();
    expect(availability(panel.state(), 'finish').enabled).toBe(true);
  });

  it('goes by the feed as it is once the stream has not shown an answered action for a while', async () => {
    const panel = testCounter();
    panel.online(withCurrent(called));
    panel.api.recall.mockResolvedValueOnce(answer({ ...called, calls: 2 }));
    panel.state().press('recall');
    await settle();
    panel.advance(AWAIT_FEED_MS - 1000);
    expect(panel.state().busy).toBe('recall');
    panel.advance(1000);
    expect(panel.state().busy).toBeNull();
    expect(availability(panel.state(), 'recall').enabled).toBe(true);
  });

  it('resends the same requestId after a network failure, and a new one for the next request', async () => {
    const panel = testCounter();
    panel.online();
    panel.api.callNext.mockRejectedValueOnce(new NetworkError('timeout'));
    panel.state().press('callNext');
    await settle();
    expect(panel.state().error?.message).toContain('网络异常');
    panel.api.callNext.mockResolvedValueOnce({ window: windowState(), ticket: null });
    panel.state().press('callNext');
    await settle();
    const ids = panel.api.callNext.mock.calls.map(([input]) => input.body.requestId);
    expect(ids).toEqual(['request-1', 'request-1']);
    expect(panel.state().notice).toBe('没有等候的号');
    panel.api.callNext.mockResolvedValueOnce({ window: windowState(), ticket: null });
    panel.state().press('callNext');
    await settle();
    expect(panel.api.callNext.mock.calls[2]![0].body.requestId).toBe('request-2');
  });

  it('offers no-show only once the ticket has been called often enough', async () => {
    const panel = testCounter();
    panel.online(withCurrent(called));
    expect(availability(panel.state(), 'noShow')).toEqual({ enabled: false, reason: '再呼叫 1 次后可过号' });
    panel.state().press('noShow');
    expect(panel.api.noShow).not.toHaveBeenCalled();
    const recalled = answer({ ...called, calls: 2 });
    panel.api.recall.mockResolvedValueOnce(recalled);
    panel.state().press('recall');
    await settle();
    expect(panel.api.recall).toHaveBeenCalledWith({ ...at3, body: { requestId: 'request-1' } });
    panel.stream(...eventsOf(recalled));
    expect(availability(panel.state(), 'noShow').enabled).toBe(true);
  });

  it('shows a refused no-show in plain words and waits for one more call', async () => {
    const panel = testCounter();
    const twice = { ...called, calls: 2 };
    panel.online(withCurrent(twice));
    panel.api.noShow.mockRejectedValueOnce(
      new ApiError(
        409,
        'not_enough_calls',
        'ticket A001 has been called 2 times; it can be marked no-show after 3 calls',
      ),
    );
    panel.state().press('noShow');
    await settle();
    expect(panel.state().error).toMatchObject({
      action: 'noShow',
      message: 'A001 已呼叫 2 次，需呼叫满 3 次才能标记过号，请先重呼',
      detail: expect.stringContaining('after 3 calls'),
    });
    expect(availability(panel.state(), 'noShow')).toEqual({ enabled: false, reason: '再呼叫 1 次后可过号' });
  });

  it('finish with accepted computes the promised date over a weekend', async () => {
    const panel = testCounter();
    const t = serving({ serviceItem: 'hukou-transfer' }); // 户口迁移, 承办件 promised in 5 working days
    const item = demoHall().serviceItems.find((s) => s.code === 'hukou-transfer')!;
    expect(item).toMatchObject({ kind: 'promised', promisedWorkingDays: 5 });
    panel.online(withCurrent(t)); // hall day Friday 2026-11-20: Friday plus 5 working days is the next Friday
    panel.state().press('finish');
    const dialog = panel.state().dialog;
    expect(dialog).toMatchObject({ name: 'finish', draft: { kind: 'accepted', promisedDate: '2026-11-27' } });
    panel.state().editFinish({ caseNumber: ' SL-0012 ' });
    panel.api.finish.mockResolvedValueOnce(leftWindow({ ...t, state: 'finished' }));
    await panel.state().confirmFinish();
    expect(panel.api.finish).toHaveBeenCalledWith({
      ...at3,
      body: {
        outcome: { kind: 'accepted', promisedDate: '2026-11-27', caseNumber: 'SL-0012' },
        servedItems: ['hukou-transfer'],
        requestId: 'request-1',
      },
    });
    expect(panel.state().dialog).toBeNull();
    expect(panel.api.clerkSummary).toHaveBeenCalledTimes(1); // the day's figures, fetched again after the finish
  });

  it('opens finish as 办结 for an immediate item, and the clerk may edit the promised date', async () => {
    const panel = testCounter();
    const t = serving({ serviceItem: 'birth-registration' });
    panel.online(withCurrent(t));
    panel.state().press('finish');
    expect(panel.state().dialog).toMatchObject({ draft: { kind: 'completed' } });
    panel.state().editFinish({ kind: 'accepted', promisedDate: '2026-12-01' });
    panel.api.finish.mockResolvedValueOnce(leftWindow({ ...t, state: 'finished' }));
    await panel.state().confirmFinish();
    expect(panel.api.finish.mock.calls[0]![0].body).toMatchObject({
      outcome: { kind: 'accepted', promisedDate: '2026-12-01' },
    });
  });

  it("records the kiosk's item as served, the items the clerk adds, and none with a 转交", async () => {
    const panel = testCounter();
    const t = serving({ serviceItem: 'hukou-transfer' });
    panel.online(withCurrent(t));
    expect(servedItemChoices(panel.state().hall, 3).map((s) => s.code)).toContain('birth-registration');
    panel.state().press('finish');
    expect(panel.state().dialog).toMatchObject({ draft: { servedItems: ['hukou-transfer'] } });
    panel.state().editFinish({ kind: 'completed', servedItems: ['hukou-transfer', 'birth-registration'] });
    panel.api.finish.mockResolvedValueOnce(leftWindow({ ...t, state: 'finished' }));
    await panel.state().confirmFinish();
    expect(panel.api.finish.mock.calls[0]![0].body).toMatchObject({
      servedItems: ['hukou-transfer', 'birth-registration'],
    });

    const next = testCounter();
    next.online(withCurrent(t));
    next.state().press('finish');
    next.state().editFinish({ kind: 'transferred' });
    next.state().editTransfer({ toWindow: 9 });
    next.api.finish.mockResolvedValueOnce(leftWindow({ ...t, state: 'transferred' }));
    await next.state().confirmFinish();
    expect(next.api.finish.mock.calls[0]![0].body).not.toHaveProperty('servedItems');
  });

  it('finish with incomplete names the ticked and the typed materials', async () => {
    const panel = testCounter();
    const t = serving({ serviceItem: 'hukou-transfer' });
    panel.online(withCurrent(t));
    panel.state().press('finish');
    panel.state().editFinish({ kind: 'incomplete' });
    await panel.state().confirmFinish();
    expect(panel.state().dialog).toMatchObject({ problem: '请勾选或填写缺少的材料' });
    expect(panel.api.finish).not.toHaveBeenCalled();
    panel.state().editFinish({ materials: ['居民户口簿'], otherMaterials: '单位证明\n\n 房产证复印件 ' });
    panel.api.finish.mockResolvedValueOnce(leftWindow({ ...t, state: 'finished' }));
    await panel.state().confirmFinish();
    expect(panel.api.finish.mock.calls[0]![0].body).toMatchObject({
      outcome: { kind: 'incomplete', missingMaterials: ['居民户口簿', '单位证明', '房产证复印件'] },
    });
  });

  it('does not send 不予受理 without a reason, nor 转交 without a target', async () => {
    const panel = testCounter();
    panel.online(withCurrent(serving()));
    panel.state().press('finish');
    panel.state().editFinish({ kind: 'rejected', reason: '  ' });
    await panel.state().confirmFinish();
    expect(panel.state().dialog).toMatchObject({ problem: '请填写不予受理的理由' });
    panel.state().editFinish({ kind: 'transferred' });
    await panel.state().confirmFinish();
    expect(panel.state().dialog).toMatchObject({ problem: '请选择转交到哪类窗口或哪个窗口' });
    panel.state().editTransfer({ toWindow: 9 });
    panel.api.finish.mockResolvedValueOnce(leftWindow({ ...called, state: 'transferred' }));
    await panel.state().confirmFinish();
    expect(panel.api.finish.mock.calls[0]![0].body).toMatchObject({ outcome: { kind: 'transferred', toWindow: 9 } });
  });

  it('sends with 不予受理 where to apply instead, when the clerk wrote it', async () => {
    const panel = testCounter();
    const t = serving();
    panel.online(withCurrent(t));
    panel.state().press('finish');
    panel.state().editFinish({ kind: 'rejected', reason: '户籍不在本市', referTo: ' 户籍所在地派出所 ' });
    panel.api.finish.mockResolvedValueOnce(leftWindow({ ...t, state: 'finished' }));
    await panel.state().confirmFinish();
    expect(panel.api.finish.mock.calls[0]![0].body.outcome).toEqual({
      kind: 'rejected',
      reason: '户籍不在本市',
      referTo: '户籍所在地派出所',
    });
    const draft = { ...initialFinishDraft(demoHall(), '2026-11-20', t), kind: 'rejected' as const, reason: '材料虚假' };
    expect(outcomeFromDraft({ ...draft, referTo: '  ' }, '2026-11-20')).toEqual({
      ok: true,
      value: { kind: 'rejected', reason: '材料虚假' },
    });
  });

  it('transfers a called ticket to a window type with a note', async () => {
    const panel = testCounter();
    panel.online(withCurrent(called));
    panel.state().press('transfer');
    await panel.state().confirmTransfer();
    expect(panel.state().dialog).toMatchObject({ problem: '请选择转交到哪类窗口或哪个窗口' });
    panel.state().editTransfer({ toWindowType: 'police', note: ' 户籍问题 ' });
    panel.api.transfer.mockResolvedValueOnce(leftWindow({ ...called, state: 'transferred' }));
    await panel.state().confirmTransfer();
    expect(panel.api.transfer).toHaveBeenCalledWith({
      ...at3,
      body: { toWindowType: 'police', note: '户籍问题', requestId: 'request-1' },
    });
  });

  it('pauses with a reason and resumes', async () => {
    const panel = testCounter();
    panel.online();
    panel.state().press('pause');
    expect(panel.state().dialog).toEqual({ name: 'pause' });
    const paused = { window: windowState({ status: 'paused', pauseReason: 'lunch' }), ticket: null };
    panel.api.pause.mockResolvedValueOnce(paused);
    await panel.state().pause('lunch');
    expect(panel.api.pause.mock.calls[0]![0].body).toEqual({ reason: 'lunch', requestId: 'request-1' });
    panel.stream(...eventsOf(paused));
    expect(availability(panel.state(), 'callNext')).toEqual({ enabled: false, reason: '暂停中' });
    expect(availability(panel.state(), 'resume').enabled).toBe(true);
  });

  it('keeps a form open with the refusal when the server refuses it', async () => {
    const panel = testCounter();
    panel.online(withCurrent(called));
    panel.state().press('transfer');
    panel.state().editTransfer({ toWindow: 99 });
    panel.api.transfer.mockRejectedValueOnce(new ApiError(404, 'not_found', 'no window 99 in this hall'));
    await panel.state().confirmTransfer();
    expect(panel.state().dialog?.name).toBe('transfer');
    expect(panel.state().error).toMatchObject({ message: '找不到该号或该窗口', detail: 'no window 99 in this hall' });
  });

  it('disables every action once the other post has taken the window over', () => {
    const panel = testCounter();
    panel.online(snapshot({ windows: [windowState({ clerk: 'c02', post: 'B' })] }));
    expect(availability(panel.state(), 'callNext')).toEqual({ enabled: false, reason: '已由 c02 值守' });
  });

  it('returns to the login form when the token is no longer accepted', async () => {
    const panel = testCounter();
    panel.online();
    panel.api.callNext.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'unknown or expired token'));
    panel.state().press('callNext');
    await settle();
    expect(panel.state().session).toBeNull();
    expect(panel.state().sessionNotice).toContain('登录已失效');
    expect(panel.realtime.stop).toHaveBeenCalled();
  });
});
