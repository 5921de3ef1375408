/**
 * A token bucket per device: `burst` requests at once, then `perMinute` a minute. `take` answers 0 when a request may
 * go ahead (and counts it), or how many milliseconds to wait before the next one will. Keyed by device id, which the
 * hall file lists, so the map stays as small as the hall.
 */
export class DevicePace {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** `rate` is read at each request: a change of the hall's policy applies at once. */
  constructor(
    private readonly rate: () => { perMinute: number; burst: number },
    private readonly now: () => number,
  ) {}

  private get perMinute(): number {
    return this.rate().perMinute;
  }

  private get burst(): number {
    return this.rate().burst;
  }

  take(device: string): number {
    const now = this.now();
    const bucket = this.buckets.get(device) ?? { tokens: this.burst, at: now };
    // A clock set back refills nothing and takes nothing away.
    const elapsed = Math.max(0, now - bucket.at);
    const tokens = Math.min(this.burst, bucket.tokens + (elapsed * this.perMinute) / 60_000);
    if (tokens >= 1) {
      this.buckets.set(device, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.buckets.set(device, { tokens, at: now });
    return Math.ceil(((1 - tokens) * 60_000) / this.perMinute);
  }

  /** Gives back a request `take` counted that turned out not to count (never beyond the burst). */
  giveBack(device: string): void {
    const bucket = this.buckets.get(device);
    if (bucket) bucket.tokens = Math.min(this.burst, bucket.tokens + 1);
  }
}
