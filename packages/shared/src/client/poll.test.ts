import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Polled } from './poll';
import { startPolling } from './poll';

afterEach(() => vi.useRealTimers());

function collector<T>() {
  let state: Polled<T> = { data: null, error: null };
  return {
    report: (update: (previous: Polled<T>) => Polled<T>) => (state = update(state)),
    get: () => state,
  };
}

describe('startPolling', () => {
  it('keeps the last good data when a later call fails, and clears the error on the next success', async () => {
    vi.useFakeTimers();
    const answers: (() => Promise<number>)[] = [
      () => Promise.resolve(1),
      () => Promise.reject(new Error('offline')),
      () => Promise.resolve(3),
    ];
    const state = collector<number>();
    const stop = startPolling(() => answers.shift()!(), 1000, state.report);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.get()).toEqual({ data: 1, error: null });
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.get().data).toBe(1);
    expect(state.get().error?.message).toBe('offline');
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.get()).toEqual({ data: 3, error: null });
    stop();
  });

  it('never runs two calls at once and stops calling once stopped', async () => {
    vi.useFakeTimers();
    let running = 0;
    let calls = 0;
    const load = async () => {
      running += 1;
      calls += 1;
      expect(running).toBe(1);
      await new Promise((r) => setTimeout(r, 1500)); // slower than the interval
      running -= 1;
      return calls;
    };
    const stop = startPolling(load, 1000, collector<number>().report);
    await vi.advanceTimersByTimeAsync(4900);
    expect(calls).toBe(2); // 0–1.5 s, wait 1 s, 2.5–4 s, then the wait that ends at 5 s
    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(2);
  });
});
