import { describe, expect, it } from 'vitest';
import { DevicePace } from './device-pace';

describe('DevicePace', () => {
  it('lets a burst through, then one a pace, and says how long to wait', () => {
    let now = 0;
    const pace = new DevicePace(
      () => ({ perMinute: 60, burst: 3 }),
      () => now,
    );
    expect([pace.take('k1'), pace.take('k1'), pace.take('k1')]).toEqual([0, 0, 0]);
    expect(pace.take('k1')).toBe(1000);
    now += 1000;
    expect(pace.take('k1')).toBe(0);
    expect(pace.take('k1')).toBe(1000);
  });

  it('keeps each device to its own pace', () => {
    const pace = new DevicePace(
      () => ({ perMinute: 60, burst: 1 }),
      () => 0,
    );
    expect(pace.take('k1')).toBe(0);
    expect(pace.take('k1')).toBeGreaterThan(0);
    expect(pace.take('k2')).toBe(0);
  });

  it('refills to the burst and no further after a quiet time, and a clock set back takes nothing', () => {
    let now = 1_000_000;
    const pace = new DevicePace(
      () => ({ perMinute: 60, burst: 2 }),
      () => now,
    );
    pace.take('k1');
    pace.take('k1');
    now += 3_600_000;
    expect([pace.take('k1'), pace.take('k1'), pace.take('k1')]).toEqual([0, 0, 1000]);
    now -= 10_000;
    expect(pace.take('k1')).toBeGreaterThan(0);
  });

  it('takes back a request given back, up to the burst and no further', () => {
    const pace = new DevicePace(
      () => ({ perMinute: 60, burst: 2 }),
      () => 0,
    );
    expect([pace.take('k1'), pace.take('k1')]).toEqual([0, 0]);
    pace.giveBack('k1');
    pace.giveBack('k1');
    pace.giveBack('k1');
    expect([pace.take('k1'), pace.take('k1'), pace.take('k1')]).toEqual([0, 0, 1000]);
  });
});
