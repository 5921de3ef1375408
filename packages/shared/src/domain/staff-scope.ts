import type { HallConfig, StaffConfig } from '../config/hall-config';

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
 * included. Why not, or null when they may.
 */
export function assignmentProblem(by: Person, to: Person, department: string): string | null {
  if (by.role === 'manager') return null;
  if (to.department === department) return null;
  return `${to.id} is not of department "${department}": a chief representative hands its follow-ups to its own staff`;
}
