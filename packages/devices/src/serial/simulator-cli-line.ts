import { ptyPair, type PtyPair } from '../locker/pty-pair';
import { openSerialPort } from './serial-port';
import type { LineSimulator } from './simulated-device-line';

/**
 * Puts a simulator CLI's `simulator` on the line: the port at `path`, or without one a socat pty pair, whose other
 * end goes alone on stdout for a script to open the driver on; what is said to the person goes to stderr.
 * Returns the CLI's stop: it hangs the simulator up, removes the pair and ends the process.
 */
export async function serveSimulatorLine(
  simulator: LineSimulator,
  options: { name: string; baudRate: number; path: string | undefined },
): Promise<() => void> {
  let pair: PtyPair | null = null;
  let servedPath = options.path;
  if (servedPath === undefined) {
    pair = await ptyPair();
    servedPath = pair.paths[1];
  }
  simulator.attach(await openSerialPort(servedPath, options.baudRate));
  if (pair === null) {
    console.error(`${options.name} answering on ${servedPath}`);
  } else {
    console.error(`${options.name}: open the driver on ${pair.paths[0]}`);
    console.log(pair.paths[0]);
  }
  return () => {
    simulator.close();
    void (pair?.close() ?? Promise.resolve()).then(() => process.exit(0));
  };
}
