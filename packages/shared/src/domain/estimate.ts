export interface EstimateInput {
  /** Tickets that will be called before this one (for a new ticket: everyone waiting). */
  peopleAhead: number;
  /** The day's service times of the type, in minutes, newest last. */
  recentServiceMinutes: number[];
  defaultServiceMinutes: number;
  /** Open windows serving the type now. */
  openWindows: number;
  /** How many of the newest service times to average (policy.estimateSamples). */
  samples: number;
}

/** Minutes until the ticket is called, rounded up; null while no open window serves its type. */
export function estimateWaitMinutes(input: EstimateInput): number | null {
  const { peopleAhead, recentServiceMinutes, defaultServiceMinutes, openWindows, samples } = input;
  if (openWindows <= 0) return null;
  const recent = samples > 0 ? recentServiceMinutes.slice(-samples) : [];
  const mean = recent.length > 0 ? recent.reduce((sum, m) => sum + m, 0) / recent.length : defaultServiceMinutes;
  // The wait ends at your call, not your service: only the people ahead count (no +1), shared by the open windows.
  const minutes = (peopleAhead * mean) / openWindows;
  // Float noise (3 × 0.1) must not round 0.30000000000000004 up to a whole extra minute.
  return Math.max(0, Math.ceil(minutes - 1e-9));
}
