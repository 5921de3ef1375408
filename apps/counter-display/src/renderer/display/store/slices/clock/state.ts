export interface ClockState {
  /** Epoch ms, advanced by tick(): drives the clock and the turns of the second language. */
  now: number;
}
