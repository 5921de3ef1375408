import type { Statement } from 'better-sqlite3';
import type { CardIdentity } from '@hallq/devices';
import type { HallDatabase } from '../db/open-database';

/** The SQL of tickets taken by ID card (`card_tickets`): what the per-person cap counts. */
export class CardTicketStore {
  private readonly s: Record<'insert' | 'count', Statement>;

  /** On the write handle: both run inside the transaction, so the count and the new row cannot race. */
  constructor(db: HallDatabase['write']) {
    this.s = {
      insert: db.prepare(
        'INSERT INTO card_tickets (ticket_id, hall_day, window_type, id_hash, id_last4) VALUES (?, ?, ?, ?, ?)',
      ),
      count: db.prepare(
        'SELECT COUNT(*) AS n FROM card_tickets WHERE id_hash = ? AND hall_day = ? AND window_type = ?',
      ),
    };
  }

  record(ticketId: string, hallDay: string, windowType: string, card: CardIdentity): void {
    this.s.insert.run(ticketId, hallDay, windowType, card.hash, card.last4);
  }

  /** Tickets of the type this card took on the day, whatever became of them. */
  takenToday(card: CardIdentity, hallDay: string, windowType: string): number {
    return (this.s.count.get(card.hash, hallDay, windowType) as { n: number }).n;
  }
}
