import { randomUUID } from 'node:crypto';
import type {
  CallGuideRequest,
  GuideCall,
  GuideCallResponse,
  KioskGuideCallResponse,
  PublicGuideCall,
  StaffConfig,
} from '@hallq/shared/contracts';
import { publicGuideCall, withNames } from '@hallq/shared/contracts';
import { guideCallReaches } from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import { ApiError } from './api-error';
import { minutesBetween, type HallDay } from './hall-day';
import type { Reply, WritePipeline } from './write-pipeline';

/** 呼叫导办: a citizen at a kiosk asks for a guide; staff screens raise an alert until someone answers. */
export class GuideCalls {
  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
    private readonly pipeline: WritePipeline,
  ) {}

  /** A kiosk asks for a guide; pressed again while its call of today waits, it gets that call back and no new alert. */
  call(req: CallGuideRequest, kioskId: string): Promise<Reply<KioskGuideCallResponse>> {
    const actor = `kiosk:${kioskId}`;
    return this.pipeline.write('call-guide', req.requestId, actor, (now, day) => {
      for (const open of this.today.openGuideCalls.values()) {
        if (open.kiosk === kioskId) return { status: 201, body: { call: publicGuideCall(open) }, apply: () => [] };
      }
      // The key that authenticated the kiosk came from this same list.
      const kiosk = this.today.hall.devices.kiosks.find((k) => k.id === kioskId)!;
      const call: GuideCall = {
        id: randomUUID(),
        kiosk: kiosk.id,
        kioskName: kiosk.name,
        zone: kiosk.zone,
        reason: req.reason,
        calledAt: now.toISOString(),
        answeredAt: null,
        answeredBy: null,
        answeredByName: null,
      };
      this.store.insertGuideCall(call, day);
      this.store.journal.write({
        at: now.toISOString(),
        hallDay: this.today.day,
        type: 'guide.called',
        actor,
        data: { id: call.id, zone: call.zone, reason: call.reason },
      });
      return {
        // Created, the repeat included: the route has one success status, and the kiosk reads calledAt either way.
        status: 201,
        body: { call: publicGuideCall(call) },
        apply: () => {
          this.today.openGuideCall(call);
          return [{ type: 'guide.called', call }];
        },
      };
    });
  }

  /** One call, only to the kiosk it came from (another kiosk's id is answered as unknown), with who is coming. */
  get(id: string, kioskId: string): PublicGuideCall {
    const call = this.store.guideCall(id);
    if (!call || call.kiosk !== kioskId) throw new ApiError('not_found', `no guide call ${id}`);
    return publicGuideCall(withNames(call, this.today.hall));
  }

  /** Today's unanswered calls that reach this person (`guideCallReaches`), oldest first. */
  open(staff: StaffConfig, window: number | null): GuideCall[] {
    this.today.currentDay();
    return [...this.today.openGuideCalls.values()]
      .filter((c) => guideCallReaches(this.today.hall, staff, window, c.zone))
      .map((c) => withNames(c, this.today.hall));
  }

  /** Answered by someone the call reaches: a guide of another floor, or a clerk where guides cover the zone, may not. */
  answer(id: string, requestId: string, staff: StaffConfig, window: number | null): Promise<Reply<GuideCallResponse>> {
    const actor = `staff:${staff.id}`;
    return this.pipeline.write('answer-guide', requestId, actor, (now) => {
      const call = this.store.guideCall(id);
      if (!call) throw new ApiError('not_found', `no guide call ${id}`);
      if (!guideCallReaches(this.today.hall, staff, window, call.zone)) {
        throw new ApiError('forbidden', `guide call ${id} is for the guides of ${call.zone}`);
      }
      if (call.answeredAt !== null) {
        throw new ApiError('invalid_state', `guide call ${id} was already answered by ${call.answeredBy}`);
      }
      const answeredAt = now.toISOString();
      const answered = withNames({ ...call, answeredAt, answeredBy: staff.id }, this.today.hall);
      this.store.answerGuideCall(id, answeredAt, staff.id);
      this.store.journal.write({
        at: now.toISOString(),
        hallDay: this.today.day,
        type: 'guide.answered',
        actor,
        data: { id, kiosk: call.kiosk, waitMinutes: minutesBetween(call.calledAt, now) },
      });
      return {
        status: 200,
        body: { call: answered },
        apply: () => {
          this.today.closeGuideCall(id);
          return [{ type: 'guide.answered', call: answered }];
        },
      };
    });
  }
}
