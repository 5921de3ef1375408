import { SerialPort, type SerialPortMock } from 'serialport';

/** The port a driver runs on: a real one, or serialport's mock binding in tests. */
export type DevicePort = SerialPort | SerialPortMock;

/** Opens a port 8N1; `failed` turns a refusal into the driver's own error. */
export async function openSerialPort(
  path: string,
  baudRate: number,
  failed: (cause: Error) => Error = (cause) => cause,
): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((cause) => (cause ? reject(failed(cause)) : resolve())));
  return port;
}

export interface PortLoss {
  message: string;
  /** Set when the port failed: its error, as the cause of the driver's own. */
  options?: { cause: Error };
  /** The port was closed rather than failed: nothing more will arrive on it. */
  closed: boolean;
}

/** Tells the driver when its port fails or is closed under it, as unplugging a USB adapter does. */
export function onPortLost(port: DevicePort, lost: (loss: PortLoss) => void): void {
  port.on('error', (cause: Error) =>
    lost({ message: `${port.path} failed: ${cause.message}`, options: { cause }, closed: false }),
  );
  port.on('close', () => lost({ message: `${port.path} was closed`, closed: true }));
}

/** Writes `bytes`; `failed` hears of a write the port refused. */
export function writeToPort(port: DevicePort, bytes: Buffer, failed: (message: string) => void): void {
  port.write(bytes, (cause) => {
    if (cause) failed(`${port.path} failed: ${cause.message}`);
  });
}

/** Closes the port unless it is closed already. */
export async function closePort(port: DevicePort): Promise<void> {
  if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
}
