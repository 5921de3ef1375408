import type { StaffMember } from '@hallq/shared/contracts';

export interface ScopeState {
  /**
   * The staff the session answers for (GET /api/staff): a chief representative's department, themselves among them;
   * everyone for the manager. It names the people on post and those a follow-up can be handed to, and it is where a
   * chief representative's console learns their department (the login answer does not carry it).
   */
  directory: StaffMember[];
  directoryStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  /** The manager's 单位 filter: a department code, or null for the whole hall. A chief representative has none. */
  chosenDepartment: string | null;
}

export const initialScopeState: ScopeState = { directory: [], directoryStatus: 'idle', chosenDepartment: null };
