import { describe, expect, it } from 'vitest';
import { answersFor, assignmentProblem, departmentOfWindow } from './staff-scope';
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
});
