import type { EventEnvelope, HallConfig, HallEvent } from '@hallq/shared/contracts';
import { departmentOfWindow, guideCallReaches, seesFollowUp } from '@hallq/shared/domain';
import type { Principal } from '../auth/authenticator';

type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

/**
 * Who a staff connection is, as far as the stream cares: guide calls go to the guides of the kiosk's zone and the
 * manager (`guideCallReaches`), follow-ups to whoever answers for the department and the assignee (`seesFollowUp`).
 * Connections with the same key see the same stream, so each message is encoded once per key, not per connection.
 */
export interface StaffAudience {
  key: string;
  sees(event: HallEvent): boolean;
}

/** The events whose audience is narrower than all staff. */
export const scoped = (event: HallEvent): boolean =>
  event.type === 'guide.called' || event.type === 'guide.answered' || event.type === 'followup.updated';

export function staffAudience(hall: HallConfig, principal: StaffPrincipal): StaffAudience {
  const { staff, window } = principal;
  const key =
    staff.role === 'manager'
      ? 'manager'
      : `${staff.role}:${staff.id}:${staff.department}:${window ?? '-'}:${[...staff.zones].sort().join('|')}`;
  return {
    key,
    sees: (event) => {
      if (event.type === 'guide.called' || event.type === 'guide.answered')
        return guideCallReaches(hall, staff, window, event.call.zone);
      if (event.type === 'followup.updated') {
        const { rating, assignee } = event.followUp;
        return seesFollowUp(staff, departmentOfWindow(hall, rating.window) ?? '', assignee);
      }
      return true;
    },
  };
}

/** The envelopes as one audience receives them: what it may not see becomes `withheld`, the sequence stays whole. */
export function forAudience(envelopes: EventEnvelope[], audience: StaffAudience): EventEnvelope[] {
  return envelopes.map((e) => (scoped(e.event) && !audience.sees(e.event) ? { ...e, event: { type: 'withheld' } } : e));
}
