import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0005-ratings (4 → 5)', () => {
  it('keeps the day’s tickets and adds ratings, one open request per window, final once recorded, with follow-ups', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    db.prepare(
      `INSERT INTO tickets (id, hall_day, number, state, window, status_token, issued_by, data)
       VALUES ('t1', '2026-11-23', 'A001', 'finished', 3, 'tok1', 'kiosk:kiosk-1', '{}')`,
    ).run();
    expect(migrate(db, 5)).toBe(5);
    expect(db.prepare('SELECT number FROM tickets').pluck().get()).toBe('A001');

    const request = db.prepare(
      `INSERT INTO ratings (id, hall_day, ticket_id, ticket_number, window, clerk, window_type, service_item,
                            requested_at, expires_at) VALUES (?, '2026-11-23', ?, 'A001', ?, 'c03', 'personal', NULL, 't', 't')`,
    );
    request.run('r1', 't1', 3);
    expect(() => request.run('r2', 't2', 3)).toThrow(/UNIQUE/);
    expect(() => request.run('r3', 't1', 4)).toThrow(/UNIQUE/); // 一次一评
    const record = db.prepare(
      'UPDATE ratings SET result = ?, reason_code = ?, reason_text = NULL, recorded_at = ? WHERE id = ?',
    );
    expect(() => record.run('dissatisfied', null, 't2', 'r1')).toThrow(/CHECK/);
    expect(() => record.run('satisfied', 'long_wait', 't2', 'r1')).toThrow(/CHECK/);
    record.run('dissatisfied', 'long_wait', 't2', 'r1');
    expect(() => record.run('satisfied', null, 't3', 'r1')).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM ratings').run()).toThrow(/never deleted/);
    request.run('r2', 't2', 3); // the window's request is answered: the next may open

    db.prepare(
      `INSERT INTO follow_ups (id, rating_id, status, deadline, opened_at) VALUES ('f1', 'r1', 'open', '2026-11-30', 't')`,
    ).run();
    expect(() => db.prepare(`UPDATE follow_ups SET status = 'closed', closed_at = 't' WHERE id = 'f1'`).run()).toThrow(
      /CHECK/,
    );
    db.prepare(
      `INSERT INTO follow_up_notes (follow_up_id, at, noted_by, text, called_back) VALUES ('f1', 't', 'admin', 'x', 1)`,
    ).run();
    expect(() => db.prepare('UPDATE follow_up_notes SET text = ?').run('y')).toThrow(/append-only/);
  });
});
