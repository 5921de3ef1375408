import { SerialPort } from 'serialport';
import { LockBoardSimulator, type LockBoardSimulatorOptions } from './lock-board-simulator';
import { ptyPair } from './pty-pair';

export interface SimulatedLockLine {
  /** Where the driver (the locker PC's serial device) opens the line. */
  path: string;
  simulator: LockBoardSimulator;
  close(): Promise<void>;
}

/**
 * Simulated lock boards on a real serial line: a socat pty pair, the boards answering on one end through
 * serialport, the other end for the driver. For demos and end-to-end tests (needs socat).
 */
export async function simulatedLockLine(options: LockBoardSimulatorOptions = {}): Promise<SimulatedLockLine> {
  const pair = await ptyPair();
  const port = new SerialPort({ path: pair.paths[1], baudRate: 9600, autoOpen: false });
  try {
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  } catch (error) {
    await pair.close();
    throw error;
  }
  const simulator = new LockBoardSimulator(options);
  simulator.attach(port);
  return {
    path: pair.paths[0],
    simulator,
    async close() {
      simulator.close();
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
      await pair.close();
    },
  };
}
