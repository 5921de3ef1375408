import type { EventEnvelope, FollowUp, HallEvent } from '@hallq/shared/contracts';
import { makeEnvelope, makeSnapshot } from '@hallq/shared/testing';
import { describe, expect, it } from 'vitest';
import { archiveAssignees, archiveRows, archiveSummary, archiveWindows } from './slices/archive/selectors';
import { noArchiveFilter } from './slices/archive/state';
import { closedAt, departmentHall, directoryOf, followUpAt, sessionOf } from './test-departments';
import { settle, testConsole } from './test-services';

const envelope = (seq: number, event: HallEvent): EventEnvelope => makeEnvelope(seq, event, '2025-05-06T03:00:00.000Z');
const closed = (seq: number, followUp: FollowUp) => envelope(seq, { type: 'followup.updated', followUp });
const hall = departmentHall();

async function consoleOf(id: string) {
  const app = testConsole({ loggedIn: true, session: sessionOf(id), hall, directory: directoryOf(id) });
  await settle();
  app.live.handlers!.snapshot(makeSnapshot({ hallDay: '2025-05-14' }));
  return app;
}

describe('the 整改台账 (archive)', () => {
  it('is fetched only once opened; a follow-up closed on the feed then joins it without another fetch', async () => {
    const app = await consoleOf('z01');
    app.live.handlers!.events([closed(11, closedAt('early', 11, '2025-05-07T02:00:00.000Z'))]);
    expect(app.api.followUpArchive).not.toHaveBeenCalled();

    app.api.followUpArchive.mockResolvedValueOnce({
      followUps: [closedAt('early', 11, '2025-05-07T02:00:00.000Z')],
    });
    await app.state().loadArchive();
    app.live.handlers!.events([closed(12, closedAt('f1', 11, '2025-05-08T02:00:00.000Z'))]);
    expect(app.state().archive.map((f) => f.id)).toEqual(['f1', 'early']);
    expect(app.api.followUpArchive).toHaveBeenCalledTimes(1);
    expect(app.api.followUpArchive).toHaveBeenCalledWith({ token: 'tok-z01' });
  });

  it("takes the session's own 办结 from its answer: the open list loses it as the archive gains it", async () => {
    const app = await consoleOf('z01');
    app.store.setState({ followUps: [followUpAt('f1', 11)], archiveStatus: 'loaded' });
    app.api.closeFollowUp.mockResolvedValueOnce({ followUp: closedAt('f1', 11, '2025-05-08T02:00:00.000Z') });
    expect(await app.state().closeFollowUp('f1', '已向市民致歉并改进叫号提示')).toBe(true);
    expect(app.state().followUps).toEqual([]);
    expect(app.state().archive.map((f) => f.id)).toEqual(['f1']);
  });

  it('keeps a close the feed brought while its answer was on the way', async () => {
    const app = await consoleOf('z01');
    let answer!: () => void;
    app.api.followUpArchive.mockReturnValueOnce(
      new Promise((r) => (answer = () => r({ followUps: [closedAt('old', 11, '2025-05-07T02:00:00.000Z')] }))),
    );
    const loading = app.state().loadArchive();
    app.live.handlers!.events([closed(11, closedAt('new', 11, '2025-05-08T02:00:00.000Z'))]);
    answer();
    await loading;
    expect(
      app
        .state()
        .archive.map((f) => f.id)
        .sort(),
    ).toEqual(['new', 'old']);
  });

  it('is read again after a reconnection once opened, closes having been missed meanwhile', async () => {
    const app = await consoleOf('z01');
    app.api.followUpArchive.mockResolvedValue({ followUps: [] });
    await app.state().loadArchive();
    app.live.handlers!.connection('disconnected');
    app.live.handlers!.connection('connected');
    app.live.handlers!.snapshot(makeSnapshot({ seq: 20 }));
    expect(app.api.followUpArchive).toHaveBeenCalledTimes(2);
  });

  it('is forgotten on logout, with its filter, and a load then in flight changes nothing', async () => {
    const app = await consoleOf('admin');
    let answer!: () => void;
    app.api.followUpArchive.mockReturnValueOnce(
      new Promise((r) => (answer = () => r({ followUps: [closedAt('f1', 11, '2025-05-08T02:00:00.000Z')] }))),
    );
    const loading = app.state().loadArchive();
    app.state().filterArchive({ window: 11 });
    app.state().endSession();
    answer();
    await loading;
    expect(app.state()).toMatchObject({ archive: [], archiveStatus: 'idle', archiveFilter: noArchiveFilter });
  });

  it('clears a window or assignee filter when the manager chooses another department', async () => {
    const app = await consoleOf('admin');
    app.state().filterArchive({ window: 11, assignee: 'c11', level: 'dissatisfied' });
    app.state().chooseDepartment('tax');
    expect(app.state().archiveFilter).toEqual({ ...noArchiveFilter, level: 'dissatisfied' });
  });
});

describe('the archive rows', () => {
  const archive = [
    // Closed 09:00 on 05-13 in Shanghai, its deadline day: on time.
    closedAt('on-time', 11, '2025-05-13T01:00:00.000Z'),
    // 00:30 on 05-14 in Shanghai, still 05-13 in UTC: late, as the hall counts days.
    closedAt('late', 11, '2025-05-13T16:30:00.000Z', { assignee: 'z01' }),
    closedAt('very', 11, '2025-05-09T02:00:00.000Z', {
      rating: { ...followUpAt('x', 11).rating, result: 'very_dissatisfied' },
    }),
    closedAt('tax', 13, '2025-05-10T02:00:00.000Z', { assignee: 'c13' }),
  ];
  const hrss = { kind: 'department', department: 'hrss' } as const;
  const ids = (filter: Partial<typeof noArchiveFilter>, scope: Parameters<typeof archiveRows>[3] = hrss) =>
    archiveRows(archive, { ...noArchiveFilter, ...filter }, hall, scope).map((r) => r.followUp.id);

  it("list the scope's closed follow-ups, the latest closed first, on time or late by the hall's day", () => {
    const rows = archiveRows(archive, noArchiveFilter, hall, hrss);
    expect(rows.map((r) => [r.followUp.id, r.closedDay, r.timeliness])).toEqual([
      ['late', '2025-05-14', 'late'],
      ['on-time', '2025-05-13', 'on_time'],
      ['very', '2025-05-09', 'on_time'],
    ]);
    expect(archiveSummary(rows)).toEqual({ count: 3, onTime: 2, late: 1 });
    expect(ids({}, { kind: 'hall' })).toEqual(['late', 'on-time', 'tax', 'very']);
    expect(ids({}, { kind: 'pending' })).toEqual([]);
  });

  it('narrow by the days of closing, the window, the assignee, the rating and timeliness', () => {
    expect(ids({ closedFrom: '2025-05-10', closedTo: '2025-05-13' })).toEqual(['on-time']);
    expect(ids({ window: 13 }, { kind: 'hall' })).toEqual(['tax']);
    expect(ids({ assignee: 'z01' })).toEqual(['late']);
    expect(ids({ level: 'very_dissatisfied' })).toEqual(['very']);
    expect(ids({ timeliness: 'on_time' })).toEqual(['on-time', 'very']);
  });

  it("offer the scope's windows and the assignees seen in its archive", () => {
    expect(archiveWindows(hall, hrss)).toEqual([11]);
    expect(archiveWindows(hall, { kind: 'hall' })).toEqual([1, 11, 13, 14]);
    expect(archiveAssignees(archive, hall, hrss)).toEqual(['c11', 'z01']);
  });
});
