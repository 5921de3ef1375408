import { Duplex } from 'node:stream';
import { SerialPortMock, type SerialPort } from 'serialport';
import { closePort, openSerialPort } from './serial-port';
import type { LineSimulator } from './simulated-device-line';

/** Opens a real port for a test and leaves closing it to the test's `cleanups`. */
export async function openTestPort(
  path: string,
  baudRate: number,
  cleanups: (() => Promise<void> | void)[],
): Promise<SerialPort> {
  const port = await openSerialPort(path, baudRate);
  cleanups.push(() => closePort(port));
  return port;
}

let mockPorts = 0;

/**
 * An open port on serialport's mock binding, `simulator` on the device's side of the cable: what the driver writes
 * reaches the simulator, whose answers come back as data (a byte at a time with `split`, as a slow line delivers).
 */
export async function mockDevicePort(
  name: string,
  baudRate: number,
  simulator: LineSimulator,
  options: { split?: boolean } = {},
) {
  const path = `/dev/tty${name}MOCK${mockPorts++}`;
  SerialPortMock.binding.createPort(path, { record: true });
  const port = new SerialPortMock({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  const binding = port.port;
  if (binding === undefined) throw new Error('mock port did not open');
  const wire = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, done) {
      const pieces = options.split ? [...chunk].map((b) => Buffer.from([b])) : [chunk];
      for (const piece of pieces) binding.emitData(piece);
      done();
    },
  });
  const write = binding.write.bind(binding);
  binding.write = async (buffer: Buffer) => {
    await write(buffer);
    wire.push(Buffer.from(buffer));
  };
  simulator.attach(wire);
  return { port, recording: () => binding.recording };
}
