import { NetworkError } from '@hallq/shared/client';
import type { EventEnvelope, HallEvent, Snapshot } from '@hallq/shared/contracts';
import { makeEnvelope, makeQueueInfo, makeSnapshot, makeTicket, makeWindow } from '@hallq/shared/testing';
import { describe, expect, it, vi } from 'vitest';
import { emptyPostNames, floorTypes, floorWindows } from './slices/floor/selectors';
import { scopedFollowUps } from './slices/followups/selectors';
import { assigneeGroups, consoleScope, ownDepartment } from './slices/scope/selectors';
import { departmentHall, directoryOf, followUpAt, sessionOf } from './test-departments';
import { settle, testConsole } from './test-services';

const envelope = (seq: number, event: HallEvent): EventEnvelope => makeEnvelope(seq, event, '2025-05-06T03:00:00.000Z');
const snapshot = (over: Partial<Snapshot> = {}): Snapshot => makeSnapshot({ hallDay: '2025-05-06', ...over });

/** The console of `id`, logged in, with the hall, its staff list and its first snapshot in. */
async function consoleOf(id: string, first: Partial<Snapshot> = {}) {
  const app = testConsole({
    loggedIn: true,
    session: sessionOf(id),
    hall: departmentHall(),
    directory: directoryOf(id),
  });
  await settle();
  app.live.handlers!.snapshot(snapshot(first));
  const scope = () => {
    const s = app.state();
    return consoleScope(s.session?.staff.role, ownDepartment(s), s.chosenDepartment);
  };
  return { ...app, scope };
}

describe("a chief representative's console", () => {
  it('accepts a chief representative at login and learns their department from the staff list', async () => {
    const app = testConsole({ hall: departmentHall(), directory: directoryOf('z01') });
    app.api.login.mockResolvedValueOnce({ ...sessionOf('z01'), window: null, mustChangePassword: false });
    await app.state().login('z01', 'demo');
    expect(app.state().session?.staff).toMatchObject({ id: 'z01', role: 'chief_representative' });
    expect(app.live.token).toBe('tok-z01');
    await settle();
    expect(app.api.staffDirectory).toHaveBeenCalledWith({ token: 'tok-z01' });
    expect(ownDepartment(app.state())).toBe('hrss');
  });

  it('shows nothing of a department until the staff list has said which is theirs, and retries it', async () => {
    vi.useFakeTimers();
    try {
      const app = testConsole({ hall: departmentHall(), directory: directoryOf('z01') });
      app.api.login.mockResolvedValueOnce({ ...sessionOf('z01'), window: null, mustChangePassword: false });
      app.api.staffDirectory.mockRejectedValueOnce(new NetworkError('offline'));
      await app.state().login('z01', 'demo');
      await vi.advanceTimersByTimeAsync(0);
      const scope = () => {
        const s = app.state();
        return consoleScope(s.session?.staff.role, ownDepartment(s), s.chosenDepartment);
      };
      expect(app.state().directoryStatus).toBe('failed');
      expect(scope()).toEqual({ kind: 'pending' });
      expect(floorWindows(app.state().hall, snapshot({ windows: [makeWindow(11)] }), scope())).toEqual([]);
      await vi.advanceTimersByTimeAsync(5000);
      expect(app.api.staffDirectory).toHaveBeenCalledTimes(2);
      expect(scope()).toEqual({ kind: 'department', department: 'hrss' });
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows only their department's windows: who holds which post, who waits to take over, the ticket there", async () => {
    const ticket = makeTicket({ id: 't-C004', number: 'C004', sequence: 4, windowType: 'social-security' });
    const app = await consoleOf('z01', {
      windows: [
        makeWindow(11, {
          clerk: 'c11',
          post: 'A',
          currentTicket: 't-C004',
          incoming: { clerk: 'c10', post: 'B', since: '2025-05-06T02:59:00.000Z' },
        }),
        makeWindow(13, { clerk: 'c13' }),
      ],
      tickets: [{ ...ticket, state: 'serving', window: 11 }],
    });
    const windows = floorWindows(app.state().hall, app.state().feed, app.scope());
    expect(windows).toEqual([
      expect.objectContaining({
        number: 11,
        department: 'hrss',
        statusLabel: '办理中',
        clerk: 'c11',
        post: 'A',
        incoming: { clerk: 'c10', post: 'B' },
        ticket: 'C004',
        serves: ['社保', '医保'],
      }),
    ]);
  });

  it('lists the queues of the types their windows serve, waiting or not, and only their empty posts', async () => {
    const app = await consoleOf('z01', {
      queues: [
        makeQueueInfo('personal', { waiting: 4 }),
        makeQueueInfo('social-security', { waiting: 2, servingWindows: [] }),
        makeQueueInfo('medical-insurance'),
        makeQueueInfo('tax', { waiting: 6, servingWindows: [] }),
      ],
      emptyPosts: ['social-security', 'tax'],
    });
    const { hall, feed } = app.state();
    expect(floorTypes(hall, feed, app.scope()).map((q) => [q.code, q.waiting, q.emptyPost])).toEqual([
      ['social-security', 2, true],
      ['medical-insurance', 0, false],
    ]);
    expect(emptyPostNames(hall, feed, app.scope())).toEqual(['社保']);
  });

  it("leaves out another department's follow-up, even one the stream brings them as its assignee", async () => {
    const app = await consoleOf('z02');
    app.live.handlers!.events([
      envelope(11, { type: 'followup.updated', followUp: followUpAt('hrss-1', 11, { assignee: 'z02' }) }),
      envelope(12, { type: 'followup.updated', followUp: followUpAt('tax-1', 13) }),
    ]);
    const { followUps, hall } = app.state();
    expect(scopedFollowUps(followUps, hall, app.scope()).map((f) => f.id)).toEqual(['tax-1']);
  });

  it('offers a follow-up to themselves first, then to the staff of their department', () => {
    const groups = assigneeGroups(directoryOf('z01'), departmentHall(), 'hrss', 'z01');
    expect(groups.map((g) => [g.department, g.people.map((p) => p.id)])).toEqual([['hrss', ['z01', 'c11']]]);
  });
});

describe("the manager's console", () => {
  it('offers a follow-up to anyone in the hall, the staff of its department first', () => {
    const groups = assigneeGroups(directoryOf('admin'), departmentHall(), 'tax', 'admin');
    expect(groups.map((g) => [g.department, g.people.map((p) => p.id)])).toEqual([
      ['tax', ['c13', 'z02']],
      ['office', ['admin', 'c01']],
      ['hrss', ['c11', 'z01']],
    ]);
  });

  it('narrows the windows and follow-ups to the department chosen, and widens them again with 全部', async () => {
    const app = await consoleOf('admin', { windows: [makeWindow(1), makeWindow(11), makeWindow(13)] });
    app.live.handlers!.events([
      envelope(11, { type: 'followup.updated', followUp: followUpAt('hrss-1', 11) }),
      envelope(12, { type: 'followup.updated', followUp: followUpAt('tax-1', 13) }),
    ]);
    const shown = () => {
      const { hall, feed, followUps } = app.state();
      return {
        windows: floorWindows(hall, feed, app.scope()).map((w) => w.number),
        followUps: scopedFollowUps(followUps, hall, app.scope()).map((f) => f.id),
      };
    };
    expect(shown()).toEqual({ windows: [1, 11, 13, 14], followUps: ['hrss-1', 'tax-1'] });
    app.state().chooseDepartment('tax');
    expect(shown()).toEqual({ windows: [13, 14], followUps: ['tax-1'] });
    app.state().chooseDepartment(null);
    expect(shown().windows).toEqual([1, 11, 13, 14]);
  });

  it('forgets the staff list and the department chosen on logout', async () => {
    const app = await consoleOf('admin');
    app.state().chooseDepartment('tax');
    app.state().endSession();
    expect(app.state()).toMatchObject({ directory: [], directoryStatus: 'idle', chosenDepartment: null });
  });
});
