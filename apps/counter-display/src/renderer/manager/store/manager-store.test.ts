import { ApiError, NetworkError } from '@hallq/shared/client';
import type { CompartmentView, EventEnvelope, HallEvent, Snapshot } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { makeEnvelope, makeSnapshot, makeWindow } from '@hallq/shared/testing';
import { floorTypes, floorWindows } from './slices/floor/selectors';
import { deadlineStatus, sortedFollowUps } from './slices/followups/selectors';
import {
  SESSION,
  compartment,
  faulty,
  followUp,
  locker,
  notice,
  noticesPage,
  occupied,
  settle,
  testConsole,
  testHall,
} from './test-services';

const envelope = (seq: number, event: HallEvent): EventEnvelope => makeEnvelope(seq, event, '2025-05-06T03:00:00.000Z');
const snapshot = (over: Partial<Snapshot> = {}): Snapshot => makeSnapshot({ hallDay: '2025-05-06', ...over });

describe('logging in', () => {
  it('keeps the token for the tab and opens the hall room with it', async () => {
    const app = testConsole();
    app.api.login.mockResolvedValue({ ...SESSION, window: null, mustChangePassword: false });
    await app.state().login('admin', 'admin');
    expect(app.api.login).toHaveBeenCalledWith({ body: { staffId: 'admin', password: 'admin' } });
    expect(app.stored()?.token).toBe('tok-admin');
    expect(app.live.token).toBe('tok-admin');
    expect(app.api.followUps).toHaveBeenCalledWith({ token: 'tok-admin' });
  });

  it('refuses a clerk account, who is neither manager nor chief representative, and says why a password was refused', async () => {
    const app = testConsole();
    app.api.login.mockResolvedValueOnce({
      ...SESSION,
      staff: { id: 'c01', name: '次仁卓玛', role: 'clerk' },
      window: null,
      mustChangePassword: false,
    });
    await app.state().login('c01', 'demo');
    expect(app.state()).toMatchObject({ session: null, loginError: '此账号不是管理员或首席代表账号' });
    app.api.login.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'bad password'));
    await app.state().login('admin', 'x');
    expect(app.state().loginError).toBe('工号或密码不正确');
  });

  it('goes back to the login form when the socket no longer accepts the token', () => {
    const app = testConsole({ loggedIn: true });
    app.live.handlers!.connection('unauthorized');
    expect(app.state().session).toBeNull();
    expect(app.stored()).toBeNull();
    expect(app.live.stop).toHaveBeenCalled();
  });
});

describe('the follow-ups', () => {
  it('are updated by followup.updated: a new one added, a changed one replaced, a closed one removed', async () => {
    const app = testConsole({ loggedIn: true });
    app.api.followUps.mockResolvedValue({ followUps: [followUp('f1')] });
    await app.state().loadFollowUps();
    app.live.handlers!.snapshot(snapshot());
    app.live.handlers!.events([
      envelope(11, { type: 'followup.updated', followUp: followUp('f2') }),
      envelope(12, { type: 'followup.updated', followUp: followUp('f1', { status: 'assigned', assignee: 'z01' }) }),
    ]);
    expect(app.state().followUps.map((f) => [f.id, f.assignee])).toEqual([
      ['f2', null],
      ['f1', 'z01'],
    ]);
    app.live.handlers!.events([
      envelope(13, { type: 'followup.updated', followUp: followUp('f2', { status: 'closed' }) }),
    ]);
    expect(app.state().followUps.map((f) => f.id)).toEqual(['f1']);
  });

  it('are fetched again after a gap in the stream, which may have hidden changes', async () => {
    const app = testConsole({ loggedIn: true });
    await settle();
    app.live.handlers!.snapshot(snapshot());
    app.live.handlers!.events([envelope(13, { type: 'followup.updated', followUp: followUp('f9') })]);
    expect(app.live.resync).toHaveBeenCalled();
    app.live.handlers!.snapshot(snapshot({ seq: 13 }));
    expect(app.api.followUps).toHaveBeenCalledTimes(2);
  });

  it('are fetched again after a reconnection, whose snapshot does not bring what was missed meanwhile', async () => {
    const app = testConsole({ loggedIn: true });
    await settle();
    app.live.handlers!.snapshot(snapshot());
    expect(app.api.followUps).toHaveBeenCalledTimes(1);
    app.live.handlers!.connection('disconnected');
    app.live.handlers!.connection('connected');
    app.live.handlers!.snapshot(snapshot({ seq: 20 }));
    expect(app.api.followUps).toHaveBeenCalledTimes(2);
  });

  it('sort by deadline, most urgent first, then by the oldest rating', () => {
    const sorted = sortedFollowUps([
      followUp('later', { deadline: '2025-05-20' }),
      followUp('b', {
        deadline: '2025-05-08',
        rating: { ...followUp('x').rating, recordedAt: '2025-05-06T05:00:00Z' },
      }),
      followUp('a', {
        deadline: '2025-05-08',
        rating: { ...followUp('x').rating, recordedAt: '2025-05-06T01:00:00Z' },
      }),
      followUp('overdue', { deadline: '2025-05-01' }),
    ]);
    expect(sorted.map((f) => f.id)).toEqual(['overdue', 'a', 'b', 'later']);
  });

  it('mark a deadline past or due today against the hall day', () => {
    expect(deadlineStatus('2025-05-05', '2025-05-06')).toBe('overdue');
    expect(deadlineStatus('2025-05-06', '2025-05-06')).toBe('today');
    expect(deadlineStatus('2025-05-07', '2025-05-06')).toBe('later');
  });

  it('assign shows the field error the server gives and retries with the same requestId', async () => {
    const app = testConsole({ loggedIn: true });
    app.api.assignFollowUp.mockRejectedValueOnce(
      new ApiError(400, 'validation_failed', 'invalid', { fields: [{ path: 'staffId', message: 'unknown staff id' }] }),
    );
    expect(await app.state().assignFollowUp('f1', ' z09 ')).toBe(false);
    expect(app.state().errors.f1).toMatchObject({ action: 'assign', fields: { staffId: 'unknown staff id' } });
    app.api.assignFollowUp.mockResolvedValueOnce({ followUp: followUp('f1', { status: 'assigned', assignee: 'z09' }) });
    expect(await app.state().assignFollowUp('f1', 'z09')).toBe(true);
    expect(app.api.assignFollowUp.mock.calls.map(([{ body }]) => body)).toEqual([
      { requestId: 'request-1', staffId: 'z09' },
      { requestId: 'request-1', staffId: 'z09' },
    ]);
    expect(app.state().errors.f1).toBeUndefined();
    expect(app.state().followUps[0]).toMatchObject({ assignee: 'z09' });
  });

  it('a note carries the call-back flag, and closing removes the follow-up', async () => {
    const app = testConsole({ loggedIn: true });
    app.store.setState({ followUps: [followUp('f1')] });
    app.api.noteFollowUp.mockResolvedValue({ followUp: followUp('f1') });
    await app.state().noteFollowUp('f1', '已电话联系市民', true);
    expect(app.api.noteFollowUp).toHaveBeenCalledWith({
      token: 'tok-admin',
      params: { id: 'f1' },
      body: { requestId: 'request-1', text: '已电话联系市民', calledBack: true },
    });
    app.api.closeFollowUp.mockResolvedValue({ followUp: followUp('f1', { status: 'closed', resolution: '已整改' }) });
    await app.state().closeFollowUp('f1', '已整改');
    expect(app.state().followUps).toEqual([]);
  });
});

describe('the floor', () => {
  it('shows every window with its state, clerk and current ticket number, from the feed', async () => {
    const app = testConsole({ loggedIn: true });
    await settle();
    app.live.handlers!.snapshot(snapshot());
    app.live.handlers!.events([
      envelope(11, {
        type: 'window.updated',
        window: makeWindow(2, { status: 'paused', pauseReason: 'lunch', clerk: 'c02' }),
      }),
    ]);
    const rows = floorWindows(app.state().hall, app.state().feed, { kind: 'hall' });
    expect(rows.map((w) => [w.number, w.statusLabel, w.clerk])).toEqual([
      [1, '关闭', null],
      [2, '暂停（午休）', 'c02'],
    ]);
  });

  it('flags a type whose longest wait is past its target, and an empty post', () => {
    const queue = { estimatedWaitMinutes: null, open: true, closed: null, issuedToday: 9, dailyCap: null };
    const types = floorTypes(
      testHall(),
      snapshot({
        queues: [
          { ...queue, windowType: 'tax', waiting: 3, longestWaitMinutes: 12, servingWindows: [] },
          { ...queue, windowType: 'personal', waiting: 5, longestWaitMinutes: 21, servingWindows: [1] },
        ],
        emptyPosts: ['tax'],
      }),
      { kind: 'hall' },
    );
    expect(types.map((t) => [t.code, t.overTarget, t.emptyPost])).toEqual([
      ['personal', true, false],
      ['tax', false, true],
    ]);
  });
});

describe('the lockers', () => {
  const connected = async () => {
    const app = testConsole({ loggedIn: true });
    await settle();
    app.live.handlers!.connection('connected');
    app.live.handlers!.snapshot(snapshot({ lockers: [locker([compartment('1'), occupied('2'), faulty('3')])] }));
    return app;
  };
  const states = (app: ReturnType<typeof testConsole>) =>
    app.state().feed!.lockers[0]!.compartments.map((c) => c.state);
  const door = (seq: number, compartment: CompartmentView) =>
    envelope(seq, { type: 'locker.compartment', compartment });

  it('come with the snapshot, whole again after a reconnection, and are never fetched on their own', async () => {
    const app = await connected();
    expect(states(app)).toEqual(['free', 'occupied', 'faulty']);
    app.live.handlers!.connection('disconnected');
    app.live.handlers!.connection('connected');
    app.live.handlers!.snapshot(snapshot({ seq: 20, lockers: [locker([compartment('1'), compartment('2')])] }));
    expect(states(app)).toEqual(['free', 'free']);
    expect(app.api.lockers).not.toHaveBeenCalled();
  });

  it('follow the compartment and keypad events of the hall stream, in order', async () => {
    const app = await connected();
    const keypad = { wrongInRow: 0, lockedUntil: '2025-05-06T03:15:00.000Z' };
    app.live.handlers!.events([
      door(11, occupied('1', { state: 'opening' })),
      door(12, occupied('1', { state: 'awaiting_close' })),
      envelope(13, { type: 'locker.keypad', locker: 'L1', keypad }),
    ]);
    expect(states(app)).toEqual(['awaiting_close', 'occupied', 'faulty']);
    expect(app.state().feed!.lockers[0]!.keypad).toEqual(keypad);
  });

  it('are refreshed with a fresh snapshot of the hall when the manager asks', async () => {
    const app = await connected();
    app.state().refreshFloor();
    expect(app.live.resync).toHaveBeenCalledTimes(1);
    app.live.handlers!.snapshot(snapshot({ seq: 12, lockers: [locker([compartment('1'), compartment('2')])] }));
    app.live.handlers!.events([door(12, occupied('2'))]);
    expect(states(app)).toEqual(['free', 'free']);
  });

  it('retrieve an item after the manager chose where it goes and confirmed, then follow the door', async () => {
    const app = await connected();
    app.state().beginLockerAction('L1', '2', 'retrieve');
    expect(await app.state().confirmLockerAction()).toBe(false);
    expect(app.api.retrieve).not.toHaveBeenCalled();
    app.state().chooseHandover('post');
    const opening = occupied('2', { state: 'opening_for_pickup' });
    app.api.retrieve.mockResolvedValueOnce({ compartment: opening, commandId: 'cmd-9' });
    expect(await app.state().confirmLockerAction()).toBe(true);
    expect(app.api.retrieve).toHaveBeenCalledWith({
      token: 'tok-admin',
      params: { locker: 'L1', number: '2' },
      body: { requestId: 'request-1', handover: 'post' },
    });
    expect(app.state().lockerAction).toBeNull();
    expect(app.state().lockerNotice).toContain('请取出物品，然后关好柜门');
    expect(states(app)).toEqual(['free', 'opening_for_pickup', 'faulty']);
    app.live.handlers!.events([
      door(11, occupied('2', { state: 'awaiting_pickup_close' })),
      door(12, compartment('2')),
    ]);
    expect(states(app)).toEqual(['free', 'free', 'faulty']);
  });

  it('keep a later live state over the answer of the action that led to it', async () => {
    const app = await connected();
    app.state().beginLockerAction('L1', '2', 'retrieve');
    app.state().chooseHandover('window');
    app.api.retrieve.mockImplementationOnce(async () => {
      app.live.handlers!.events([door(11, occupied('2', { state: 'awaiting_pickup_close' }))]);
      return { compartment: occupied('2', { state: 'opening_for_pickup' }), commandId: 'cmd-9' };
    });
    await app.state().confirmLockerAction();
    expect(states(app)[1]).toBe('awaiting_pickup_close');
  });

  it('retry after a network error with the same request, and after a refusal with a fresh one', async () => {
    const app = await connected();
    app.state().beginLockerAction('L1', '3', 'retrieve');
    app.state().chooseHandover('window');
    app.api.retrieve.mockRejectedValueOnce(new NetworkError('timeout'));
    expect(await app.state().confirmLockerAction()).toBe(false);
    expect(app.state().lockerAction).toMatchObject({ unanswered: true, error: '网络错误，操作可能未送达，请重试' });
    // It may have been applied with 交窗口: switching to 邮寄 now would not be the same request.
    app.state().chooseHandover('post');
    app.api.retrieve.mockRejectedValueOnce(new ApiError(409, 'invalid_state', 'compartment 3 is free'));
    await app.state().confirmLockerAction();
    expect(app.state().lockerAction).toMatchObject({ unanswered: false, error: 'compartment 3 is free' });
    app.state().chooseHandover('post');
    app.api.retrieve.mockResolvedValueOnce({ compartment: faulty('3'), commandId: 'cmd-9' });
    await app.state().confirmLockerAction();
    expect(app.api.retrieve.mock.calls.map(([{ body }]) => body)).toEqual([
      { requestId: 'request-1', handover: 'window' },
      { requestId: 'request-1', handover: 'window' },
      { requestId: 'request-2', handover: 'post' },
    ]);
  });

  it('send one request at a time and keep the confirmation open while it is in flight', async () => {
    const app = await connected();
    app.state().beginLockerAction('L1', '3', 'resolve');
    app.state().chooseHandover('window');
    let answer!: () => void;
    app.api.resolveFault.mockReturnValueOnce(new Promise((r) => (answer = () => r({ compartment: compartment('3') }))));
    const first = app.state().confirmLockerAction();
    expect(await app.state().confirmLockerAction()).toBe(false);
    app.state().beginLockerAction('L1', '2', 'retrieve');
    app.state().cancelLockerAction();
    expect(app.state().lockerAction).toMatchObject({ number: '3', sending: true });
    answer();
    expect(await first).toBe(true);
    expect(app.api.resolveFault).toHaveBeenCalledTimes(1);
    expect(app.api.resolveFault).toHaveBeenCalledWith({
      token: 'tok-admin',
      params: { locker: 'L1', number: '3' },
      body: { requestId: 'request-1', handover: 'window' },
    });
    expect(states(app)).toEqual(['free', 'occupied', 'free']);
    expect(app.state().lockerNotice).toBe('一楼取件柜 3号格口已恢复使用。');
  });

  it('give a new confirmation a fresh requestId after a cancelled one', async () => {
    const app = await connected();
    app.state().beginLockerAction('L1', '3', 'resolve');
    app.state().cancelLockerAction();
    app.state().beginLockerAction('L1', '3', 'resolve');
    expect(app.state().lockerAction?.requestId).toBe('request-2');
  });

  it('are forgotten on logout, with the notices', async () => {
    const app = await connected();
    app.api.notices.mockResolvedValueOnce(noticesPage([notice('n1')]));
    await app.state().loadOutbox();
    app.state().endSession();
    expect(app.state()).toMatchObject({ feed: null, lockerAction: null, notices: [], outboxStatus: 'idle' });
  });
});
