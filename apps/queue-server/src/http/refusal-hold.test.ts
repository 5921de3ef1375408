import { afterEach, describe, expect, it, vi } from 'vitest';
import { RefusalHold } from './refusal-hold';

afterEach(() => {
  vi.useRealTimers();
});

describe('RefusalHold', () => {
  it('holds a refusal for its time, never beyond its own Retry-After', async () => {
    vi.useFakeTimers();
    const hold = new RefusalHold(1000, 10);
    let long = false;
    let short = false;
    void hold.hold(30_000).then(() => (long = true));
    void hold.hold(200).then(() => (short = true));
    expect(hold.waiting).toBe(2);
    await vi.advanceTimersByTimeAsync(199);
    expect([long, short]).toEqual([false, false]);
    await vi.advanceTimersByTimeAsync(1);
    expect([long, short]).toEqual([false, true]);
    await vi.advanceTimersByTimeAsync(800);
    expect([long, short]).toEqual([true, true]);
    expect(hold.waiting).toBe(0);
  });

  it('sends at once beyond the refusals it may hold, so a flood cannot pile up timers and sockets', async () => {
    vi.useFakeTimers();
    const hold = new RefusalHold(1000, 2);
    void hold.hold(5000);
    void hold.hold(5000);
    let third = false;
    void hold.hold(5000).then(() => (third = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(third).toBe(true);
    expect(hold.waiting).toBe(2);
  });

  it('holds nothing when the hold is off', async () => {
    vi.useFakeTimers();
    let done = false;
    void new RefusalHold(0, 10).hold(5000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });
});
