import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { RecentCall } from '@hallq/shared/contracts';
import {
  CompartmentSize,
  DoorReport,
  GuideCall,
  NoticeKind,
  NoticeSenderKind,
  OpenCommand,
  RetrieveRequest,
} from '@hallq/shared/contracts';
import type { JournalEntryBase, TicketCommand, WindowCommand } from '@hallq/shared/domain';
import {
  CompartmentFault,
  CompartmentState,
  Keypad,
  Post,
  PriorityGroup,
  RatingResult,
  TicketState,
  WindowStatus,
} from '@hallq/shared/domain';
import type { HallDatabase } from '../db/open-database';
import { readJson } from './stored-row';

/** A state machine's command as journaled: the domain's own type, checked on reading only for its name. */
const command = <C extends { type: string }>() =>
  z.custom<C>((v) => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string');

/** A ticket moved from one state to another by a command. */
const TicketMoved = z.object({ command: command<TicketCommand>(), from: TicketState, to: TicketState });

/** A ticket left its window for good or for another: what the statistics need of the service. */
const TicketServed = TicketMoved.extend({
  windowType: z.string(),
  serviceItem: z.string().nullable(),
  /**
   * The ticket's own day: a service finished after midnight belongs to no day's pace. Rows written before the server
   * recorded it have none, and count for no day's pace either.
   */
  ticketDay: z.string().optional(),
  serviceMinutes: z.number().optional(),
  waitMinutes: z.number().optional(),
});

const WindowChanged = z.object({ command: command<WindowCommand>(), status: WindowStatus });

const Handover = RetrieveRequest.shape.handover;
const InLocker = { locker: z.string(), compartment: z.string() };

/**
 * Every kind of journal entry, by its one name in the past tense (what happened), with the schema of its `data`. The
 * writer is typed by it and every query reads through it; rows written under the older names (`ticket.call`,
 * `window.login` …) were renamed by migration 0008.
 */
export const journalData = {
  'ticket.issued': z.object({
    windowType: z.string(),
    serviceItem: z.string().nullable(),
    priority: PriorityGroup.nullable(),
    appointment: z.string().nullable(),
  }),
  'ticket.called': TicketMoved,
  'ticket.recalled': TicketMoved,
  'ticket.started': TicketMoved,
  'ticket.markedNoShow': TicketMoved,
  'ticket.finished': TicketServed,
  'ticket.transferred': TicketServed,
  'ticket.cancelled': TicketMoved,
  'ticket.reactivated': TicketMoved,
  'appointment.created': z.object({
    code: z.string(),
    windowType: z.string(),
    slotStart: z.string(),
    idCard: z.boolean(),
  }),
  'window.loggedIn': WindowChanged,
  'window.loggedOut': WindowChanged,
  'window.paused': WindowChanged,
  'window.resumed': WindowChanged,
  /** The other post logged in while a citizen was served: the window passes to them when that service ends. */
  'window.takeoverAwaited': z.object({ clerk: z.string(), post: Post, serving: z.string() }),
  /** The window passed to the clerk who waited for the service to end (or took it over at once, citizen and all). */
  'window.handedOver': z.object({
    from: z.string().nullable(),
    to: z.string(),
    post: Post,
    ticket: z.string().nullable(),
  }),
  'guide.called': z.object({ id: z.string(), zone: z.string(), reason: GuideCall.shape.reason }),
  'guide.answered': z.object({ id: z.string(), kiosk: z.string(), waitMinutes: z.number() }),
  'rating.requested': z.object({ id: z.string(), clerk: z.string().nullable(), expiresAt: z.string() }),
  'rating.recorded': z.object({
    id: z.string(),
    ratingDay: z.string(),
    clerk: z.string().nullable(),
    windowType: z.string(),
    serviceItem: z.string().nullable(),
    result: RatingResult,
    reason: z.object({ code: z.string(), text: z.string().nullable() }).nullable(),
  }),
  'followup.opened': z.object({ id: z.string(), rating: z.string(), deadline: z.string() }),
  'followup.assigned': z.object({ id: z.string(), assignee: z.string() }),
  'followup.noted': z.object({ id: z.string(), calledBack: z.boolean() }),
  'followup.closed': z.object({ id: z.string(), overdue: z.boolean() }),
  'locker.deposited': z.object({
    ...InLocker,
    itemId: z.string(),
    caseNumber: z.string(),
    size: CompartmentSize,
  }),
  /** A door command was issued (it goes out to the locker after the commit). */
  'locker.commandIssued': OpenCommand.extend({ locker: z.string() }),
  'locker.doorReported': z.object({
    locker: z.string(),
    commandId: z.string(),
    report: DoorReport,
    detail: z.string().nullable(),
    compartment: z.string().nullable(),
    applied: z.boolean(),
    state: CompartmentState.optional(),
  }),
  'locker.stored': z.object({ ...InLocker, itemId: z.string() }),
  'locker.codeAccepted': z.object({ ...InLocker, itemId: z.string() }),
  'locker.wrongCodeEntered': Keypad.extend({ locker: z.string() }),
  /** A code that already opened its door, entered again: the applicant is told, and it is no guess. */
  'locker.usedCodeEntered': z.object({ locker: z.string(), usedAt: z.string() }),
  'locker.codeRefused': z.object({ locker: z.string(), lockedUntil: z.string().nullable() }),
  'locker.collected': z.object({
    ...InLocker,
    itemId: z.string(),
    caseNumber: z.string(),
    by: z.union([z.literal('applicant'), Handover]),
  }),
  'locker.retrieved': z.object({
    ...InLocker,
    itemId: z.string(),
    caseNumber: z.string(),
    handover: Handover,
    from: CompartmentState,
  }),
  /** The manager relayed a pickup notice to the applicant; it was erased then (before the notice queue, 0015). */
  'locker.noticeSent': z.object({ ...InLocker, noticeId: z.string(), itemId: z.string() }),
  'locker.faulted': CompartmentFault.extend(InLocker),
  /** The manager had a failed (or never delivered) notice tried again, handed one to the window, or relayed one. */
  'notice.resent': z.object({ noticeId: z.string(), kind: NoticeKind }),
  'notice.handedToWindow': z.object({ noticeId: z.string(), kind: NoticeKind }),
  'notice.relayed': z.object({ noticeId: z.string(), kind: NoticeKind }),
  /** The manager queued a test SMS (its phone is the notice's alone, erased with it). */
  'notice.testQueued': z.object({ noticeId: z.string(), sender: NoticeSenderKind }),
  'locker.faultResolved': z.object({
    ...InLocker,
    fault: CompartmentFault.nullable(),
    itemId: z.string().nullable(),
    handover: Handover.nullable(),
  }),
  /** A new version of the settings (the console, a rollback, an import, a changed hall file at a start). */
  'settings.changed': z.object({
    version: z.number().int(),
    source: z.enum(['file', 'console', 'rollback', 'import']),
    sections: z.array(z.string()),
    rolledBackTo: z.number().int().nullable(),
  }),
  /** The manager gave a person a one-time password; never the password. */
  'staff.passwordReset': z.object({ staffId: z.string() }),
  /** A person chose their own password. */
  'staff.passwordChanged': z.object({ staffId: z.string() }),
  /** A device was given a new key (its old one stopped working), or lost its key; never the key. */
  'device.keyIssued': z.object({ deviceId: z.string() }),
  'device.keyRevoked': z.object({ deviceId: z.string() }),
} as const;

export type JournalType = keyof typeof journalData;
export type JournalData<T extends JournalType> = z.infer<(typeof journalData)[T]>;

/** One journal entry: who did what, when, on which hall day, at which window, to which ticket. */
export type JournalEntry<T extends JournalType = JournalType> = {
  [K in T]: JournalEntryBase & { type: K; data: JournalData<K> };
}[T];

/**
 * The journal: append-only (a trigger refuses UPDATE and DELETE), written inside the write's transaction, read back
 * through the schemas above.
 */
export class Journal {
  private readonly insert: Statement;
  private readonly ofDay: Statement;
  private readonly ofDayBy: Statement;
  private readonly calls: Statement;
  private readonly ofTicket: Statement;
  private readonly any: Statement;

  /** On the write handle: inside a write's transaction, reads see its own writes. */
  constructor(db: HallDatabase['write']) {
    const p = (sql: string) => db.prepare(sql);
    this.insert = p(
      'INSERT INTO journal (at, hall_day, type, actor, window, ticket_id, ticket_number, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.ofDay = p('SELECT id, data FROM journal WHERE hall_day = ? AND type = ? ORDER BY id');
    this.ofDayBy = p('SELECT id, data FROM journal WHERE hall_day = ? AND type = ? AND actor = ? ORDER BY id');
    this.ofTicket = p(
      'SELECT at, type, actor, window FROM journal WHERE hall_day = ? AND ticket_number = ? ORDER BY id',
    );
    this.any = p('SELECT 1 FROM journal LIMIT 1');
    // A call given up on (the ticket marked no-show at that window later) no longer sends anyone there.
    this.calls = p(
      `SELECT c.ticket_number AS number, c.window, c.at, c.type = ? AS recall FROM journal c
       WHERE c.hall_day = ? AND c.type IN (?, ?)
         AND NOT EXISTS (SELECT 1 FROM journal n WHERE n.hall_day = c.hall_day AND n.type = ?
                         AND n.ticket_number = c.ticket_number AND n.window = c.window AND n.id > c.id)
       ORDER BY c.id DESC LIMIT ?`,
    );
  }

  write(e: JournalEntry): void {
    this.insert.run(
      e.at,
      e.hallDay,
      e.type,
      e.actor,
      e.window ?? null,
      e.ticketId ?? null,
      e.ticketNumber ?? null,
      JSON.stringify(e.data),
    );
  }

  /** Whether nothing was ever journaled: a database no hall has worked in yet. */
  isEmpty(): boolean {
    return this.any.get() === undefined;
  }

  /** The data of one type's entries of a day, oldest first; of one actor's only, when named. */
  dataOfDay<T extends JournalType>(hallDay: string, type: T, actor?: string): JournalData<T>[] {
    const rows = (actor === undefined ? this.ofDay.all(hallDay, type) : this.ofDayBy.all(hallDay, type, actor)) as {
      id: number;
      data: string;
    }[];
    return rows.map((r) => readJson(journalData[type], r.data, `journal row ${r.id} (${type})`) as JournalData<T>);
  }

  /** What happened to one ticket of the day, oldest first: entry type, who, where (the guide desk's history). */
  ticketHistory(hallDay: string, number: string): { at: string; type: string; actor: string; window: number | null }[] {
    return this.ofTicket.all(hallDay, number) as { at: string; type: string; actor: string; window: number | null }[];
  }

  /** The day's latest calls, newest first, without those given up on (过号). */
  recentCalls(hallDay: string, limit: number): RecentCall[] {
    const recalled: JournalType = 'ticket.recalled';
    const called: JournalType = 'ticket.called';
    const noShow: JournalType = 'ticket.markedNoShow';
    const rows = this.calls.all(recalled, hallDay, called, recalled, noShow, limit) as (Omit<RecentCall, 'recall'> & {
      recall: number;
    })[];
    return rows.map((r) => ({ number: r.number, window: r.window, at: r.at, recall: r.recall === 1 }));
  }
}
