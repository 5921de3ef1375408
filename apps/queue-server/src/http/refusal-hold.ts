/**
 * Holds a refusal for a limit (429) before it is sent, for up to a second and never beyond its own Retry-After. A
 * client that waits for its answers before asking again (every flooding tool does, or its connections pile up against
 * the per-address cap) then gets one refusal per connection per second instead of thousands: the server no longer
 * spends its one event loop answering a flood while kiosks wait behind it. An honest client that met a limit loses
 * nothing: it was told to wait longer than that anyway. At most `maxHeld` wait at once (each is one timer and an open
 * socket); beyond that a refusal goes at once.
 */
export class RefusalHold {
  private held = 0;

  constructor(
    private readonly holdMs: number,
    private readonly maxHeld: number,
  ) {}

  /** Resolves when the refusal may be sent: after min(holdMs, retryAfterMs), or at once. */
  async hold(retryAfterMs: number): Promise<void> {
    const ms = Math.min(this.holdMs, retryAfterMs);
    if (ms <= 0 || this.held >= this.maxHeld) return;
    this.held++;
    try {
      await new Promise((resolve) => setTimeout(resolve, ms));
    } finally {
      this.held--;
    }
  }

  /** Refusals waiting now. */
  get waiting(): number {
    return this.held;
  }
}
