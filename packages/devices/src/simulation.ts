/**
 * Simulated lock boards on a real serial line (a socat pty pair), for the demo hall and the end-to-end scenarios.
 * Kept out of the main index: it needs socat, which no locker PC runs.
 */
export { hasSocat } from './locker/pty-pair';
export { simulatedLockLine, type SimulatedLockLine } from './locker/simulated-line';
