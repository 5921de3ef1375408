import TinyQueue from 'tinyqueue';

/** The hall clock while history is played: it stands still between steps and only moves forward. */
export class SimClock {
  private ms: number;

  constructor(start: number) {
    this.ms = start;
  }

  get time(): number {
    return this.ms;
  }

  readonly now = (): Date => new Date(this.ms);

  advanceTo(ms: number): void {
    if (ms < this.ms) throw new RangeError(`the clock only moves forward: ${new Date(ms).toISOString()} is past`);
    this.ms = ms;
  }
}

interface Step {
  at: number;
  order: number;
  run: () => Promise<void> | void;
}

/**
 * A day's steps in time order (equal instants in the order they were planned), each run at its instant on the
 * simulated clock and awaited before the next: one thing happens at a time, as the write pipeline would see it from
 * many clients, and the same plan always plays the same way.
 */
export class Timeline {
  private readonly steps = new TinyQueue<Step>([], (a, b) => a.at - b.at || a.order - b.order);
  private order = 0;

  /** `before(at)` runs ahead of each step, while the clock still shows the previous one (to settle what fell due). */
  constructor(
    private readonly clock: SimClock,
    private readonly before: (at: number) => Promise<void>,
  ) {}

  /** Plans `run` at `at` (never in the past: now at the earliest). */
  at(at: number, run: () => Promise<void> | void): void {
    if (!Number.isFinite(at)) throw new RangeError(`a step must have an instant, not ${at}`);
    this.steps.push({ at: Math.max(at, this.clock.time), order: this.order++, run });
  }

  /** Plans `run` `minutes` from now. */
  in(minutes: number, run: () => Promise<void> | void): void {
    this.at(this.clock.time + Math.round(minutes * 60_000), run);
  }

  async run(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      await this.before(step.at);
      this.clock.advanceTo(step.at);
      await step.run();
    }
  }
}
