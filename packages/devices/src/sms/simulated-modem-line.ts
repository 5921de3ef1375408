import { SerialPort } from 'serialport';
import { ptyPair } from '../locker/pty-pair';
import { SmsModemSimulator, type SmsModemSimulatorOptions } from './sms-modem-simulator';

export interface SimulatedSmsModemLine {
  /** Where the driver (the PC's modem port) opens the line. */
  path: string;
  simulator: SmsModemSimulator;
  close(): Promise<void>;
}

/**
 * A simulated SMS modem on a real serial line: a socat pty pair, the modem answering on one end through serialport,
 * the other end for the driver. For demos and end-to-end tests (needs socat).
 */
export async function simulatedSmsModemLine(options: SmsModemSimulatorOptions = {}): Promise<SimulatedSmsModemLine> {
  const pair = await ptyPair();
  const port = new SerialPort({ path: pair.paths[1], baudRate: 115200, autoOpen: false });
  try {
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  } catch (error) {
    await pair.close();
    throw error;
  }
  const simulator = new SmsModemSimulator(options);
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
