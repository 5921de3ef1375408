import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes } from './estimate';

const base = { peopleAhead: 4, recentServiceMinutes: [], defaultServiceMinutes: 6, openWindows: 1, samples: 10 };

describe('estimateWaitMinutes', () => {
  it('is unknown (null) while no open window serves the type', () => {
    expect(estimateWaitMinutes({ ...base, openWindows: 0 })).toBeNull();
  });

  it("uses the type's default service time until the day has samples", () => {
    expect(estimateWaitMinutes(base)).toBe(24);
  });

  it('counts only the people ahead: the first in line is called as soon as a window is free', () => {
    expect(estimateWaitMinutes({ ...base, peopleAhead: 0 })).toBe(0);
    expect(estimateWaitMinutes({ ...base, peopleAhead: 1 })).toBe(6);
  });

  it('shares the line among the open windows', () => {
    expect(estimateWaitMinutes({ ...base, openWindows: 2 })).toBe(12);
    expect(estimateWaitMinutes({ ...base, peopleAhead: 5, openWindows: 2 })).toBe(15);
  });

  it('averages the newest `samples` service times only', () => {
    // The old 60-minute case falls out of the last 3 samples: mean (4 + 5 + 6) / 3 = 5.
    expect(estimateWaitMinutes({ ...base, recentServiceMinutes: [60, 4, 5, 6], samples: 3 })).toBe(20);
  });

  it('rounds up to whole minutes, without float noise adding a minute', () => {
    expect(estimateWaitMinutes({ ...base, peopleAhead: 1, recentServiceMinutes: [4.2] })).toBe(5);
    expect(estimateWaitMinutes({ ...base, peopleAhead: 3, recentServiceMinutes: [0.1], openWindows: 1 })).toBe(1);
    expect(estimateWaitMinutes({ ...base, peopleAhead: 30, recentServiceMinutes: [0.1] })).toBe(3);
  });
});
