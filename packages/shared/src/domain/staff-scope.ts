import type { HallConfig, QueuePolicy, StaffConfig, WindowConfig } from '../config/hall-config';

type Person = Pick<StaffConfig, 'id' | 'role' | 'department'>;

/**
 * Whether a member of staff answers for a department's windows, items and bad ratings: the manager for every
 * department, a chief representative (首席代表) for their own. Clerks answer for their window only, through the window
 * routes.
 */
export function answersFor(staff: Person, department: string): boolean {
  return staff.role === 'manager' || (staff.role === 'chief_representative' && staff.department === department);
}

/** The department a window belongs to; null for a window the hall does not have. */
export function departmentOfWindow(hall: Pick<HallConfig, 'windows'>, window: number): string | null {
  return hall.windows.find((w) => w.number === window)?.department ?? null;
}

/**
 * Who may be handed a department's follow-up, and by whom: the manager may hand it to anyone in the hall (across
 * departments, as the management office does); a chief representative only to someone of the department, themselves
 * included; nobody to a person disabled in the settings (they cannot log in to see it). Why not, or null when they may.
 */
export function assignmentProblem(by: Person, to: Person & { disabled?: boolean }, department: string): string | null {
  if (to.disabled) return `${to.id} is disabled: hand the follow-up to someone who works in the hall now`;
  if (by.role === 'manager') return null;
  if (to.department === department) return null;
  return `${to.id} is not of department "${department}": a chief representative hands its follow-ups to its own staff`;
}

type Desk = Pick<StaffConfig, 'id' | 'role' | 'zones'>;

/**
 * Whether a member of staff may do the guide desk's work (look up any ticket of the day, reactivate a no-show): floor
 * guides and the manager, and clerks too where the hall's guide desk is not staffed (`policy.clerksAtGuideDesk`).
 */
export function worksGuideDesk(
  staff: Pick<StaffConfig, 'role'>,
  policy: Pick<QueuePolicy, 'clerksAtGuideDesk'>,
): boolean {
  return (
    staff.role === 'floor_guide' || staff.role === 'manager' || (staff.role === 'clerk' && policy.clerksAtGuideDesk)
  );
}

/**
 * Who a kiosk's guide call (呼叫导办) reaches: the manager, and the floor guides of the kiosk's zone. Where no guide
 * covers that zone, the clerks at windows of the zone get it instead, so a call is never left with nobody — but a clerk
 * on another floor never sees it. `window` is the window the person is logged in at, if any.
 */
export function guideCallReaches(
  hall: {
    staff: readonly Pick<StaffConfig, 'role' | 'zones'>[];
    windows: readonly Pick<WindowConfig, 'number' | 'zone'>[];
  },
  staff: Desk,
  window: number | null,
  zone: string,
): boolean {
  if (staff.role === 'manager') return true;
  if (staff.role === 'floor_guide') return staff.zones.includes(zone);
  if (hall.staff.some((s) => s.role === 'floor_guide' && s.zones.includes(zone))) return false;
  return window !== null && hall.windows.some((w) => w.number === window && w.zone === zone);
}

/** Whether a follow-up is for this person to see: whoever answers for its department, and the one it is assigned to. */
export function seesFollowUp(staff: Person, department: string, assignee: string | null): boolean {
  return answersFor(staff, department) || assignee === staff.id;
}
