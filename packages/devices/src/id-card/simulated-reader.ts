import { SerialPort } from 'serialport';
import { ptyPair } from '../locker/pty-pair';
import { IdCardReaderSimulator } from './id-card-simulator';

export interface SimulatedIdCardReader {
  /** Where the driver (the kiosk's serial device) opens the reader. */
  path: string;
  simulator: IdCardReaderSimulator;
  close(): Promise<void>;
}

/**
 * A simulated ID-card reader on a real serial line: a socat pty pair, the reader answering on one end through
 * serialport, the other end for the driver. For demos and end-to-end tests (needs socat).
 */
export async function simulatedIdCardReader(): Promise<SimulatedIdCardReader> {
  const pair = await ptyPair();
  const port = new SerialPort({ path: pair.paths[1], baudRate: 115200, autoOpen: false });
  try {
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  } catch (error) {
    await pair.close();
    throw error;
  }
  const simulator = new IdCardReaderSimulator();
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
