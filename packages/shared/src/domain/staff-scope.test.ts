import { describe, expect, it } from 'vitest';
import {
  answersFor,
  assignmentProblem,
  departmentOfWindow,
  guideCallReaches,
  seesFollowUp,
  worksGuideDesk,
} from './staff-scope';
import { testHall } from '../testing/fixtures';

const manager = { id: 'm1', role: 'manager' as const, department: 'office' };
const chief = { id: 'z1', role: 'chief_representative' as const, department: 'social-bureau' };
const clerk = { id: 'c2', role: 'clerk' as const, department: 'social-bureau' };
const otherClerk = { id: 'c1', role: 'clerk' as const, department: 'office' };

describe('staff scope', () => {
  it('the manager answers for every department, a chief representative for their own, a clerk for none', () => {
    expect([answersFor(manager, 'social-bureau'), answersFor(manager, 'office')]).toEqual([true, true]);
    expect([answersFor(chief, 'social-bureau'), answersFor(chief, 'office')]).toEqual([true, false]);
    expect(answersFor(clerk, 'social-bureau')).toBe(false);
  });

  it('finds the department of a window from the hall file', () => {
    const hall = testHall();
    expect([departmentOfWindow(hall, 1), departmentOfWindow(hall, 2), departmentOfWindow(hall, 99)]).toEqual([
      'office',
      'social-bureau',
      null,
    ]);
  });

  it('a chief representative hands follow-ups within the department; the manager across departments', () => {
    expect(assignmentProblem(chief, clerk, 'social-bureau')).toBeNull();
    expect(assignmentProblem(chief, chief, 'social-bureau')).toBeNull();
    expect(assignmentProblem(chief, otherClerk, 'social-bureau')).toMatch(/c1 is not of department "social-bureau"/);
    expect(assignmentProblem(manager, otherClerk, 'social-bureau')).toBeNull();
  });

  it('nobody hands a follow-up to a person disabled in the settings', () => {
    expect(assignmentProblem(manager, { ...clerk, disabled: true }, 'social-bureau')).toMatch(/is disabled/);
    expect(assignmentProblem(chief, { ...clerk, disabled: true }, 'social-bureau')).toMatch(/is disabled/);
  });

  const guideOfA = { id: 'g1', role: 'floor_guide' as const, department: 'office', zones: ['A'] };
  const atWindow = { id: 'c1', role: 'clerk' as const, department: 'office', zones: [] };

  it("a guide call reaches the manager and the zone's guides; clerks only where no guide covers the zone", () => {
    const staffed = { ...testHall(), staff: [guideOfA] };
    // Windows 1 and 2 are in zone A, window 3 in zone B.
    expect(guideCallReaches(staffed, { ...manager, zones: [] }, null, 'A')).toBe(true);
    expect(guideCallReaches(staffed, guideOfA, null, 'A')).toBe(true);
    expect(guideCallReaches(staffed, guideOfA, null, 'B')).toBe(false);
    expect(guideCallReaches(staffed, atWindow, 1, 'A')).toBe(false);
    expect(guideCallReaches(staffed, atWindow, 1, 'B')).toBe(false);
    expect(guideCallReaches(staffed, atWindow, 3, 'B')).toBe(true);
    expect(guideCallReaches(staffed, atWindow, null, 'B')).toBe(false);
  });

  it('the guide desk is for guides and the manager, and for clerks only where the hall allows it', () => {
    expect(worksGuideDesk(guideOfA, { clerksAtGuideDesk: false })).toBe(true);
    expect(worksGuideDesk(manager, { clerksAtGuideDesk: false })).toBe(true);
    expect(worksGuideDesk(clerk, { clerksAtGuideDesk: false })).toBe(false);
    expect(worksGuideDesk(clerk, { clerksAtGuideDesk: true })).toBe(true);
    expect(worksGuideDesk(chief, { clerksAtGuideDesk: true })).toBe(false);
  });

  it('a follow-up is seen by whoever answers for its department and by its assignee', () => {
    expect(seesFollowUp(chief, 'social-bureau', null)).toBe(true);
    expect(seesFollowUp(chief, 'office', null)).toBe(false);
    expect(seesFollowUp(otherClerk, 'social-bureau', 'c1')).toBe(true);
    expect(seesFollowUp(otherClerk, 'social-bureau', 'c2')).toBe(false);
  });
});
