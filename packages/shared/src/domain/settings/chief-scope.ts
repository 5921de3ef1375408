import type { HallConfig } from '../../config/hall-config';
import { CHIEF_SECTIONS } from './sections';
import { settingsChanges } from './settings-diff';
import type { SettingsProblem } from './stranded-work';

/**
 * What a chief representative's change may touch (policy.chiefsEditOwnDepartment): their own department's service
 * items and windows, before and after the change; nothing else in the hall.
 */
export function chiefChangeProblems(before: HallConfig, after: HallConfig, department: string): SettingsProblem[] {
  if (!before.policy.chiefsEditOwnDepartment)
    return [{ path: [], message: 'this hall does not let chief representatives change settings' }];
  const problems: SettingsProblem[] = [];
  for (const change of settingsChanges(before, after)) {
    const section = change.section;
    if (!(CHIEF_SECTIONS as readonly string[]).includes(section) || change.key === null) {
      problems.push({
        path: [section],
        message: `a chief representative changes only their department's items and windows`,
      });
      continue;
    }
    const list = (hall: HallConfig) =>
      section === 'windows'
        ? hall.windows.map((w) => ({ key: String(w.number), department: w.department }))
        : hall.serviceItems.map((s) => ({ key: s.code, department: s.department }));
    const was = list(before).find((e) => e.key === change.key);
    const nowAt = list(after).findIndex((e) => e.key === change.key);
    const now = list(after)[nowAt];
    const foreign = [was, now].find((e) => e !== undefined && e.department !== department);
    if (foreign)
      problems.push({
        path: now ? [section, nowAt, 'department'] : [section],
        message: `${section === 'windows' ? 'window' : 'item'} ${change.key} is of department "${foreign.department}", not yours`,
      });
  }
  return problems;
}
