import type { Duplex } from 'node:stream';
import { ptyPair } from '../locker/pty-pair';
import { closePort, openSerialPort } from './serial-port';

/** A device simulator: it answers on the streams attached to it and hangs them all up on close. */
export interface LineSimulator {
  attach(stream: Duplex): void;
  close(): void;
}

export interface SimulatedDeviceLine<S extends LineSimulator> {
  /** Where the driver opens the line, as it would the device's serial port. */
  path: string;
  simulator: S;
  close(): Promise<void>;
}

/**
 * A simulated device on a real serial line: a socat pty pair, the simulator answering on one end through serialport,
 * the other end for the driver. For demos and end-to-end tests (needs socat).
 */
export async function simulatedDeviceLine<S extends LineSimulator>(
  createSimulator: () => S,
  baudRate: number,
): Promise<SimulatedDeviceLine<S>> {
  const pair = await ptyPair();
  const port = await openSerialPort(pair.paths[1], baudRate).catch(async (error: unknown) => {
    await pair.close();
    throw error;
  });
  const simulator = createSimulator();
  simulator.attach(port);
  return {
    path: pair.paths[0],
    simulator,
    async close() {
      simulator.close();
      await closePort(port);
      await pair.close();
    },
  };
}
