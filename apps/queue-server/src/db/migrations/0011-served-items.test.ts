import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0011-served-items (10 → 11)', () => {
  it('gives a finished ticket its kiosk item as served, and every other ticket none, keeping the rest as it was', () => {
    const db = new Database(':memory:');
    migrate(db, 10);
    const insert = db.prepare(
      `INSERT INTO tickets (id, hall_day, number, state, window, status_token, issued_by, data)
       VALUES (?, '2026-11-20', ?, ?, NULL, ?, 'device:k1', ?)`,
    );
    const stored = (id: string, state: string, serviceItem: string | null) =>
      JSON.stringify({ id, state, serviceItem, outcome: state === 'finished' ? { kind: 'completed' } : null });
    insert.run('a', 'A001', 'finished', 'tok-a', stored('a', 'finished', 'SB-01'));
    insert.run('b', 'A002', 'finished', 'tok-b', stored('b', 'finished', null));
    insert.run('c', 'A003', 'waiting', 'tok-c', stored('c', 'waiting', 'SB-01'));
    insert.run('d', 'A004', 'transferred', 'tok-d', stored('d', 'transferred', 'SB-02'));

    expect(migrate(db, 11)).toBe(11);

    const rows = db.prepare('SELECT id, data FROM tickets ORDER BY id').all() as { id: string; data: string }[];
    const data = Object.fromEntries(rows.map((r) => [r.id, JSON.parse(r.data) as Record<string, unknown>]));
    expect(data.a).toEqual({
      id: 'a',
      state: 'finished',
      serviceItem: 'SB-01',
      outcome: { kind: 'completed' },
      servedItems: ['SB-01'],
    });
    expect(data.b?.servedItems).toEqual([]);
    expect(data.c?.servedItems).toEqual([]);
    expect(data.d).toEqual({ id: 'd', state: 'transferred', serviceItem: 'SB-02', outcome: null, servedItems: [] });
  });
});
