import { ApiError } from '@hallq/shared';
import type { EventEnvelope, HallEvent, Snapshot } from '@hallq/shared';
import { describe, expect, it } from 'vitest';
import { makeEnvelope, makeSnapshot, makeWindow } from '../../../../../../packages/shared/src/domain/test-fixtures';
import { floorTypes, floorWindows } from './slices/floor/selectors';
import { deadlineStatus, sortedFollowUps } from './slices/followups/selectors';
import { SESSION, followUp, settle, testConsole, testHall } from './test-services';

const envelope = (seq: number, event: HallEvent): EventEnvelope => makeEnvelope(seq, event, '2025-05-06T03:00:00.000Z');
const snapshot = (over: Partial<Snapshot> = {}): Snapshot => makeSnapshot({ hallDay: '2025-05-06', ...over });

describe('logging in', () => {
  it('keeps the token for the tab and opens the hall room with it', async () => {
    const app = testConsole();
    app.api.login.mockResolvedValue({ ...SESSION, window: null });
    await app.state().login('admin', 'admin');
    expect(app.api.login).toHaveBeenCalledWith('admin', 'admin');
    expect(app.stored()?.token).toBe('tok-admin');
    expect(app.live.token).toBe('tok-admin');
    expect(app.api.followUps).toHaveBeenCalledWith('tok-admin');
  });

  it('refuses a clerk account and says why a password was refused', async () => {
    const app = testConsole();
    app.api.login.mockResolvedValueOnce({
      ...SESSION,
      staff: { id: 'c01', name: '次仁卓玛', role: 'clerk' },
      window: null,
    });
    await app.state().login('c01', 'demo');
    expect(app.state()).toMatchObject({ session: null, loginError: '此账号不是管理员账号' });
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
    app.api.assign.mockRejectedValueOnce(
      new ApiError(400, 'validation_failed', 'invalid', { fields: [{ path: 'staffId', message: 'unknown staff id' }] }),
    );
    expect(await app.state().assignFollowUp('f1', ' z09 ')).toBe(false);
    expect(app.state().errors.f1).toMatchObject({ action: 'assign', fields: { staffId: 'unknown staff id' } });
    app.api.assign.mockResolvedValueOnce({ followUp: followUp('f1', { status: 'assigned', assignee: 'z09' }) });
    expect(await app.state().assignFollowUp('f1', 'z09')).toBe(true);
    expect(app.api.assign.mock.calls.map(([, , body]) => body)).toEqual([
      { requestId: 'request-1', staffId: 'z09' },
      { requestId: 'request-1', staffId: 'z09' },
    ]);
    expect(app.state().errors.f1).toBeUndefined();
    expect(app.state().followUps[0]).toMatchObject({ assignee: 'z09' });
  });

  it('a note carries the call-back flag, and closing removes the follow-up', async () => {
    const app = testConsole({ loggedIn: true });
    app.store.setState({ followUps: [followUp('f1')] });
    app.api.note.mockResolvedValue({ followUp: followUp('f1') });
    await app.state().noteFollowUp('f1', '已电话联系市民', true);
    expect(app.api.note).toHaveBeenCalledWith('tok-admin', 'f1', {
      requestId: 'request-1',
      text: '已电话联系市民',
      calledBack: true,
    });
    app.api.close.mockResolvedValue({ followUp: followUp('f1', { status: 'closed', resolution: '已整改' }) });
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
    const rows = floorWindows(app.state().hall, app.state().feed);
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
    );
    expect(types.map((t) => [t.code, t.overTarget, t.emptyPost])).toEqual([
      ['personal', true, false],
      ['tax', false, true],
    ]);
  });
});
