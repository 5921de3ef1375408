import { describe, expect, it } from 'vitest';
import { Health } from '@hallq/shared/contracts';
import { ok, refused } from './expect-reply';
import { hallPerTest, rid } from './harness';

const { open } = hallPerTest();

describe('a disk that cannot take a write', () => {
  it('answers 503 storage_unavailable, health says the hall cannot write, and the same request goes through once there is room', async () => {
    const { server, kiosk } = await open();
    await ok('health', kiosk.get('/api/health'));
    const write = server.database.write;
    // SQLite's own "database or disk is full": the file may not grow by a page more.
    const pages = write.pragma('page_count', { simple: true }) as number;
    write.pragma(`max_page_count = ${pages}`);

    // A burst of tickets fills the last free pages; then every write is refused for storage, none as a 500.
    let refusedFor: { requestId: string } | null = null;
    for (let i = 0; i < 500 && refusedFor === null; i++) {
      const requestId = rid('full');
      const reply = await kiosk.post('/api/tickets', { windowType: 'personal', requestId });
      expect(reply.status, JSON.stringify(reply.body)).not.toBe(500);
      if (reply.status === 503) {
        expect(reply.body.error.code).toBe('storage_unavailable');
        refusedFor = { requestId };
      }
    }
    expect(refusedFor, 'the disk never filled').not.toBeNull();

    const sick = await kiosk.get('/api/health');
    expect(sick.status).toBe(503);
    const body = Health.parse(sick.body);
    expect(body.status).toBe('unavailable');
    expect(body.storage.writable).toBe(false);
    expect(body.storage.fault?.code).toBe('SQLITE_FULL');
    const queued = (await kiosk.get('/api/queues')).body.queues.find(
      (q: { windowType: string }) => q.windowType === 'personal',
    );

    write.pragma('max_page_count = 1073741823');
    const again = await ok(
      'issueTicket',
      kiosk.post('/api/tickets', { windowType: 'personal', requestId: refusedFor!.requestId }),
    );
    // Nothing of the refused write was kept: it is issued now, as the next number after those that were.
    expect(again.peopleAhead).toBe(queued.waiting);
    const well = await ok('health', kiosk.get('/api/health'));
    expect(well.storage).toMatchObject({ writable: true, fault: null });
  });

  it('refuses a write with 503, not 500, when the database cannot be written at all', async () => {
    const { server, kiosk } = await open();
    server.database.write.pragma('query_only = ON');
    const error = await refused(
      kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid('ro') }),
      503,
      'storage_unavailable',
    );
    expect(error.message).toContain('nothing was applied');
    server.database.write.pragma('query_only = OFF');
  });
});
