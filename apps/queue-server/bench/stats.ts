/** Latency samples in milliseconds, summarised. */
export interface LatencySummary {
  samples: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** How often the event-loop delay monitors sample (ms). */
export const EVENT_LOOP_RESOLUTION_MS = 10;

/**
 * The p99 event-loop delay (ms) of a monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS }) histogram. Node
 * records the whole interval between its timer's runs, so the sampling interval itself is taken off: an idle loop
 * reads about 0, not 10 ms.
 */
export function eventLoopDelayP99Ms(histogram: { percentile(p: number): number }): number {
  return Math.max(0, histogram.percentile(99) / 1e6 - EVENT_LOOP_RESOLUTION_MS);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A uniformly random duration in [min, max] ms. */
export const between = (min: number, max: number) => min + Math.random() * (max - min);

/** Rejects after `ms` unless `promise` settles first. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
