/**
 * The common RS-485 lock-control board of Chinese parcel and pickup lockers (8/16/24-channel "锁控板"), 9600 8N1.
 *
 * Commands are 5 bytes, the last the XOR (BCC) of the other four; addresses 0x01–0x1F (DIP switches), channels 1–24:
 *   open a lock       8A addr ch 11 bcc
 *   read one lock     80 addr ch 33 bcc
 *   read the board    80 addr 00 33 bcc
 *
 * Replies, as the vendors' sheets and field notes describe them:
 *   open / read one   cmd addr ch state bcc       (5 bytes; the command byte and channel echoed)
 *     state 0x11: the lock is released / door open; 0x00: locked / door closed. The open reply comes once the pulse
 *     is over (about a second on real boards) and reports the sensor then, so 0x00 there means "did not open".
 *   read the board    80 addr s3 s2 s1 33 bcc     (7 bytes, BCC over the first six)
 *     24 bits cannot fit the 5-byte frame, so the board puts three state bytes between the address and the 0x33:
 *     s1 = locks 1–8, s2 = locks 9–16, s3 = locks 17–24, i.e. the highest locks first; within a byte bit 0 is the
 *     lowest lock of the group. A set bit means open, as 0x11 does for one lock.
 *     e.g. 80 01 00 00 05 33 B7: locks 1 and 3 open, every other lock closed.
 *
 * The field notes disagree on one point: a few boards wired to normally-closed door switches report the inverse.
 * This reading follows the vendors' sheets; check one door by hand when commissioning a cabinet.
 */
import { LockFrameError, type LockCommand, type LockProtocol, type LockReply } from './lock-protocol';

const OPEN = 0x8a;
const READ = 0x80;
const OPEN_ARG = 0x11;
const READ_ARG = 0x33;
const STATE_OPEN = 0x11;
const STATE_CLOSED = 0x00;
const CHANNELS = 24;
const READ_ALL_LENGTH = 7;

export function bcc(bytes: Uint8Array | number[]): number {
  let x = 0;
  for (const b of bytes) x ^= b;
  return x;
}

function frame(...body: number[]): Uint8Array {
  return Uint8Array.from([...body, bcc(body)]);
}

function checkAddress(address: number): void {
  if (!Number.isInteger(address) || address < 1 || address > 0x1f) {
    throw new RangeError(`board address ${address} is not between 1 and 31`);
  }
}

function checkChannel(channel: number): void {
  if (!Number.isInteger(channel) || channel < 1 || channel > CHANNELS) {
    throw new RangeError(`lock channel ${channel} is not between 1 and ${CHANNELS}`);
  }
}

/** Length, then checksum: the checks every frame passes before its bytes mean anything. */
function checkFrame(bytes: Uint8Array, length: number): void {
  if (bytes.length !== length) throw new LockFrameError(`expected ${length} bytes, got ${bytes.length}`, bytes);
  const sum = bcc(bytes.subarray(0, length - 1));
  if (sum !== bytes[length - 1]) {
    throw new LockFrameError(`bad checksum (XOR of the frame is ${sum.toString(16).padStart(2, '0')})`, bytes);
  }
}

function state(byte: number, bytes: Uint8Array): boolean {
  if (byte === STATE_OPEN) return true;
  if (byte === STATE_CLOSED) return false;
  throw new LockFrameError(`unknown lock state 0x${byte.toString(16).padStart(2, '0')}`, bytes);
}

function replyLength(command: LockCommand): number {
  return command.kind === 'readAll' ? READ_ALL_LENGTH : 5;
}

export const commonBoardProtocol: LockProtocol = {
  name: 'common 8A/80 lock board',
  channels: CHANNELS,
  commandLength: 5,

  encodeCommand(command: LockCommand): Uint8Array {
    checkAddress(command.address);
    if (command.kind === 'readAll') return frame(READ, command.address, 0x00, READ_ARG);
    checkChannel(command.channel);
    return command.kind === 'open'
      ? frame(OPEN, command.address, command.channel, OPEN_ARG)
      : frame(READ, command.address, command.channel, READ_ARG);
  },

  replyLength,

  decodeReply(command: LockCommand, bytes: Uint8Array): LockReply {
    checkFrame(bytes, replyLength(command));
    const [cmd, address] = bytes as unknown as [number, number];
    const expected = command.kind === 'open' ? OPEN : READ;
    if (cmd !== expected) {
      throw new LockFrameError(`reply to command 0x${expected.toString(16)} has command 0x${cmd.toString(16)}`, bytes);
    }
    if (address !== command.address) {
      throw new LockFrameError(`reply from board ${address}, asked board ${command.address}`, bytes);
    }
    if (command.kind === 'readAll') {
      if (bytes[5] !== READ_ARG) throw new LockFrameError('board status reply does not end in 33', bytes);
      // s3 s2 s1: the byte of locks 1–8 comes last.
      const groups = [bytes[4] as number, bytes[3] as number, bytes[2] as number];
      const doors = Array.from({ length: CHANNELS }, (_, i) => ((groups[i >> 3] as number) & (1 << (i & 7))) !== 0);
      return { kind: 'readAll', address, doors };
    }
    if (bytes[2] !== command.channel) {
      throw new LockFrameError(`reply for lock ${bytes[2]}, asked lock ${command.channel}`, bytes);
    }
    return { kind: command.kind, address, channel: command.channel, open: state(bytes[3] as number, bytes) };
  },

  decodeCommand(bytes: Uint8Array): LockCommand {
    checkFrame(bytes, 5);
    const [cmd, address, channel, arg] = bytes as unknown as [number, number, number, number];
    if (cmd === OPEN && arg === OPEN_ARG && channel >= 1 && channel <= CHANNELS) {
      return { kind: 'open', address, channel };
    }
    if (cmd === READ && arg === READ_ARG && channel === 0) return { kind: 'readAll', address };
    if (cmd === READ && arg === READ_ARG && channel <= CHANNELS) return { kind: 'read', address, channel };
    throw new LockFrameError('not a lock board command', bytes);
  },

  encodeReply(reply: LockReply): Uint8Array {
    checkAddress(reply.address);
    if (reply.kind === 'readAll') {
      if (reply.doors.length !== CHANNELS) throw new RangeError(`a board has ${CHANNELS} doors`);
      const groups = [0, 0, 0];
      reply.doors.forEach((open, i) => {
        if (open) groups[i >> 3] = (groups[i >> 3] as number) | (1 << (i & 7));
      });
      return frame(READ, reply.address, groups[2] as number, groups[1] as number, groups[0] as number, READ_ARG);
    }
    checkChannel(reply.channel);
    return frame(
      reply.kind === 'open' ? OPEN : READ,
      reply.address,
      reply.channel,
      reply.open ? STATE_OPEN : STATE_CLOSED,
    );
  },
};
