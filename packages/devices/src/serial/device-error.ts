/** What every serial driver's errors share: a message naming the port, and the port, for the caller to act on. */
export class SerialDeviceError extends Error {
  constructor(
    message: string,
    /** The device's serial port, e.g. "/dev/ttyUSB0". */
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
