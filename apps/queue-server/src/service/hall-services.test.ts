import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HallEvent } from '@hallq/shared/contracts';
import { openDatabase } from '../db/open-database';
import { HallStore } from '../store/hall-store';
import { demoHall } from '../../test/harness';
import { ApiError } from './api-error';
import { createHallServices } from './hall-services';

function service(
  clock = () => new Date('2026-11-23T02:00:00Z'),
  dataDir = mkdtempSync(join(tmpdir(), 'hallq-service-')),
) {
  const db = openDatabase(dataDir);
  const published: HallEvent[][] = [];
  const svc = createHallServices({
    hall: demoHall(),
    store: new HallStore(db),
    clock,
    publish: (e) => published.push(e),
  });
  return { svc, db, published, dataDir };
}

describe('the write pipeline: group commit', () => {
  it('commits writes that arrive together in one group, each answered, a refusal touching none of the others', async () => {
    const { svc, db, published } = service();
    const issue = (n: number) => svc.tickets.issue({ windowType: 'personal', requestId: `group-${n}` }, 'kiosk:k1');
    const results = await Promise.allSettled([
      issue(1),
      svc.tickets.issue({ windowType: 'nope', requestId: 'group-bad' }, 'kiosk:k1'),
      issue(2),
      issue(1), // the same request again in the same group: the same answer
    ]);
    const [a, bad, b, again] = results;
    expect(a.status === 'fulfilled' && a.value.body.ticket.number).toBe('A001');
    expect(b.status === 'fulfilled' && b.value.body.ticket.number).toBe('A002');
    expect(again.status === 'fulfilled' && again.value.body.ticket.id).toBe(
      a.status === 'fulfilled' && a.value.body.ticket.id,
    );
    expect(bad.status === 'rejected' && bad.reason instanceof ApiError && bad.reason.code).toBe('validation_failed');
    // One group: one publication carrying both issues, then the queue stats once (and the empty post: no window open).
    expect(published).toHaveLength(1);
    expect(published[0]!.map((e) => e.type)).toEqual([
      'ticket.issued',
      'ticket.issued',
      'queues.updated',
      'empty_post',
    ]);
    expect(db.read.prepare('SELECT COUNT(*) FROM tickets').pluck().get()).toBe(2);
    expect(db.read.prepare('SELECT COUNT(*) FROM requests').pluck().get()).toBe(2);
  });

  it('lets a later write in the group see an earlier one (a call right after an issue finds the ticket)', async () => {
    const { svc } = service();
    const clerk = svc.today.hall.staff.find((s) => s.id === 'c01')!;
    await svc.windows.login(1, clerk, 'login-c01');
    const [issued, called] = await Promise.all([
      svc.tickets.issue({ windowType: 'personal', requestId: 'issue-1' }, 'kiosk:k1'),
      svc.windows.act(1, { type: 'callNext' }, 'call-1', clerk),
    ]);
    expect(called.body.ticket?.id).toBe(issued.body.ticket.id);
  });
});

describe('today’s estimates', () => {
  it("leaves an overnight service (yesterday's ticket finished after midnight) out of the new day's estimates, after a restart too", async () => {
    let now = new Date('2026-11-23T15:00:00Z'); // 23:00 in Shanghai
    const first = service(() => now);
    const clerk = first.svc.today.hall.staff.find((s) => s.id === 'c01')!;
    await first.svc.windows.login(1, clerk, 'login-1');
    await first.svc.tickets.issue({ windowType: 'personal', requestId: 'issue-late' }, 'kiosk:k1');
    await first.svc.windows.act(1, { type: 'callNext' }, 'call-late', clerk);
    await first.svc.windows.act(1, { type: 'start' }, 'start-late', clerk);
    now = new Date('2026-11-24T01:00:00Z'); // 09:00 the next morning: ten hours of "service"
    await first.svc.windows.act(1, { type: 'finish', outcome: { kind: 'completed' } }, 'finish-late', clerk);
    await first.db.close();

    const again = service(() => now, first.dataDir);
    await again.svc.tickets.issue({ windowType: 'personal', requestId: 'issue-morning' }, 'kiosk:k1');
    const personal = again.svc.today.queues().queues.find((q) => q.windowType === 'personal')!;
    const defaultMinutes = again.svc.today.hall.windowTypes.find((t) => t.code === 'personal')!.defaultServiceMinutes;
    expect(personal.waiting).toBe(1);
    expect(personal.estimatedWaitMinutes).toBe(Math.ceil(defaultMinutes));
    await again.db.close();
  });
});
