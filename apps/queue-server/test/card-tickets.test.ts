import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { cardKeys, sealCardProof } from '@hallq/devices';
import { describe, expect, it } from 'vitest';
import { kioskCardReads } from './card-reads';
import { ok, refused } from './expect-reply';
import { api, demoHall, hallPerTest, login, rid } from './harness';

const halls = hallPerTest();
const ZHANG = '54010219900101123X';
const LI = '540102198505052345';

/** The demo hall with 不动产登记 taken by card, at most two tickets a person a day. */
function cappedHall() {
  const hall = demoHall();
  return {
    ...hall,
    windowTypes: hall.windowTypes.map((t) => (t.code === 'real-estate' ? { ...t, perPersonDailyCap: 2 } : t)),
  };
}

async function openHall() {
  const h = await halls.open({ hall: cappedHall() });
  const read = await kioskCardReads(h.kiosk, h.clock.now);
  const take = (idCard?: string, requestId = rid('card')) =>
    h.kiosk.post('/api/tickets', { windowType: 'real-estate', requestId, ...(idCard !== undefined && { idCard }) });
  return { ...h, read, take };
}

describe('tickets taken with the resident ID card (每人每日限取)', () => {
  it('refuses a capped type at a kiosk without a card, naming idCard', async () => {
    const h = await openHall();
    const e = await refused(h.take(), 400, 'id_card_required');
    expect(e.fields).toEqual([{ path: 'idCard', message: expect.stringMatching(/resident ID card/) }]);
  });

  it("takes the card's tickets up to the cap, then refuses that card alone; another card still takes one", async () => {
    const h = await openHall();
    await ok('issueTicket', h.take(h.read(ZHANG)));
    await ok('issueTicket', h.take(h.read(ZHANG)));
    const e = await refused(h.take(h.read(ZHANG)), 409, 'per_person_cap');
    expect(e.message).not.toContain(ZHANG.slice(-4));
    await ok('issueTicket', h.take(h.read(LI)));
  });

  it('counts a retried request once: the same requestId returns the first ticket and spends no more of the cap', async () => {
    const h = await openHall();
    const proof = h.read(ZHANG);
    const first = await ok('issueTicket', h.take(proof, 'retried-card-ticket-1'));
    const again = await ok('issueTicket', h.take(proof, 'retried-card-ticket-1'));
    expect(again.ticket.number).toBe(first.ticket.number);
    await ok('issueTicket', h.take(h.read(ZHANG)));
  });

  it('lets staff issue a capped type without a card (the guide desk for a citizen who has none)', async () => {
    const h = await openHall();
    const guide = api(h.server.url, await login(h.server.url, 'c02', 'demo'));
    await ok('issueTicket', guide.post('/api/tickets', { windowType: 'real-estate', requestId: rid() }));
  });

  it('leaves types without the cap as they were: no card asked for, a card accepted and not needed', async () => {
    const h = await openHall();
    await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    await ok(
      'issueTicket',
      h.kiosk.post('/api/tickets', { windowType: 'personal', idCard: h.read(ZHANG), requestId: rid() }),
    );
  });

  it('refuses a read older than ten minutes, one sealed by another hall, and an altered one, each naming idCard', async () => {
    const h = await openHall();
    const old = h.read(ZHANG, new Date(h.clock.now().getTime() - 11 * 60_000));
    expect((await refused(h.take(old), 400, 'validation_failed')).fields?.[0]?.path).toBe('idCard');
    const stranger = sealCardProof(ZHANG, cardKeys(randomBytes(32)), h.clock.now().getTime());
    expect((await refused(h.take(stranger), 400, 'validation_failed')).message).toMatch(/not sealed by a kiosk/);
    const proof = h.read(ZHANG);
    const altered = proof.slice(0, 30) + (proof[30] === 'A' ? 'B' : 'A') + proof.slice(31);
    await refused(h.take(altered), 400, 'validation_failed');
  });

  it('keeps the keyed hash and last four of each ticket taken by card, never the number', async () => {
    const h = await openHall();
    const { ticket } = await ok('issueTicket', h.take(h.read(ZHANG)));
    await h.server.close();
    const db = new Database(`${h.server.dataDir}/hallq.sqlite`, { readonly: true });
    const row = db.prepare('SELECT * FROM card_tickets').get() as Record<string, string>;
    db.close();
    expect(row).toMatchObject({ ticket_id: ticket.id, window_type: 'real-estate', id_last4: '123X' });
    expect(row.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(ZHANG.slice(0, 14));
  });

  it("gives the hall's ID-number key to kiosk keys only", async () => {
    const h = await openHall();
    await ok('idCardKey', h.kiosk.get('/api/kiosk/id-card-key'));
    const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    await refused(manager.get('/api/kiosk/id-card-key'), 403, 'forbidden');
    await refused(api(h.server.url, 'demo-display').get('/api/kiosk/id-card-key'), 403, 'forbidden');
    await refused(api(h.server.url, 'demo-locker').get('/api/kiosk/id-card-key'), 403, 'forbidden');
    await refused(api(h.server.url).get('/api/kiosk/id-card-key'), 401, 'unauthorized');
  });
});
