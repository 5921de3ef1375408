import { simulatedDeviceLine, type SimulatedDeviceLine } from '../serial/simulated-device-line';
import { LockBoardSimulator, type LockBoardSimulatorOptions } from './lock-board-simulator';

/** `path` is where the driver (the locker PC's serial device) opens the line. */
export type SimulatedLockLine = SimulatedDeviceLine<LockBoardSimulator>;

/** Simulated lock boards on a real serial line at the boards' 9600 baud (needs socat). */
export function simulatedLockLine(options: LockBoardSimulatorOptions = {}): Promise<SimulatedLockLine> {
  return simulatedDeviceLine(() => new LockBoardSimulator(options), 9600);
}
