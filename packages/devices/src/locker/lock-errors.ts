export class LockBoardError extends Error {
  constructor(
    message: string,
    /** The line the board is on, e.g. "/dev/ttyUSB0". */
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
/** The serial port could not be opened or written, or was closed while the command waited. */
export class LockBoardPortError extends LockBoardError {}
/** The board did not answer, not even to the one retry. */
export class LockBoardTimeoutError extends LockBoardError {}
/** Something answered, but not a valid reply to the command: bad checksum, wrong address, channel or command. */
export class LockBoardProtocolError extends LockBoardError {}
