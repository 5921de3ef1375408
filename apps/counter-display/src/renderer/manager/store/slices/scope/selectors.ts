import type { FollowUp, PublicHall, StaffMember, StaffRole } from '@hallq/shared/contracts';
import { assignmentProblem, departmentOfWindow } from '@hallq/shared/domain';

/**
 * What the console shows: the whole hall, or one department's windows, follow-ups and archive. `pending` is a chief
 * representative's console before the staff list has said which department is theirs: it shows nothing yet.
 */
export type ConsoleScope = { kind: 'hall' } | { kind: 'department'; department: string } | { kind: 'pending' };

/**
 * The manager sees the whole hall, or the department they chose; a chief representative only their own, as the server
 * holds them to it (`answersFor`).
 */
export function consoleScope(
  role: StaffRole | undefined,
  ownDepartment: string | null,
  chosen: string | null,
): ConsoleScope {
  if (role === 'manager') return chosen === null ? { kind: 'hall' } : { kind: 'department', department: chosen };
  return ownDepartment === null ? { kind: 'pending' } : { kind: 'department', department: ownDepartment };
}

/** The session's own department, as the staff list gives it; null until it has come. */
export function ownDepartment(state: {
  session: { staff: { id: string } } | null;
  directory: readonly StaffMember[];
}): string | null {
  const id = state.session?.staff.id;
  return state.directory.find((s) => s.id === id)?.department ?? null;
}

export function inScope(scope: ConsoleScope, department: string | null): boolean {
  if (scope.kind === 'hall') return true;
  return scope.kind === 'department' && scope.department === department;
}

/** A follow-up is its rated window's department's. */
export function followUpDepartment(hall: PublicHall | null, followUp: FollowUp): string | null {
  return hall && departmentOfWindow(hall, followUp.rating.window);
}

export function departmentName(hall: PublicHall | null, code: string): string {
  return hall?.departments.find((d) => d.code === code)?.name.zh ?? code;
}

/** The name staff know a colleague by, or the id alone for someone the list does not hold. */
export function staffName(directory: readonly StaffMember[], id: string): string | null {
  return directory.find((s) => s.id === id)?.name ?? null;
}

export interface AssigneeGroup {
  department: string;
  people: StaffMember[];
}

/**
 * Who a follow-up of `department` may be handed to, by the rule the server applies (`assignmentProblem`): a chief
 * representative's own staff, themselves first; for the manager anyone, the follow-up's department first.
 */
export function assigneeGroups(
  directory: readonly StaffMember[],
  hall: PublicHall | null,
  department: string,
  selfId: string,
): AssigneeGroup[] {
  const self = directory.find((s) => s.id === selfId);
  if (!self) return [];
  const order = new Set([
    department,
    ...(hall?.departments ?? []).map((d) => d.code),
    ...directory.map((s) => s.department),
  ]);
  const selfFirst = (a: StaffMember, b: StaffMember) =>
    Number(b.id === selfId) - Number(a.id === selfId) || a.id.localeCompare(b.id);
  return [...order]
    .map((code) => ({
      department: code,
      people: directory
        .filter((s) => s.department === code && assignmentProblem(self, s, department) === null)
        .sort(selfFirst),
    }))
    .filter((group) => group.people.length > 0);
}
