/**
 * Login throttling, as pure bookkeeping over an injected clock: how many failed logins a key (a staff id, a client
 * address) has had, whether its next attempt must wait, and whether it is locked out. Only failures count, so staff
 * who log in right are never slowed, however often they do.
 */

/** How one kind of key is throttled. */
export interface ThrottlePolicy {
  /** Failures taken at full speed; each attempt after them waits. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further failure, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** At this many failures the key is locked for `lockoutMs`: every attempt is refused, the right password too. */
  lockoutAfter: number;
  lockoutMs: number;
  /**
   * A key with no failure for this long (and no lockout running) is forgotten. Longer than the lockout, so a key just
   * out of a lockout gets one attempt and is locked again if that fails too.
   */
  forgetAfterMs: number;
  /** Whether a right password wipes the key's failures: yes for an account; no for an address, which could otherwise clear its own count with one password it knows. */
  successResets: boolean;
  /**
   * Whether attempts still being checked count as failures when deciding to make the next one wait, so parallel
   * guesses cannot outrun the count. Yes for an account; no for an address, where honest clerks log in side by side.
   */
  countsInFlight: boolean;
  /** Keys kept at most (memory bound); when full, the key whose record ends soonest goes, lockouts last. */
  maxKeys: number;
}

/** Admitted (the caller hashes, then reports `failed`, `succeeded` or `abandoned`), or refused with the wait. */
export type Admission = { ok: true } | { ok: false; retryAfterMs: number; locked: boolean };

export interface Lockout {
  key: string;
  /** Epoch ms the lockout ends. */
  until: number;
  failures: number;
}

interface Entry {
  failures: number;
  inFlight: number;
  lastFailureAt: number;
  lockedUntil: number | null;
}

const SWEEP_EVERY_MS = 60_000;

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly now: () => number,
  ) {}

  /** The wait before the next attempt after `failures` failures (0 while they are free). */
  delayAfter(failures: number): number {
    const { freeFailures, baseDelayMs, maxDelayMs } = this.policy;
    if (failures < freeFailures) return 0;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(failures - freeFailures, 30));
  }

  /** Before any hashing: refuse, saying how long to wait, or admit one attempt, which the caller must then settle. */
  admit(key: string): Admission {
    const now = this.now();
    this.sweep(now);
    let entry = this.entries.get(key);
    if (entry) {
      const refused = this.refusal(entry, now);
      if (refused) return refused;
    } else {
      entry = { failures: 0, inFlight: 0, lastFailureAt: now, lockedUntil: null };
      this.insert(key, entry, now);
    }
    entry.inFlight++;
    return { ok: true };
  }

  /**
   * Whether the key may try now, without starting an attempt: for checks that settle at once (a bearer key is known or
   * not), where the caller reports only a failure.
   */
  check(key: string): Admission {
    const entry = this.entries.get(key);
    return (entry && this.refusal(entry, this.now())) || { ok: true };
  }

  private refusal(entry: Entry, now: number): Extract<Admission, { ok: false }> | null {
    if (entry.lockedUntil !== null && entry.lockedUntil > now)
      return { ok: false, retryAfterMs: entry.lockedUntil - now, locked: true };
    const counted = entry.failures + (this.policy.countsInFlight ? entry.inFlight : 0);
    if (counted < this.policy.freeFailures) return null;
    // Throttled: one attempt at a time, each after its wait.
    if (entry.inFlight > 0) return { ok: false, retryAfterMs: this.policy.baseDelayMs, locked: false };
    const readyAt = entry.lastFailureAt + this.delayAfter(entry.failures);
    return now < readyAt ? { ok: false, retryAfterMs: readyAt - now, locked: false } : null;
  }

  /** An admitted attempt had the wrong password; the lockout it started, or null when it started none. */
  failed(key: string): Lockout | null {
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { failures: 0, inFlight: 1, lastFailureAt: now, lockedUntil: null };
      this.insert(key, entry, now);
    }
    const wasLocked = entry.lockedUntil !== null && entry.lockedUntil > now;
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    entry.failures++;
    entry.lastFailureAt = now;
    if (entry.failures < this.policy.lockoutAfter) return null;
    entry.lockedUntil = Math.max(entry.lockedUntil ?? 0, now + this.policy.lockoutMs);
    return wasLocked ? null : { key, until: entry.lockedUntil, failures: entry.failures };
  }

  /** An admitted attempt had the right password. */
  succeeded(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    if (this.policy.successResets) {
      entry.failures = 0;
      entry.lockedUntil = null;
    }
    if (entry.failures === 0 && entry.inFlight === 0) this.entries.delete(key);
  }

  /** An admitted attempt was not checked after all (refused for another reason, or the hashing failed). */
  abandoned(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    if (entry.failures === 0 && entry.inFlight === 0) this.entries.delete(key);
  }

  /** The lockouts in force now, ending soonest first. */
  lockouts(): Lockout[] {
    const now = this.now();
    const out: Lockout[] = [];
    for (const [key, e] of this.entries) {
      if (e.lockedUntil !== null && e.lockedUntil > now) out.push({ key, until: e.lockedUntil, failures: e.failures });
    }
    return out.sort((a, b) => a.until - b.until || a.key.localeCompare(b.key));
  }

  /** How many keys are remembered (for the memory bound's tests). */
  get size(): number {
    return this.entries.size;
  }

  /** When the key's record may be forgotten. */
  private endOf(e: Entry): number {
    return Math.max(e.lockedUntil ?? 0, e.lastFailureAt + this.policy.forgetAfterMs);
  }

  private sweep(now: number, force = false): void {
    // A clock set back (tests, a corrected hall PC) sweeps at once rather than waiting for the old time again.
    if (!force && now >= this.lastSweep && now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, e] of this.entries) {
      if (e.inFlight === 0 && (e.failures === 0 || this.endOf(e) <= now)) this.entries.delete(key);
    }
  }

  private insert(key: string, entry: Entry, now: number): void {
    if (this.entries.size >= this.policy.maxKeys) this.sweep(now, true);
    if (this.entries.size >= this.policy.maxKeys) {
      // Still full: drop the record that would end soonest, keeping lockouts and attempts in flight while others remain.
      let victim: string | undefined;
      let rank = Number.POSITIVE_INFINITY;
      for (const [k, e] of this.entries) {
        const locked = e.lockedUntil !== null && e.lockedUntil > now;
        const r = (e.inFlight > 0 ? 2e15 : 0) + (locked ? 1e15 : 0) + this.endOf(e) - now;
        if (r < rank) {
          rank = r;
          victim = k;
        }
      }
      if (victim !== undefined) this.entries.delete(victim);
    }
    this.entries.set(key, entry);
  }
}

/**
 * At most `maxRunning` password hashes at once, `maxWaiting` more queued; beyond that `run` refuses at once (null), so
 * a flood of logins costs the hall a bounded amount of CPU and memory (each scrypt takes 16 MB) and never piles up.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaiting: number,
  ) {}

  /** Runs `task` when a slot is free; null at once when the queue is full (the caller refuses, 429). */
  run<T>(task: () => Promise<T>): Promise<T> | null {
    if (this.running >= this.maxRunning && this.waiting.length >= this.maxWaiting) return null;
    return this.acquire().then(async () => {
      try {
        return await task();
      } finally {
        this.release();
      }
    });
  }

  /** Hashes running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private acquire(): Promise<void> {
    if (this.running < this.maxRunning) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
