import { describe, expect, it } from 'vitest';
import { HashGate, LoginThrottle, type ThrottlePolicy } from './login-throttle';
import { ACCOUNT_THROTTLE } from './authenticator';

/** The staff-id throttle as it runs, with a map small enough to fill in a test. */
const POLICY: ThrottlePolicy = { ...ACCOUNT_THROTTLE, maxKeys: 100 };

function rig(policy: Partial<ThrottlePolicy> = {}) {
  let now = Date.parse('2025-06-11T02:00:00.000Z');
  const throttle = new LoginThrottle({ ...POLICY, ...policy }, () => now);
  return {
    throttle,
    advance: (ms: number) => {
      now += ms;
    },
    /** One attempt that fails when admitted; the admission (and the lockout it started, if any). */
    fail: (key: string) => {
      const admission = throttle.admit(key);
      return { admission, lockout: admission.ok ? throttle.failed(key) : null };
    },
  };
}

describe('LoginThrottle', () => {
  it('lets a few wrong passwords through at full speed, then makes each next attempt wait twice as long', () => {
    const { throttle, fail, advance } = rig();
    for (let i = 0; i < 5; i++) expect(fail('c01').admission).toEqual({ ok: true });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = throttle.admit('c01');
      expect(refused).toMatchObject({ ok: false, locked: false });
      const wait = (refused as { retryAfterMs: number }).retryAfterMs;
      waits.push(wait);
      advance(wait - 1);
      expect(throttle.admit('c01').ok, 'not a millisecond early').toBe(false);
      advance(1);
      expect(fail('c01').admission.ok).toBe(true);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });

  it('caps the wait', () => {
    const { throttle } = rig({ lockoutAfter: 100 });
    expect(throttle.delayAfter(4)).toBe(0);
    expect(throttle.delayAfter(5)).toBe(1000);
    expect(throttle.delayAfter(9)).toBe(16_000);
    expect(throttle.delayAfter(10)).toBe(30_000);
    expect(throttle.delayAfter(99)).toBe(30_000);
  });

  it('locks a key at the lockout count, for the lockout time, then gives it one attempt at a time', () => {
    const { throttle, fail, advance } = rig();
    let lockout = null;
    for (let i = 0; i < 10; i++) {
      advance(60_000);
      lockout = fail('c01').lockout;
      if (i < 9) expect(lockout).toBeNull();
    }
    expect(lockout).toMatchObject({ key: 'c01', failures: 10 });
    const lockedAt = Date.parse('2025-06-11T02:00:00.000Z') + 10 * 60_000;
    expect(lockout!.until).toBe(lockedAt + 15 * 60_000);
    expect(throttle.lockouts()).toEqual([lockout]);
    expect(throttle.admit('c01')).toEqual({ ok: false, retryAfterMs: 15 * 60_000, locked: true });
    advance(15 * 60_000 - 1);
    expect(throttle.admit('c01')).toMatchObject({ ok: false, locked: true, retryAfterMs: 1 });
    advance(1);
    expect(throttle.lockouts()).toEqual([]);
    // Out of the lockout: one more wrong password locks it again (and reports a new lockout).
    const again = fail('c01');
    expect(again.admission.ok).toBe(true);
    expect(again.lockout).toMatchObject({ key: 'c01', failures: 11 });
  });

  it('a success resets the count of an account', () => {
    const { throttle, fail } = rig();
    for (let i = 0; i < 5; i++) fail('c01');
    expect(throttle.admit('c01').ok).toBe(false);
    // Another key is not affected.
    expect(throttle.admit('c02').ok).toBe(true);
    throttle.succeeded('c02');
    expect(throttle.size).toBe(1);
  });

  it('after a success the failures start again from zero', () => {
    const { throttle, fail } = rig();
    for (let i = 0; i < 4; i++) fail('c01');
    expect(throttle.admit('c01').ok).toBe(true);
    throttle.succeeded('c01');
    expect(throttle.size).toBe(0);
    for (let i = 0; i < 5; i++) expect(fail('c01').admission.ok).toBe(true);
  });

  it('a success does not reset an address (it could clear its own count with one password it knows)', () => {
    const { throttle, fail } = rig({ successResets: false });
    for (let i = 0; i < 5; i++) fail('10.0.0.9');
    throttle.admit('10.0.0.9'); // refused, nothing to settle
    expect(throttle.admit('10.0.0.9').ok).toBe(false);
  });

  it('counts attempts in flight, so parallel guesses cannot outrun the count', () => {
    const { throttle } = rig();
    const admitted = Array.from({ length: 20 }, () => throttle.admit('c01')).filter((a) => a.ok).length;
    expect(admitted).toBe(5);
  });

  it('an address does not count attempts in flight: clerks at one address log in side by side', () => {
    const { throttle } = rig({ countsInFlight: false, freeFailures: 20 });
    const admitted = Array.from({ length: 40 }, () => throttle.admit('127.0.0.1')).filter((a) => a.ok).length;
    expect(admitted).toBe(40);
    for (let i = 0; i < 40; i++) throttle.succeeded('127.0.0.1');
    expect(throttle.size).toBe(0);
  });

  it('an abandoned attempt counts for nothing', () => {
    const { throttle } = rig();
    for (let i = 0; i < 20; i++) {
      expect(throttle.admit('c01').ok).toBe(true);
      throttle.abandoned('c01');
    }
    expect(throttle.size).toBe(0);
  });

  it('forgets a key an hour after its last failure, and keeps at most maxKeys (lockouts last)', () => {
    const { throttle, fail, advance } = rig({ maxKeys: 50 });
    fail('c01');
    advance(60 * 60_000);
    fail('c02'); // the sweep on admitting forgets c01
    expect(throttle.size).toBe(1);
    for (let i = 0; i < 10; i++) {
      advance(60_000);
      fail('locked');
    }
    expect(throttle.lockouts().map((l) => l.key)).toEqual(['locked']);
    for (let i = 0; i < 500; i++) fail(`guess-${i}`);
    expect(throttle.size).toBeLessThanOrEqual(50);
    expect(throttle.admit('locked')).toMatchObject({ ok: false, locked: true });
  });
});

describe('HashGate', () => {
  it('runs at most maxRunning at once, queues maxWaiting more and refuses beyond at once', async () => {
    const gate = new HashGate(2, 3);
    const releases: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const task = () =>
      new Promise<number>((resolve) => {
        running++;
        most = Math.max(most, running);
        releases.push(() => {
          running--;
          resolve(1);
        });
      });
    const started = Array.from({ length: 7 }, () => gate.run(task));
    expect(started.filter((p) => p === null)).toHaveLength(2);
    expect(gate.load).toEqual({ running: 2, waiting: 3 });
    await Promise.resolve();
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await Promise.all(started.filter((p) => p !== null))).toEqual([1, 1, 1, 1, 1]);
    expect(most).toBe(2);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees its slot when a task fails', async () => {
    const gate = new HashGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(() => Promise.resolve('next'))).toBe('next');
  });
});
