import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../store/journal';
import { migrate } from '../migrate';

const DAY = '2026-11-23';

/** A row as a server at version 7 wrote it. */
function oldRow(db: Database.Database, type: string, data: object, at = `${DAY}T02:00:00.000Z`, window = 1) {
  db.prepare(
    `INSERT INTO journal (at, hall_day, type, actor, window, ticket_id, ticket_number, data)
     VALUES (?, ?, ?, 'staff:c01', ?, 't1', 'A001', ?)`,
  ).run(at, DAY, type, window, JSON.stringify(data));
}

describe('migration 0008-journal-past-tense (7 → 8)', () => {
  it('renames the old entry types to the past tense, the no-show command to noShow, and old rows read through the journal', () => {
    const db = new Database(':memory:');
    migrate(db, 7);
    const call = { window: 1, clerk: 'c01' };
    oldRow(db, 'ticket.issued', { windowType: 'personal', serviceItem: null, priority: null, appointment: null });
    oldRow(db, 'ticket.call', { command: { type: 'call', ...call }, from: 'waiting', to: 'called' });
    oldRow(
      db,
      'ticket.recall',
      { command: { type: 'recall', ...call }, from: 'called', to: 'called' },
      `${DAY}T02:01:00.000Z`,
    );
    oldRow(db, 'ticket.no_show', { command: { type: 'no_show', ...call }, from: 'called', to: 'no_show' });
    oldRow(db, 'window.login', { command: { type: 'login', clerk: 'c01', post: 'A' }, status: 'open' });
    oldRow(db, 'followup.assign', { id: 'f1', assignee: 'z01' });
    oldRow(db, 'locker.code_used', { locker: 'locker-1', usedAt: `${DAY}T01:00:00.000Z` });
    const served = {
      command: { type: 'finish', ...call, outcome: { kind: 'completed' } },
      from: 'serving',
      to: 'finished',
    };
    const finished = { ...served, windowType: 'personal', serviceItem: null, ticketDay: DAY, serviceMinutes: 6 };
    oldRow(db, 'ticket.finished', finished);
    // As written before the server recorded the ticket's own day.
    oldRow(db, 'ticket.finished', { ...served, windowType: 'personal', serviceItem: null, serviceMinutes: 9 });

    expect(migrate(db, 8)).toBe(8);
    expect(db.prepare('SELECT type FROM journal ORDER BY id').pluck().all()).toEqual([
      'ticket.issued',
      'ticket.called',
      'ticket.recalled',
      'ticket.markedNoShow',
      'window.loggedIn',
      'followup.assigned',
      'locker.usedCodeEntered',
      'ticket.finished',
      'ticket.finished',
    ]);

    const journal = new Journal(db);
    expect(journal.dataOfDay(DAY, 'ticket.markedNoShow')).toEqual([
      { command: { type: 'noShow', window: 1, clerk: 'c01' }, from: 'called', to: 'no_show' },
    ]);
    expect(journal.dataOfDay(DAY, 'ticket.finished', 'staff:c01').map((f) => [f.ticketDay, f.serviceMinutes])).toEqual([
      [DAY, 6],
      [undefined, 9],
    ]);
    // The call and the recall were given up on by the no-show after them (its old name read as the new one), so the
    // hall display's history holds neither.
    expect(journal.recentCalls(DAY, 10)).toEqual([]);
    // Append-only again once the rewrite is done.
    expect(() => db.prepare("UPDATE journal SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
  });

  it('leaves a journal with nothing to rename as it was', () => {
    const db = new Database(':memory:');
    migrate(db, 7);
    oldRow(db, 'ticket.finished', { command: { type: 'finish' }, from: 'serving', to: 'finished' });
    const before = db.prepare('SELECT * FROM journal').all();
    migrate(db, 8);
    expect(db.prepare('SELECT * FROM journal').all()).toEqual(before);
  });
});
