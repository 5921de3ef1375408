import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0012-rating-uploads (11 → 12)', () => {
  it('queues every rating a citizen made before it, in recorded order, and neither open nor unanswered requests', () => {
    const db = new Database(':memory:');
    migrate(db, 11);
    const rating = db.prepare(
      `INSERT INTO ratings (id, hall_day, ticket_id, ticket_number, window, clerk, window_type, service_item,
                            requested_at, expires_at, result, reason_code, recorded_at)
       VALUES (?, '2025-06-11', ?, 'A001', 3, 'c03', 'personal', NULL, 't', 't', ?, ?, ?)`,
    );
    rating.run('late', 't1', 'satisfied', null, '2025-06-11T03:00:00.000Z');
    rating.run('early', 't2', 'very_dissatisfied', 'long_wait', '2025-06-11T02:00:00.000Z');
    rating.run('unanswered', 't3', 'not_rated', null, '2025-06-11T02:30:00.000Z');
    rating.run('open', 't4', null, null, null);

    expect(migrate(db, 12)).toBe(12);

    expect(
      db.prepare('SELECT rating_id, queued_at, attempts, accepted_at FROM rating_uploads ORDER BY id').all(),
    ).toEqual([
      { rating_id: 'early', queued_at: '2025-06-11T02:00:00.000Z', attempts: 0, accepted_at: null },
      { rating_id: 'late', queued_at: '2025-06-11T03:00:00.000Z', attempts: 0, accepted_at: null },
    ]);
  });

  it('keeps each rating once, an error only on a failed attempt, and an accepted upload as it is', () => {
    const db = new Database(':memory:');
    migrate(db, 11);
    db.prepare(
      `INSERT INTO ratings (id, hall_day, ticket_id, ticket_number, window, window_type, requested_at, expires_at,
                            result, recorded_at) VALUES ('r1', '2025-06-11', 't1', 'A001', 3, 'personal', 't', 't',
                            'satisfied', '2025-06-11T02:00:00.000Z')`,
    ).run();
    migrate(db, 12);

    expect(() => db.prepare("INSERT INTO rating_uploads (rating_id, queued_at) VALUES ('r1', 't')").run()).toThrow(
      /UNIQUE/,
    );
    expect(() => db.prepare("UPDATE rating_uploads SET last_error = '500' WHERE rating_id = 'r1'").run()).toThrow(
      /CHECK/,
    );
    db.prepare(
      "UPDATE rating_uploads SET attempts = 1, last_attempt_at = 't2', last_error = '500' WHERE rating_id = 'r1'",
    ).run();
    db.prepare(
      "UPDATE rating_uploads SET attempts = 2, last_error = NULL, accepted_at = 't3' WHERE rating_id = 'r1'",
    ).run();
    expect(() => db.prepare("UPDATE rating_uploads SET accepted_at = 't4' WHERE rating_id = 'r1'").run()).toThrow(
      /never changes/,
    );
    expect(() => db.prepare('DELETE FROM rating_uploads').run()).toThrow(/never deleted/);
  });
});
