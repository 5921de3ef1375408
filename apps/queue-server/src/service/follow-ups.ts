import { randomUUID } from 'node:crypto';
import type {
  AssignFollowUpRequest,
  CloseFollowUpRequest,
  FollowUp,
  FollowUpResponse,
  HallConfig,
  HallEvent,
  NoteFollowUpRequest,
  NoticeStatus,
  RatingRecord,
  StaffConfig,
  StaffMember,
} from '@hallq/shared/contracts';
import type { FollowUpCommand, FollowUpResult } from '@hallq/shared/domain';
import {
  answersFor,
  assignmentProblem,
  departmentOfWindow,
  followUpTransition,
  openFollowUp,
  ratingRecordOf,
} from '@hallq/shared/domain';
import type { FollowUpRow } from '../store/rating-store';
import type { HallStore } from '../store/hall-store';
import type { JournalData } from '../store/journal';
import { ApiError } from './api-error';
import type { HallDay } from './hall-day';
import type { Actor, Reply, WritePipeline } from './write-pipeline';

type Success = Extract<FollowUpResult, { ok: true }>;

/** The most closed follow-ups the archive lists. */
const ARCHIVE_LIMIT = 5000;

/**
 * 回访整改: a bad rating's follow-up (call back, fix, reply), due within the hall's number of working days as the hall
 * calendar counts them; staff assign it, note what was done and close it. The rules are the domain's lifecycle.
 */
export class FollowUps {
  /** The settings in force, read at each use: a change in the console applies to the next request. */
  private get hall(): HallConfig {
    return this.today.hall;
  }

  /** 回访提醒 to the assignee; set once the notice queue has started (it starts after the hall's services). */
  private reminders: AssignmentReminders | null = null;

  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
    private readonly pipeline: WritePipeline,
  ) {}

  remindWith(reminders: AssignmentReminders): void {
    this.reminders = reminders;
  }

  /** Opens the follow-up of a bad rating inside the rating's write; its events, for after the savepoint. */
  open(rating: RatingRecord, now: Date, actor: Actor): HallEvent[] {
    const { followUp, events } = succeeded(openFollowUp(randomUUID(), rating, { now, hall: this.hall }));
    this.store.ratings.insertFollowUp({
      id: followUp.id,
      ratingId: rating.id,
      deadline: followUp.deadline,
      openedAt: followUp.openedAt,
    });
    this.store.journal.write({
      at: now.toISOString(),
      hallDay: this.today.day,
      type: 'followup.opened',
      actor,
      window: rating.window,
      ticketId: rating.ticketId,
      ticketNumber: rating.ticketNumber,
      data: { id: followUp.id, rating: rating.id, deadline: followUp.deadline },
    });
    return events;
  }

  /** Follow-ups not yet closed that `staff` answers for (the manager: all), the nearest deadline first. */
  notClosed(staff: StaffConfig): FollowUp[] {
    return this.store.ratings
      .followUpsNotClosed()
      .map((f) => this.followUpOf(f))
      .filter((f) => answersFor(staff, this.departmentOf(f)));
  }

  /**
   * The archive (整改台账): closed follow-ups `staff` answers for, the latest closed first. A year of a busy hall's bad
   * ratings fits; beyond ARCHIVE_LIMIT the oldest are left to the reports.
   */
  archive(staff: StaffConfig): FollowUp[] {
    return this.store.ratings
      .followUpsClosed(ARCHIVE_LIMIT)
      .map((f) => this.followUpOf(f))
      .filter((f) => answersFor(staff, this.departmentOf(f)));
  }

  /**
   * The people `staff` answers for, to hand follow-ups to: their department's (the manager: everyone) who work in the
   * hall now (not disabled), no hashes.
   */
  staffFor(staff: StaffConfig): StaffMember[] {
    return this.hall.staff
      .filter((s) => !s.disabled && answersFor(staff, s.department))
      .map(({ id, name, role, department, aWindows, bWindows }) => ({
        id,
        name,
        role,
        department,
        aWindows,
        bWindows,
      }));
  }

  assign(id: string, req: AssignFollowUpRequest, staff: StaffConfig): Promise<Reply<FollowUpResponse>> {
    return this.change(id, req.requestId, staff, { type: 'assign', staffId: req.staffId }, (r) => ({
      type: 'followup.assigned',
      data: { id, assignee: r.followUp.assignee! },
    }));
  }

  note(id: string, req: NoteFollowUpRequest, staff: StaffConfig): Promise<Reply<FollowUpResponse>> {
    const command = { type: 'note', by: staff.id, text: req.text, calledBack: req.calledBack } as const;
    return this.change(id, req.requestId, staff, command, (r) => {
      this.store.ratings.insertNote(id, r.followUp.notes.at(-1)!);
      return { type: 'followup.noted', data: { id, calledBack: req.calledBack } };
    });
  }

  close(id: string, req: CloseFollowUpRequest, staff: StaffConfig): Promise<Reply<FollowUpResponse>> {
    return this.change(id, req.requestId, staff, { type: 'close', resolution: req.resolution }, (r) => ({
      type: 'followup.closed',
      data: { id, overdue: r.overdue },
    }));
  }

  /** The department a follow-up belongs to: its rated window's. */
  private departmentOf(followUp: FollowUp): string {
    return departmentOfWindow(this.hall, followUp.rating.window) ?? '';
  }

  private followUpOf(row: FollowUpRow): FollowUp {
    const { ratingId, ...rest } = row;
    const rating = ratingRecordOf(this.store.ratings.rating(ratingId)!);
    return { ...rest, rating, notes: this.store.ratings.notes(row.id) };
  }

  /**
   * One change to a follow-up, as the domain rules it: stored, journaled (what `record` stores beyond the row, and
   * the entry), and announced with the follow-up as it now stands.
   */
  private change(
    id: string,
    requestId: string,
    staff: StaffConfig,
    command: FollowUpCommand,
    record: (r: Success) => FollowUpEntry,
  ): Promise<Reply<FollowUpResponse>> {
    const actor = `staff:${staff.id}`;
    return this.pipeline.write(`${command.type}-follow-up`, requestId, actor, (now) => {
      const row = this.store.ratings.followUp(id);
      if (!row) throw new ApiError('not_found', `no follow-up ${id}`);
      const followUp = this.followUpOf(row);
      const department = this.departmentOf(followUp);
      if (!answersFor(staff, department)) {
        throw new ApiError(
          'forbidden',
          `follow-up ${id} is of window ${followUp.rating.window}, department "${department}": not one you answer for`,
        );
      }
      const assignee = command.type === 'assign' && this.hall.staff.find((s) => s.id === command.staffId);
      const problem = assignee && assignmentProblem(staff, assignee, department);
      if (problem) throw ApiError.field('staffId', problem);
      const r = succeeded(followUpTransition(followUp, command, { now, hall: this.hall }));
      this.store.ratings.updateFollowUp(r.followUp);
      this.store.journal.write({ at: now.toISOString(), hallDay: this.today.day, actor, ...record(r) });
      const reminded = assignee && this.reminders ? this.reminders.assigned(r.followUp, assignee, now) : [];
      return {
        status: 200,
        body: { followUp: r.followUp },
        apply: () => {
          if (reminded.length > 0) this.reminders?.committed();
          return [...r.events, ...reminded.map(({ id, status }) => ({ type: 'notice.updated' as const, id, status }))];
        },
      };
    });
  }
}

/** What a follow-up's assignment tells the notice queue (`notices/follow-up-reminders.ts`). */
export interface AssignmentReminders {
  /** Inside the assignment's transaction: the notices queued, to announce after the commit. */
  assigned(followUp: FollowUp, assignee: StaffConfig, now: Date): { id: string; status: NoticeStatus }[];
  committed(): void;
}

type FollowUpEntry = {
  [T in 'followup.assigned' | 'followup.noted' | 'followup.closed']: { type: T; data: JournalData<T> };
}['followup.assigned' | 'followup.noted' | 'followup.closed'];

function succeeded(r: FollowUpResult): Success {
  if (r.ok) return r;
  throw ApiError.of(r);
}
