import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { GuideCall } from '@hallq/shared/contracts';
import { GuideCall as GuideCallSchema } from '@hallq/shared/contracts';
import type { Ticket, WindowState } from '@hallq/shared/domain';
import { Ticket as TicketSchema, WindowState as WindowStateSchema } from '@hallq/shared/domain';
import type { KeyName } from '../db/installation-keys';
import type { HallDatabase } from '../db/open-database';
import { Journal } from './journal';
import { SettingsStore } from './settings-store';
import { RatingStore } from './rating-store';
import { CardTicketStore } from './card-ticket-store';
import { RatingUploadStore } from './rating-upload-store';
import { readJson, readRow } from './stored-row';

export interface StoredRequest {
  route: string;
  actor: string;
  status: number;
  response: unknown;
}

export interface SessionRow {
  staffId: string;
  window: number | null;
  expiresAt: string;
  revokedAt: string | null;
}

export const AppointmentRow = z.object({
  code: z.string(),
  hallDay: z.string(),
  windowType: z.string(),
  serviceItem: z.string().nullable(),
  slotStart: z.string(),
  ticketId: z.string().nullable(),
});
export type AppointmentRow = z.infer<typeof AppointmentRow>;

/** What an ID card check-in keeps of the number: a keyed hash to find the booking, the last four to confirm it. */
export interface IdNumberDigest {
  hash: string;
  last4: string;
}

const GUIDE_CALL_COLUMNS = `id, kiosk, zone, reason, called_at AS calledAt, answered_at AS answeredAt, answered_by AS answeredBy`;

interface TicketRow {
  data: string;
  status_token: string;
}

/**
 * The hall's SQL: tickets, windows, idempotent answers, sessions, appointments, guide calls, with the journal and the
 * ratings as parts of their own. Writes go to the write handle and must run inside `transaction`;
 * `readTicketByToken` uses the read handle. Stored rows are read back through their schemas.
 */
export class HallStore {
  /** The database file: the report worker opens it read-only on its own. */
  readonly databasePath: string;
  readonly journal: Journal;
  readonly ratings: RatingStore;
  readonly ratingUploads: RatingUploadStore;
  readonly settings: SettingsStore;
  readonly cardTickets: CardTicketStore;
  private readonly w: HallDatabase['write'];
  private readonly storage: HallDatabase['storage'];
  private readonly keys: HallDatabase['keys'];
  private readonly s: Record<string, Statement>;
  private readonly ticketByToken: Statement;

  constructor(db: HallDatabase) {
    this.databasePath = db.path;
    this.w = db.write;
    this.storage = db.storage;
    this.keys = db.keys;
    this.journal = new Journal(db.write);
    this.ratings = new RatingStore(db.write);
    this.ratingUploads = new RatingUploadStore(db.write);
    this.settings = new SettingsStore(db.write);
    this.cardTickets = new CardTicketStore(db.write);
    this.ticketByToken = db.read.prepare('SELECT data FROM tickets WHERE status_token = ?');
    const p = (sql: string) => this.w.prepare(sql);
    this.s = {
      ticketsOfDay: p('SELECT data, status_token FROM tickets WHERE hall_day = ?'),
      insertTicket: p(
        'INSERT INTO tickets (id, hall_day, number, state, window, status_token, issued_by, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      updateTicket: p('UPDATE tickets SET state = ?, window = ?, data = ? WHERE id = ?'),
      ticketById: p('SELECT data FROM tickets WHERE id = ?'),
      ticketIssuer: p('SELECT issued_by FROM tickets WHERE id = ?'),
      nextSequence: p(
        `INSERT INTO ticket_counters (hall_day, prefix, last_sequence) VALUES (?, ?, 1)
         ON CONFLICT (hall_day, prefix) DO UPDATE SET last_sequence = last_sequence + 1 RETURNING last_sequence`,
      ),
      sequencesOfDay: p('SELECT prefix, last_sequence FROM ticket_counters WHERE hall_day = ?'),
      windows: p('SELECT data FROM windows'),
      saveWindow: p(
        'INSERT INTO windows (number, data) VALUES (?, ?) ON CONFLICT (number) DO UPDATE SET data = excluded.data',
      ),
      reservedSeq: p('SELECT COALESCE(MAX(reserved), 0) AS reserved FROM event_seq'),
      reserveSeq: p(
        'INSERT INTO event_seq (id, reserved) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET reserved = MAX(reserved, excluded.reserved)',
      ),
      findRequest: p('SELECT route, actor, status, response FROM requests WHERE request_id = ?'),
      saveRequest: p('INSERT INTO requests (request_id, route, actor, status, response, at) VALUES (?, ?, ?, ?, ?, ?)'),
      insertSession: p(
        'INSERT INTO sessions (token_hash, staff_id, window, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      findSession: p(
        'SELECT staff_id AS staffId, window, expires_at AS expiresAt, revoked_at AS revokedAt FROM sessions WHERE token_hash = ?',
      ),
      revokeSession: p('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL'),
      revokeOtherSessionsOf: p(
        'UPDATE sessions SET revoked_at = ? WHERE staff_id = ? AND token_hash <> ? AND revoked_at IS NULL',
      ),
      revokeSessionsOf: p('UPDATE sessions SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL'),
      revokeExpiredSessions: p('UPDATE sessions SET revoked_at = ? WHERE revoked_at IS NULL AND expires_at <= ?'),
      insertAppointment: p(
        `INSERT INTO appointments (code, hall_day, window_type, service_item, slot_start, created_by, created_at, id_hash,
                                   id_last4) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      findAppointment: p(
        `SELECT code, hall_day AS hallDay, window_type AS windowType, service_item AS serviceItem, slot_start AS slotStart,
                ticket_id AS ticketId FROM appointments WHERE code = ? ORDER BY hall_day DESC LIMIT 1`,
      ),
      appointmentCodeTaken: p('SELECT 1 FROM appointments WHERE code = ? AND hall_day >= ? LIMIT 1'),
      appointmentsByIdHash: p(
        `SELECT code, hall_day AS hallDay, window_type AS windowType, service_item AS serviceItem, slot_start AS slotStart,
                ticket_id AS ticketId FROM appointments WHERE id_hash = ? AND hall_day = ?`,
      ),
      appointmentsOfDay: p(
        `SELECT a.code, a.hall_day AS hallDay, a.window_type AS windowType, a.service_item AS serviceItem,
                a.slot_start AS slotStart, a.ticket_id AS ticketId, a.id_hash IS NOT NULL AS byIdCard
         FROM appointments a WHERE a.hall_day = ? ORDER BY a.slot_start, a.code`,
      ),
      useAppointment: p('UPDATE appointments SET ticket_id = ? WHERE code = ? AND hall_day = ? AND ticket_id IS NULL'),
      insertGuideCall: p(
        'INSERT INTO guide_calls (id, hall_day, kiosk, zone, reason, called_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      guideCall: p(`SELECT ${GUIDE_CALL_COLUMNS} FROM guide_calls WHERE id = ?`),
      openGuideCallsOfDay: p(
        `SELECT ${GUIDE_CALL_COLUMNS} FROM guide_calls WHERE hall_day = ? AND answered_at IS NULL ORDER BY called_at, id`,
      ),
      answerGuideCall: p(
        'UPDATE guide_calls SET answered_at = ?, answered_by = ? WHERE id = ? AND answered_at IS NULL',
      ),
    };
  }

  /**
   * Runs `fn` in a transaction (a savepoint inside another); a commit or a storage failure is told to the watch. The
   * writer lock is taken at BEGIN (IMMEDIATE): while the checkpointer holds it for a TRUNCATE checkpoint, the write
   * waits under busy_timeout, where a deferred one that had already read would be refused at once (SQLITE_BUSY).
   */
  transaction<T>(fn: () => T): T {
    const outermost = !this.w.inTransaction;
    try {
      const result = this.w.transaction(fn).immediate();
      if (outermost) this.storage.committed();
      return result;
    } catch (error) {
      this.storage.failed(error);
      throw error;
    }
  }

  ticketsOfDay(hallDay: string): { ticket: Ticket; statusToken: string }[] {
    return (this.s.ticketsOfDay!.all(hallDay) as TicketRow[]).map((row) => ({
      ticket: readJson(TicketSchema, row.data, `ticket of ${hallDay}`),
      statusToken: row.status_token,
    }));
  }

  insertTicket(ticket: Ticket, statusToken: string, issuedBy: string): void {
    this.s.insertTicket!.run(
      ticket.id,
      ticket.hallDay,
      ticket.number,
      ticket.state,
      ticket.window,
      statusToken,
      issuedBy,
      JSON.stringify(ticket),
    );
  }

  updateTicket(ticket: Ticket): void {
    const result = this.s.updateTicket!.run(ticket.state, ticket.window, JSON.stringify(ticket), ticket.id);
    if (result.changes !== 1) throw new Error(`ticket ${ticket.id} is not in the database`);
  }

  /** A ticket of any day by its id, from the write handle (so inside a transaction it sees that transaction's writes). */
  readTicketById(id: string): Ticket | undefined {
    const row = this.s.ticketById!.get(id) as { data: string } | undefined;
    return row && readJson(TicketSchema, row.data, `ticket ${id}`);
  }

  /** Who issued a ticket (the journal's actor name, `kiosk:<id>` for a kiosk), or undefined for an unknown id. */
  ticketIssuer(id: string): string | undefined {
    return (this.s.ticketIssuer!.get(id) as { issued_by: string } | undefined)?.issued_by;
  }

  /** Atomically takes the next running number of a prefix for the day. */
  nextSequence(hallDay: string, prefix: string): number {
    return (this.s.nextSequence!.get(hallDay, prefix) as { last_sequence: number }).last_sequence;
  }

  sequencesOfDay(hallDay: string): Map<string, number> {
    const rows = this.s.sequencesOfDay!.all(hallDay) as { prefix: string; last_sequence: number }[];
    return new Map(rows.map((r) => [r.prefix, r.last_sequence]));
  }

  windows(): WindowState[] {
    return (this.s.windows!.all() as { data: string }[]).map((r) => readJson(WindowStateSchema, r.data, 'window'));
  }

  saveWindow(state: WindowState): void {
    this.s.saveWindow!.run(state.number, JSON.stringify(state));
  }

  /** The highest event sequence number reserved so far (0 when none was). */
  reservedSeq(): number {
    return (this.s.reservedSeq!.get() as { reserved: number }).reserved;
  }

  /** Durably reserves the event sequence up to `upTo`, in its own transaction. */
  reserveSeq(upTo: number): void {
    this.transaction(() => this.s.reserveSeq!.run(upTo));
  }

  findRequest(requestId: string): StoredRequest | undefined {
    const row = this.s.findRequest!.get(requestId) as
      { route: string; actor: string; status: number; response: string } | undefined;
    return row && { route: row.route, actor: row.actor, status: row.status, response: JSON.parse(row.response) };
  }

  saveRequest(requestId: string, req: StoredRequest, at: string): void {
    this.s.saveRequest!.run(requestId, req.route, req.actor, req.status, JSON.stringify(req.response), at);
  }

  insertSession(tokenHash: string, staffId: string, window: number | null, createdAt: string, expiresAt: string): void {
    this.s.insertSession!.run(tokenHash, staffId, window, createdAt, expiresAt);
  }

  findSession(tokenHash: string): SessionRow | undefined {
    return this.s.findSession!.get(tokenHash) as SessionRow | undefined;
  }

  revokeExpiredSessions(at: string): void {
    this.s.revokeExpiredSessions!.run(at, at);
  }

  /** Ends every session of a person (disabled, removed, their password reset). */
  revokeSessionsOf(staffId: string, at: string): void {
    this.s.revokeSessionsOf!.run(at, staffId);
  }

  /** Ends a person's sessions but the one they are using (they changed their password in it). */
  revokeOtherSessionsOf(staffId: string, keep: string, at: string): void {
    this.s.revokeOtherSessionsOf!.run(at, staffId, keep);
  }

  revokeSession(tokenHash: string, at: string): void {
    this.s.revokeSession!.run(at, tokenHash);
  }

  insertAppointment(
    a: Omit<AppointmentRow, 'ticketId'>,
    idNumber: IdNumberDigest | null,
    createdBy: string,
    createdAt: string,
  ): void {
    this.s.insertAppointment!.run(
      a.code,
      a.hallDay,
      a.windowType,
      a.serviceItem,
      a.slotStart,
      createdBy,
      createdAt,
      idNumber?.hash ?? null,
      idNumber?.last4 ?? null,
    );
  }

  /** The appointment booked with this code: the latest day's, as a code is reused once its day is past. */
  findAppointment(code: string): AppointmentRow | undefined {
    const row = this.s.findAppointment!.get(code);
    return row === undefined ? undefined : readRow(AppointmentRow, row, `appointment ${code}`);
  }

  /** Whether an appointment on `fromDay` or later holds this code (one not yet past: the code is not free). */
  appointmentCodeTaken(code: string, fromDay: string): boolean {
    return this.s.appointmentCodeTaken!.get(code, fromDay) !== undefined;
  }

  /** The day's appointments booked with this ID number hash, used or not. */
  appointmentsByIdHash(idHash: string, hallDay: string): AppointmentRow[] {
    return this.s.appointmentsByIdHash!.all(idHash, hallDay).map((row) => readRow(AppointmentRow, row, 'appointment'));
  }

  /** The day's appointments by slot, used or not, with whether an ID number was booked (never the number). */
  appointmentsOfDay(hallDay: string): (AppointmentRow & { byIdCard: boolean })[] {
    return this.s.appointmentsOfDay!.all(hallDay).map((row) => {
      const { byIdCard, ...rest } = row as { byIdCard: number };
      return { ...readRow(AppointmentRow, rest, 'appointment'), byIdCard: byIdCard === 1 };
    });
  }

  /** A key of this installation (from its key file, never from the database). */
  installationSecret(name: KeyName): Buffer {
    return this.keys[name];
  }

  insertGuideCall(call: GuideCall, hallDay: string): void {
    this.s.insertGuideCall!.run(call.id, hallDay, call.kiosk, call.zone, call.reason, call.calledAt);
  }

  guideCall(id: string): GuideCall | undefined {
    const row = this.s.guideCall!.get(id);
    return row === undefined ? undefined : readRow(GuideCallSchema, row, `guide call ${id}`);
  }

  /** The day's guide calls nobody has answered yet, oldest first. */
  openGuideCallsOfDay(hallDay: string): GuideCall[] {
    return this.s.openGuideCallsOfDay!.all(hallDay).map((row) => readRow(GuideCallSchema, row, 'guide call'));
  }

  answerGuideCall(id: string, answeredAt: string, answeredBy: string): void {
    const result = this.s.answerGuideCall!.run(answeredAt, answeredBy, id);
    if (result.changes !== 1) throw new Error(`guide call ${id} was already answered`);
  }

  useAppointment(code: string, hallDay: string, ticketId: string): void {
    const result = this.s.useAppointment!.run(ticketId, code, hallDay);
    if (result.changes !== 1) throw new Error(`appointment ${code} was already used`);
  }

  /** A ticket of any day by its status token, from the read handle. */
  readTicketByToken(token: string): Ticket | undefined {
    const row = this.ticketByToken.get(token) as { data: string } | undefined;
    return row && readJson(TicketSchema, row.data, 'ticket of a status token');
  }
}
