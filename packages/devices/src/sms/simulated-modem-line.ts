import { simulatedDeviceLine, type SimulatedDeviceLine } from '../serial/simulated-device-line';
import { SmsModemSimulator, type SmsModemSimulatorOptions } from './sms-modem-simulator';

/** `path` is where the driver (the PC's modem port) opens the line. */
export type SimulatedSmsModemLine = SimulatedDeviceLine<SmsModemSimulator>;

/** A simulated SMS modem on a real serial line at the modem's 115200 baud (needs socat). */
export function simulatedSmsModemLine(options: SmsModemSimulatorOptions = {}): Promise<SimulatedSmsModemLine> {
  return simulatedDeviceLine(() => new SmsModemSimulator(options), 115200);
}
