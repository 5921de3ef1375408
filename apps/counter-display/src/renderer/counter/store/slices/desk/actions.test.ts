import { ApiError, NetworkError } from '@hallq/shared/client';
import type { WindowActionResponse } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { demoHall, settle, snapshot, testCounter, ticket, windowState, withCurrent } from '../../test-services';
import { availability } from './selectors';

const called = ticket({ state: 'called', calls: 1, window: 3, clerk: 'c03', calledAt: '2026-11-20T02:00:00.000Z' });
const serving = (over: Parameters<typeof ticket>[0] = {}) =>
  ticket({ ...called, state: 'serving', startedAt: '2026-11-20T02:01:00.000Z', ...over });
const answer = (t = called): WindowActionResponse => ({ window: windowState({ currentTicket: t.id }), ticket: t });

describe('the window actions', () => {
  it('call next sends one request even when pressed twice quickly', async () => {
    const panel = testCounter();
    panel.online();
    let reply!: (r: WindowActionResponse) => void;
    panel.api.act.mockReturnValue(new Promise((resolve) => (reply = resolve)));
    panel.state().press('call-next');
    panel.state().press('call-next');
    expect(panel.api.act).toHaveBeenCalledTimes(1);
    expect(availability(panel.state(), 'call-next')).toEqual({ enabled: false, reason: '处理中' });
    reply(answer());
    await settle();
    expect(panel.state().busy).toBeNull();
    expect(panel.state().feed!.tickets).toEqual([called]);
    expect(availability(panel.state(), 'call-next').enabled).toBe(false); // A001 is now in play here
  });

  it('resends the same requestId after a network failure, and a new one for the next request', async () => {
    const panel = testCounter();
    panel.online();
    panel.api.act.mockRejectedValueOnce(new NetworkError('timeout'));
    panel.state().press('call-next');
    await settle();
    expect(panel.state().error?.message).toContain('网络异常');
    panel.api.act.mockResolvedValueOnce({ window: windowState(), ticket: null });
    panel.state().press('call-next');
    await settle();
    const ids = panel.api.act.mock.calls.map((c) => c[3].requestId);
    expect(ids).toEqual(['request-1', 'request-1']);
    expect(panel.state().notice).toBe('没有等候的号');
    panel.api.act.mockResolvedValueOnce({ window: windowState(), ticket: null });
    panel.state().press('call-next');
    await settle();
    expect(panel.api.act.mock.calls[2]![3].requestId).toBe('request-2');
  });

  it('offers no-show only once the ticket has been called often enough', async () => {
    const panel = testCounter();
    panel.online(withCurrent(called));
    expect(availability(panel.state(), 'no-show')).toEqual({ enabled: false, reason: '再呼叫 1 次后可过号' });
    panel.state().press('no-show');
    expect(panel.api.act).not.toHaveBeenCalled();
    const recalled = { ...called, calls: 2 };
    panel.api.act.mockResolvedValueOnce(answer(recalled));
    panel.state().press('recall');
    await settle();
    expect(panel.api.act.mock.calls[0]![2]).toBe('recall');
    expect(availability(panel.state(), 'no-show').enabled).toBe(true);
  });

  it('shows a refused no-show in plain words and waits for one more call', async () => {
    const panel = testCounter();
    const twice = { ...called, calls: 2 };
    panel.online(withCurrent(twice));
    panel.api.act.mockRejectedValueOnce(
      new ApiError(
        409,
        'not_enough_calls',
        'ticket A001 has been called 2 times; it can be marked no-show after 3 calls',
      ),
    );
    panel.state().press('no-show');
    await settle();
    expect(panel.state().error).toMatchObject({
      action: 'no-show',
      message: 'A001 已呼叫 2 次，需呼叫满 3 次才能标记过号，请先重呼',
      detail: expect.stringContaining('after 3 calls'),
    });
    expect(availability(panel.state(), 'no-show')).toEqual({ enabled: false, reason: '再呼叫 1 次后可过号' });
  });

  it('finish with accepted computes the promised date over a weekend', async () => {
    const panel = testCounter();
    const hall = demoHall();
    // A hall that works Monday to Friday: Friday plus 3 working days is the Wednesday after the weekend.
    panel.store.setState({ hall: { ...hall, hours: { ...hall.hours, sat: null, sun: null } } });
    const t = serving({ serviceItem: 'hukou-transfer' }); // 户口迁移, 承办件 promised in 5 working days
    const item = hall.serviceItems.find((s) => s.code === 'hukou-transfer')!;
    expect(item).toMatchObject({ kind: 'promised', promisedWorkingDays: 5 });
    panel.online(withCurrent(t)); // hall day Friday 2026-11-20
    panel.state().press('finish');
    const dialog = panel.state().dialog;
    expect(dialog).toMatchObject({ name: 'finish', draft: { kind: 'accepted', promisedDate: '2026-11-27' } });
    panel.state().editFinish({ caseNumber: ' SL-0012 ' });
    panel.api.act.mockResolvedValueOnce(answer({ ...t, state: 'finished' }));
    await panel.state().confirmFinish();
    expect(panel.api.act).toHaveBeenCalledWith('token-c03', 3, 'finish', {
      outcome: { kind: 'accepted', promisedDate: '2026-11-27', caseNumber: 'SL-0012' },
      requestId: 'request-1',
    });
    expect(panel.state().dialog).toBeNull();
    expect(panel.api.summary).toHaveBeenCalledTimes(1); // the day's figures, fetched again after the finish
  });

  it('counts a Saturday the hall opens as a working day for the promised date', () => {
    const panel = testCounter();
    panel.online(withCurrent(serving({ serviceItem: 'hukou-transfer' }))); // the demo hall opens Saturday mornings
    panel.state().press('finish');
    expect(panel.state().dialog).toMatchObject({ draft: { promisedDate: '2026-11-26' } });
  });

  it('opens finish as 办结 for an immediate item, and the clerk may edit the promised date', async () => {
    const panel = testCounter();
    const t = serving({ serviceItem: 'birth-registration' });
    panel.online(withCurrent(t));
    panel.state().press('finish');
    expect(panel.state().dialog).toMatchObject({ draft: { kind: 'completed' } });
    panel.state().editFinish({ kind: 'accepted', promisedDate: '2026-12-01' });
    panel.api.act.mockResolvedValueOnce(answer({ ...t, state: 'finished' }));
    await panel.state().confirmFinish();
    expect(panel.api.act.mock.calls[0]![3]).toMatchObject({
      outcome: { kind: 'accepted', promisedDate: '2026-12-01' },
    });
  });

  it('finish with incomplete names the ticked and the typed materials', async () => {
    const panel = testCounter();
    const t = serving({ serviceItem: 'hukou-transfer' });
    panel.online(withCurrent(t));
    panel.state().press('finish');
    panel.state().editFinish({ kind: 'incomplete' });
    await panel.state().confirmFinish();
    expect(panel.state().dialog).toMatchObject({ problem: '请勾选或填写缺少的材料' });
    expect(panel.api.act).not.toHaveBeenCalled();
    panel.state().editFinish({ materials: ['居民户口簿'], otherMaterials: '单位证明\n\n 房产证复印件 ' });
    panel.api.act.mockResolvedValueOnce(answer({ ...t, state: 'finished' }));
    await panel.state().confirmFinish();
    expect(panel.api.act.mock.calls[0]![3]).toMatchObject({
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
    panel.api.act.mockResolvedValueOnce(answer());
    await panel.state().confirmFinish();
    expect(panel.api.act.mock.calls[0]![3]).toMatchObject({ outcome: { kind: 'transferred', toWindow: 9 } });
  });

  it('transfers a called ticket to a window type with a note', async () => {
    const panel = testCounter();
    panel.online(withCurrent(called));
    panel.state().press('transfer');
    await panel.state().confirmTransfer();
    expect(panel.state().dialog).toMatchObject({ problem: '请选择转交到哪类窗口或哪个窗口' });
    panel.state().editTransfer({ toWindowType: 'police', note: ' 户籍问题 ' });
    panel.api.act.mockResolvedValueOnce(answer({ ...called, state: 'transferred' }));
    await panel.state().confirmTransfer();
    expect(panel.api.act).toHaveBeenCalledWith('token-c03', 3, 'transfer', {
      toWindowType: 'police',
      note: '户籍问题',
      requestId: 'request-1',
    });
  });

  it('pauses with a reason and resumes', async () => {
    const panel = testCounter();
    panel.online();
    panel.state().press('pause');
    expect(panel.state().dialog).toEqual({ name: 'pause' });
    panel.api.act.mockResolvedValueOnce({
      window: windowState({ status: 'paused', pauseReason: 'lunch' }),
      ticket: null,
    });
    await panel.state().pause('lunch');
    expect(panel.api.act.mock.calls[0]!.slice(2)).toEqual(['pause', { reason: 'lunch', requestId: 'request-1' }]);
    expect(availability(panel.state(), 'call-next')).toEqual({ enabled: false, reason: '暂停中' });
    expect(availability(panel.state(), 'resume').enabled).toBe(true);
  });

  it('keeps a form open with the refusal when the server refuses it', async () => {
    const panel = testCounter();
    panel.online(withCurrent(called));
    panel.state().press('transfer');
    panel.state().editTransfer({ toWindow: 99 });
    panel.api.act.mockRejectedValueOnce(new ApiError(404, 'not_found', 'no window 99 in this hall'));
    await panel.state().confirmTransfer();
    expect(panel.state().dialog?.name).toBe('transfer');
    expect(panel.state().error).toMatchObject({ message: '找不到该号或该窗口', detail: 'no window 99 in this hall' });
  });

  it('disables every action once the other post has taken the window over', () => {
    const panel = testCounter();
    panel.online(snapshot({ windows: [windowState({ clerk: 'c02', post: 'B' })] }));
    expect(availability(panel.state(), 'call-next')).toEqual({ enabled: false, reason: '已由 c02 值守' });
  });

  it('returns to the login form when the token is no longer accepted', async () => {
    const panel = testCounter();
    panel.online();
    panel.api.act.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'unknown or expired token'));
    panel.state().press('call-next');
    await settle();
    expect(panel.state().session).toBeNull();
    expect(panel.state().sessionNotice).toContain('登录已失效');
    expect(panel.realtime.stop).toHaveBeenCalled();
  });
});
