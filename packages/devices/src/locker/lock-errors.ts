import { SerialDeviceError } from '../serial/device-error';

/** Every failure of a lock board; `path` is the line the board is on. */
export class LockBoardError extends SerialDeviceError {}
/** The serial port could not be opened or written, or was closed while the command waited. */
export class LockBoardPortError extends LockBoardError {}
/** The board did not answer, not even to the one retry. */
export class LockBoardTimeoutError extends LockBoardError {}
/** Something answered, but not a valid reply to the command: bad checksum, wrong address, channel or command. */
export class LockBoardProtocolError extends LockBoardError {}
