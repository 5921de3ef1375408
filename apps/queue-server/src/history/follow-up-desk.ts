import type { HallConfig, StaffConfig } from '@hallq/shared/contracts';
import { AssignFollowUpRequest, CloseFollowUpRequest, NoteFollowUpRequest } from '@hallq/shared/contracts';
import { departmentOfWindow } from '@hallq/shared/domain';
import type { HallServices } from '../service/hall-services';
import type { Random } from './prng';
import type { Timeline } from './timeline';

/** A follow-up and the days (indexes into the played days) it is handed on and closed. */
interface Planned {
  id: string;
  assignee: StaffConfig;
  assignOn: number;
  closeOn: number;
}

/** At most this many follow-ups of a history are closed after their deadline: the bulletin's one or two late ones. */
const LATE_AT_MOST = 2;

/**
 * 回访整改 as the hall office does it: the morning after a bad rating the manager hands the follow-up to the chief
 * representative of the rated window's department (or keeps it, where the department has none), who calls the
 * applicant back and closes it within the deadline's working days — now and then a few days late. Follow-ups whose turn
 * falls after the last played day stay open, as the month's newest do.
 */
export class FollowUpDesk {
  private readonly hall: HallConfig;
  private readonly manager: StaffConfig | undefined;
  private readonly planned: Planned[] = [];
  private late = 0;

  constructor(
    private readonly services: HallServices,
    private readonly random: Random,
    private readonly requestId: () => string,
  ) {
    this.hall = services.today.hall;
    this.manager = this.hall.staff.find((s) => s.role === 'manager');
  }

  /** A bad rating answered on day `dayIndex` opened a follow-up: plans its handling. */
  opened(ratingId: string, window: number, dayIndex: number): void {
    if (!this.manager) return;
    const followUp = this.services.followUps.notClosed(this.manager).find((f) => f.rating.id === ratingId);
    if (!followUp) return;
    const department = departmentOfWindow(this.hall, window);
    const chief = this.hall.staff.find((s) => s.role === 'chief_representative' && s.department === department);
    const deadlineDays = this.hall.policy.followUpWorkingDays;
    const late = this.late < LATE_AT_MOST && this.random.chance(0.06);
    if (late) this.late++;
    this.planned.push({
      id: followUp.id,
      assignee: chief ?? this.manager,
      assignOn: dayIndex + 1,
      // The played days are working days, so n days on is n working days on: the deadline's own count.
      closeOn: dayIndex + (late ? deadlineDays + this.random.int(1, 3) : this.random.int(1, deadlineDays + 1)),
    });
  }

  /** Plans the day's follow-up work: handing on in the morning, calls back and closing in the afternoon. */
  playDay(dayIndex: number, at: (minutes: number) => number, timeline: Timeline): void {
    const manager = this.manager;
    if (!manager) return;
    for (const f of this.planned) {
      if (f.assignOn === dayIndex) {
        timeline.at(at(this.random.between(545, 600)), async () => {
          const req = AssignFollowUpRequest.parse({ requestId: this.requestId(), staffId: f.assignee.id });
          await this.services.followUps.assign(f.id, req, manager);
        });
      }
      if (f.closeOn === dayIndex) {
        timeline.at(at(this.random.between(870, 990)), async () => {
          const note = NoteFollowUpRequest.parse({
            requestId: this.requestId(),
            text: '已电话回访申请人，核实情况并致歉',
            calledBack: this.random.chance(0.9),
          });
          await this.services.followUps.note(f.id, note, f.assignee);
          const close = CloseFollowUpRequest.parse({
            requestId: this.requestId(),
            resolution: '已约谈窗口工作人员并组织业务培训，申请人事项已办结',
          });
          await this.services.followUps.close(f.id, close, f.assignee);
        });
      }
    }
  }
}
