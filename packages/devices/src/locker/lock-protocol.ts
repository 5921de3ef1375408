/**
 * What a lock-board driver needs from a wire protocol. The driver only speaks in these commands and replies, so a
 * second board family is one more object implementing `LockProtocol`, passed as `protocol` when opening the bus.
 */

export type LockCommand =
  | { kind: 'open'; address: number; channel: number }
  | { kind: 'read'; address: number; channel: number }
  | { kind: 'readAll'; address: number };

export type LockReply =
  /** `open` is what the board reports right after pulsing the lock: false means the door did not open. */
  | { kind: 'open'; address: number; channel: number; open: boolean }
  | { kind: 'read'; address: number; channel: number; open: boolean }
  /** `doors[i]` is channel i + 1. */
  | { kind: 'readAll'; address: number; doors: boolean[] };

export interface LockProtocol {
  readonly name: string;
  /** Channels on one board, numbered from 1. */
  readonly channels: number;
  encodeCommand(command: LockCommand): Uint8Array;
  /** Bytes in the reply to `command`: the driver reads exactly this many. */
  replyLength(command: LockCommand): number;
  /** Decodes the reply to `command`; throws LockFrameError when it is not one. */
  decodeReply(command: LockCommand, bytes: Uint8Array): LockReply;
  /** Bytes in every command frame (what a simulator reads). */
  readonly commandLength: number;
  /** The board's side: throws LockFrameError on a frame that is not a command. */
  decodeCommand(bytes: Uint8Array): LockCommand;
  encodeReply(reply: LockReply): Uint8Array;
}

/** A frame that does not decode. The driver wraps it in a LockBoardProtocolError naming the port. */
export class LockFrameError extends Error {
  constructor(
    message: string,
    readonly frame: Uint8Array,
  ) {
    super(`${message}: ${hex(frame)}`);
    this.name = 'LockFrameError';
  }
}

export function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}
