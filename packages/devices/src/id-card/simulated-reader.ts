import { simulatedDeviceLine, type SimulatedDeviceLine } from '../serial/simulated-device-line';
import { IdCardReaderSimulator } from './id-card-simulator';

/** `path` is where the driver (the kiosk's serial device) opens the reader. */
export type SimulatedIdCardReader = SimulatedDeviceLine<IdCardReaderSimulator>;

/** A simulated ID-card reader on a real serial line at the reader's 115200 baud (needs socat). */
export function simulatedIdCardReader(): Promise<SimulatedIdCardReader> {
  return simulatedDeviceLine(() => new IdCardReaderSimulator(), 115200);
}
