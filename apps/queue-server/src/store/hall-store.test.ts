import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { openDatabase, type HallDatabase } from '../db/open-database';
import { HallStore } from './hall-store';
import { LockerStore } from './locker-store';

const DAY = '2026-11-23';

/** Rows exactly as a server of database version 7 (before the stored rows were read through schemas) wrote them. */
const V7 = {
  ticket: `{"id":"t1","hallDay":"${DAY}","number":"A001","sequence":1,"windowType":"personal","serviceItem":null,"priority":null,"appointment":null,"state":"finished","calls":1,"window":3,"clerk":"c03","rank":1795399200000,"transfer":null,"outcome":{"kind":"accepted","promisedDate":"2026-11-30","caseNumber":"SX-1"},"issuedAt":"${DAY}T02:00:00.000Z","calledAt":"${DAY}T02:01:00.000Z","startedAt":"${DAY}T02:02:00.000Z","finishedAt":"${DAY}T02:08:00.000Z"}`,
  window: `{"number":3,"status":"paused","pauseReason":"lunch","clerk":"c03","post":"A","currentTicket":null,"priorityStreak":0,"since":"${DAY}T04:00:00.000Z"}`,
  compartment: `{"locker":"locker-1","number":"A03","size":"M","state":"occupied","item":{"id":"i1","caseNumber":"LS-1","description":"营业执照","applicantName":"张*","registeredBy":"staff:c20","registeredAt":"${DAY}T02:00:00.000Z","storedAt":"${DAY}T02:01:00.000Z"},"command":null,"codeHash":"ab12","fault":null}`,
};

const opened: HallDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

function database(): HallDatabase {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'hallq-store-')));
  opened.push(db);
  return db;
}

/** A database migrated to `version` only, to write rows as that version did; `open` then upgrades it as a server would. */
function databaseAt(version: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hallq-store-'));
  const raw = new Database(join(dir, 'hallq.sqlite'));
  migrate(raw, version);
  return {
    run: (sql: string, ...values: unknown[]) => raw.prepare(sql).run(...values),
    open: () => {
      raw.close();
      const db = openDatabase(dir);
      opened.push(db);
      return db;
    },
  };
}

describe('stored rows read back through their schemas', () => {
  it('reads a ticket, a window, a rating with its reason, a follow-up and a compartment as version 7 stored them', () => {
    const v7 = databaseAt(7);
    const run = v7.run;
    run(
      `INSERT INTO tickets (id, hall_day, number, state, window, status_token, issued_by, data)
       VALUES ('t1', ?, 'A001', 'finished', 3, 'tok1', 'kiosk:kiosk-1', ?)`,
      DAY,
      V7.ticket,
    );
    run('INSERT INTO windows (number, data) VALUES (3, ?)', V7.window);
    run(
      `INSERT INTO ratings (id, hall_day, ticket_id, ticket_number, window, clerk, window_type, service_item,
                            requested_at, expires_at) VALUES ('r1', ?, 't1', 'A001', 3, 'c03', 'personal', NULL, 'a', 'b')`,
      DAY,
    );
    run("UPDATE ratings SET result = 'dissatisfied', reason_code = 'attitude', reason_text = NULL, recorded_at = 'c'");
    run(
      `INSERT INTO follow_ups (id, rating_id, status, deadline, opened_at) VALUES ('f1', 'r1', 'open', '2026-11-30', 'c')`,
    );
    run(
      `INSERT INTO follow_up_notes (follow_up_id, at, noted_by, text, called_back) VALUES ('f1', 'd', 'admin', '回访', 1)`,
    );
    run(
      `INSERT INTO locker_compartments (locker, number, state, code_hash, data) VALUES ('locker-1', 'A03', 'occupied', 'ab12', ?)`,
      V7.compartment,
    );

    const db = v7.open();
    const store = new HallStore(db);
    // A ticket stored before tickets kept their language reads as taken in Chinese; one finished before finishes
    // recorded their items served none when it had no kiosk item (migration 0011).
    const ticket = { ...JSON.parse(V7.ticket), language: 'zh', servedItems: [] };
    expect(store.ticketsOfDay(DAY)).toEqual([{ ticket, statusToken: 'tok1' }]);
    expect(store.readTicketByToken('tok1')).toEqual(ticket);
    // A window stored before the A/B hand-over had no waiting clerk: it reads as having none.
    expect(store.windows()).toEqual([{ ...JSON.parse(V7.window), incoming: null }]);
    expect(store.ratings.rating('r1')).toMatchObject({
      result: 'dissatisfied',
      reason: { code: 'attitude', text: null },
      recordedAt: 'c',
    });
    expect(store.ratings.followUp('f1')).toMatchObject({ ratingId: 'r1', status: 'open', assignee: null });
    expect(store.ratings.notes('f1')).toEqual([{ at: 'd', by: 'admin', text: '回访', calledBack: true }]);
    expect(new LockerStore(db).compartments()).toEqual([JSON.parse(V7.compartment)]);
  });

  it('refuses a stored row its schema does not accept, naming what it is, rather than passing it on', () => {
    const db = database();
    const damaged = JSON.stringify({ ...JSON.parse(V7.ticket), state: 'vanished' });
    db.write
      .prepare(
        `INSERT INTO tickets (id, hall_day, number, state, window, status_token, issued_by, data)
         VALUES ('t1', ?, 'A001', 'finished', 3, 'tok1', 'kiosk:kiosk-1', ?)`,
      )
      .run(DAY, damaged);
    expect(() => new HallStore(db).ticketsOfDay(DAY)).toThrow(/stored ticket of 2026-11-23 does not read/);
  });
});
