import type { Statement } from 'better-sqlite3';
import type { FollowUp, FollowUpNote, GuideCall, RatingRecord, RecentCall } from '@hallq/shared/contracts';
import type { RatingResult, Ticket, WindowState } from '@hallq/shared/domain';
import type { HallDatabase } from '../db/open-database';

export interface JournalEntry {
  at: string;
  hallDay: string;
  type: string;
  actor: string;
  window?: number | null;
  ticketId?: string | null;
  ticketNumber?: string | null;
  data?: unknown;
}

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

export interface AppointmentRow {
  code: string;
  hallDay: string;
  windowType: string;
  serviceItem: string | null;
  slotStart: string;
  ticketId: string | null;
}

/** What an ID card check-in keeps of the number: a keyed hash to find the booking, the last four to confirm it. */
export interface IdNumberDigest {
  hash: string;
  last4: string;
}

/** A rating request as stored: open while `result` is null. */
export interface RatingRow {
  id: string;
  hallDay: string;
  ticketId: string;
  ticketNumber: string;
  window: number;
  clerk: string | null;
  windowType: string;
  serviceItem: string | null;
  requestedAt: string;
  expiresAt: string;
  result: RatingResult | null;
  reasonCode: string | null;
  reasonText: string | null;
  recordedAt: string | null;
}

export type FollowUpRow = Omit<FollowUp, 'rating' | 'notes'> & { ratingId: string };

const RATING_COLUMNS = `id, hall_day AS hallDay, ticket_id AS ticketId, ticket_number AS ticketNumber, window, clerk,
  window_type AS windowType, service_item AS serviceItem, requested_at AS requestedAt, expires_at AS expiresAt, result,
  reason_code AS reasonCode, reason_text AS reasonText, recorded_at AS recordedAt`;
const FOLLOW_UP_COLUMNS = `id, rating_id AS ratingId, status, deadline, assignee, opened_at AS openedAt,
  closed_at AS closedAt, resolution`;

const GUIDE_CALL_COLUMNS = `id, kiosk, zone, reason, called_at AS calledAt, answered_at AS answeredAt, answered_by AS answeredBy`;

interface TicketRow {
  data: string;
  status_token: string;
}

/**
 * Every SQL statement of the hall in one place. Writes go to the write handle and must run inside `transaction`;
 * `readTicketByToken` uses the read handle.
 */
export class HallStore {
  private readonly w: HallDatabase['write'];
  private readonly s: Record<string, Statement>;
  private readonly ticketByToken: Statement;

  constructor(db: HallDatabase) {
    this.w = db.write;
    this.ticketByToken = db.read.prepare('SELECT data FROM tickets WHERE status_token = ?');
    const p = (sql: string) => this.w.prepare(sql);
    this.s = {
      ticketsOfDay: p('SELECT data, status_token FROM tickets WHERE hall_day = ?'),
      insertTicket: p(
        'INSERT INTO tickets (id, hall_day, number, state, window, status_token, issued_by, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      updateTicket: p('UPDATE tickets SET state = ?, window = ?, data = ? WHERE id = ?'),
      ticketById: p('SELECT data FROM tickets WHERE id = ?'),
      nextSequence: p(
        `INSERT INTO ticket_counters (hall_day, prefix, last_sequence) VALUES (?, ?, 1)
         ON CONFLICT (hall_day, prefix) DO UPDATE SET last_sequence = last_sequence + 1 RETURNING last_sequence`,
      ),
      sequencesOfDay: p('SELECT prefix, last_sequence FROM ticket_counters WHERE hall_day = ?'),
      windows: p('SELECT data FROM windows'),
      saveWindow: p(
        'INSERT INTO windows (number, data) VALUES (?, ?) ON CONFLICT (number) DO UPDATE SET data = excluded.data',
      ),
      journal: p(
        'INSERT INTO journal (at, hall_day, type, actor, window, ticket_id, ticket_number, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      journalOfDay: p('SELECT data FROM journal WHERE hall_day = ? AND type = ? ORDER BY id'),
      recentCallsOfDay: p(
        `SELECT ticket_number AS number, window, at, type = 'ticket.recall' AS recall FROM journal
         WHERE hall_day = ? AND type IN ('ticket.call', 'ticket.recall') ORDER BY id DESC LIMIT ?`,
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
      insertAppointment: p(
        `INSERT INTO appointments (code, hall_day, window_type, service_item, slot_start, created_by, created_at, id_hash,
                                   id_last4) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      findAppointment: p(
        `SELECT code, hall_day AS hallDay, window_type AS windowType, service_item AS serviceItem, slot_start AS slotStart,
                ticket_id AS ticketId FROM appointments WHERE code = ?`,
      ),
      appointmentsByIdHash: p(
        `SELECT code, hall_day AS hallDay, window_type AS windowType, service_item AS serviceItem, slot_start AS slotStart,
                ticket_id AS ticketId FROM appointments WHERE id_hash = ? AND hall_day = ?`,
      ),
      useAppointment: p('UPDATE appointments SET ticket_id = ? WHERE code = ? AND ticket_id IS NULL'),
      installationSecret: p('SELECT secret FROM installation_secrets WHERE name = ?'),
      insertGuideCall: p(
        'INSERT INTO guide_calls (id, hall_day, kiosk, zone, reason, called_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      guideCall: p(`SELECT ${GUIDE_CALL_COLUMNS} FROM guide_calls WHERE id = ?`),
      openGuideCallsOfDay: p(
        `SELECT ${GUIDE_CALL_COLUMNS} FROM guide_calls WHERE hall_day = ? AND answered_at IS NULL ORDER BY called_at, id`,
      ),
      insertRating: p(
        `INSERT INTO ratings (id, hall_day, ticket_id, ticket_number, window, clerk, window_type, service_item,
                              requested_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      recordRating: p(
        'UPDATE ratings SET result = ?, reason_code = ?, reason_text = ?, recorded_at = ? WHERE id = ? AND result IS NULL',
      ),
      rating: p(`SELECT ${RATING_COLUMNS} FROM ratings WHERE id = ?`),
      openRatings: p(`SELECT ${RATING_COLUMNS} FROM ratings WHERE result IS NULL ORDER BY requested_at, id`),
      ratingCounts: p(
        'SELECT result, COUNT(*) AS n FROM ratings WHERE hall_day = ? AND clerk = ? AND result IS NOT NULL GROUP BY result',
      ),
      insertFollowUp: p(
        "INSERT INTO follow_ups (id, rating_id, status, deadline, opened_at) VALUES (?, ?, 'open', ?, ?)",
      ),
      updateFollowUp: p('UPDATE follow_ups SET status = ?, assignee = ?, closed_at = ?, resolution = ? WHERE id = ?'),
      followUp: p(`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE id = ?`),
      followUpsNotClosed: p(
        `SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE status <> 'closed' ORDER BY deadline, opened_at, id`,
      ),
      insertFollowUpNote: p(
        'INSERT INTO follow_up_notes (follow_up_id, at, noted_by, text, called_back) VALUES (?, ?, ?, ?, ?)',
      ),
      followUpNotes: p(
        'SELECT at, noted_by AS "by", text, called_back AS calledBack FROM follow_up_notes WHERE follow_up_id = ? ORDER BY id',
      ),
      journalOfDayBy: p('SELECT data FROM journal WHERE hall_day = ? AND type = ? AND actor = ? ORDER BY id'),
      answerGuideCall: p(
        'UPDATE guide_calls SET answered_at = ?, answered_by = ? WHERE id = ? AND answered_at IS NULL',
      ),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.w.transaction(fn)();
  }

  ticketsOfDay(hallDay: string): { ticket: Ticket; statusToken: string }[] {
    return (this.s.ticketsOfDay!.all(hallDay) as TicketRow[]).map((row) => ({
      ticket: JSON.parse(row.data) as Ticket,
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
    return row && (JSON.parse(row.data) as Ticket);
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
    return (this.s.windows!.all() as { data: string }[]).map((r) => JSON.parse(r.data) as WindowState);
  }

  saveWindow(state: WindowState): void {
    this.s.saveWindow!.run(state.number, JSON.stringify(state));
  }

  journal(e: JournalEntry): void {
    this.s.journal!.run(
      e.at,
      e.hallDay,
      e.type,
      e.actor,
      e.window ?? null,
      e.ticketId ?? null,
      e.ticketNumber ?? null,
      JSON.stringify(e.data ?? {}),
    );
  }

  /** The day's latest calls and recalls from the journal, newest first: the hall display's history after a restart. */
  recentCallsOfDay(hallDay: string, limit: number): RecentCall[] {
    const rows = this.s.recentCallsOfDay!.all(hallDay, limit) as (Omit<RecentCall, 'recall'> & { recall: number })[];
    return rows.map((r) => ({ number: r.number, window: r.window, at: r.at, recall: r.recall === 1 }));
  }

  journalOfDay<T>(hallDay: string, type: string): T[] {
    return (this.s.journalOfDay!.all(hallDay, type) as { data: string }[]).map((r) => JSON.parse(r.data) as T);
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

  findAppointment(code: string): AppointmentRow | undefined {
    return this.s.findAppointment!.get(code) as AppointmentRow | undefined;
  }

  /** The day's appointments booked with this ID number hash, used or not. */
  appointmentsByIdHash(idHash: string, hallDay: string): AppointmentRow[] {
    return this.s.appointmentsByIdHash!.all(idHash, hallDay) as AppointmentRow[];
  }

  /** A secret of this installation, created by its migration. */
  installationSecret(name: string): Buffer {
    const secret = this.s.installationSecret!.pluck().get(name) as Buffer | undefined;
    if (!secret) throw new Error(`the database has no installation secret ${name}`);
    return secret;
  }

  insertGuideCall(call: GuideCall, hallDay: string): void {
    this.s.insertGuideCall!.run(call.id, hallDay, call.kiosk, call.zone, call.reason, call.calledAt);
  }

  guideCall(id: string): GuideCall | undefined {
    return this.s.guideCall!.get(id) as GuideCall | undefined;
  }

  /** The day's guide calls nobody has answered yet, oldest first. */
  openGuideCallsOfDay(hallDay: string): GuideCall[] {
    return this.s.openGuideCallsOfDay!.all(hallDay) as GuideCall[];
  }

  answerGuideCall(id: string, answeredAt: string, answeredBy: string): void {
    const result = this.s.answerGuideCall!.run(answeredAt, answeredBy, id);
    if (result.changes !== 1) throw new Error(`guide call ${id} was already answered`);
  }

  insertRating(r: RatingRow): void {
    this.s.insertRating!.run(
      r.id,
      r.hallDay,
      r.ticketId,
      r.ticketNumber,
      r.window,
      r.clerk,
      r.windowType,
      r.serviceItem,
      r.requestedAt,
      r.expiresAt,
    );
  }

  /** Ends an open request with its result; a request already ended is a bug in the caller. */
  recordRating(record: RatingRecord): void {
    const { result, reason, recordedAt, id } = record;
    const changes = this.s.recordRating!.run(
      result,
      reason?.code ?? null,
      reason?.text ?? null,
      recordedAt,
      id,
    ).changes;
    if (changes !== 1) throw new Error(`rating ${id} is not open`);
  }

  rating(id: string): RatingRow | undefined {
    return this.s.rating!.get(id) as RatingRow | undefined;
  }

  /** Rating requests of any day still waiting for an answer, oldest first. */
  openRatings(): RatingRow[] {
    return this.s.openRatings!.all() as RatingRow[];
  }

  /** How a clerk's services of one day were rated, by result (results with none left out). */
  ratingCounts(hallDay: string, clerk: string): Map<RatingResult, number> {
    const rows = this.s.ratingCounts!.all(hallDay, clerk) as { result: RatingResult; n: number }[];
    return new Map(rows.map((r) => [r.result, r.n]));
  }

  insertFollowUp(f: { id: string; ratingId: string; deadline: string; openedAt: string }): void {
    this.s.insertFollowUp!.run(f.id, f.ratingId, f.deadline, f.openedAt);
  }

  updateFollowUp(f: FollowUpRow): void {
    this.s.updateFollowUp!.run(f.status, f.assignee, f.closedAt, f.resolution, f.id);
  }

  followUp(id: string): FollowUpRow | undefined {
    return this.s.followUp!.get(id) as FollowUpRow | undefined;
  }

  /** Follow-ups not yet closed, the nearest deadline first. */
  followUpsNotClosed(): FollowUpRow[] {
    return this.s.followUpsNotClosed!.all() as FollowUpRow[];
  }

  insertFollowUpNote(followUpId: string, note: FollowUpNote): void {
    this.s.insertFollowUpNote!.run(followUpId, note.at, note.by, note.text, note.calledBack ? 1 : 0);
  }

  followUpNotes(followUpId: string): FollowUpNote[] {
    const rows = this.s.followUpNotes!.all(followUpId) as (Omit<FollowUpNote, 'calledBack'> & { calledBack: number })[];
    return rows.map((n) => ({ ...n, calledBack: n.calledBack === 1 }));
  }

  /** One actor's journal entries of one type and day, oldest first. */
  journalOfDayBy<T>(hallDay: string, type: string, actor: string): T[] {
    return (this.s.journalOfDayBy!.all(hallDay, type, actor) as { data: string }[]).map((r) => JSON.parse(r.data) as T);
  }

  useAppointment(code: string, ticketId: string): void {
    const result = this.s.useAppointment!.run(ticketId, code);
    if (result.changes !== 1) throw new Error(`appointment ${code} was already used`);
  }

  /** A ticket of any day by its status token, from the read handle. */
  readTicketByToken(token: string): Ticket | undefined {
    const row = this.ticketByToken.get(token) as { data: string } | undefined;
    return row && (JSON.parse(row.data) as Ticket);
  }
}
