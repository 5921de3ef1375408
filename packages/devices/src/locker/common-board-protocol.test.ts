import { describe, expect, it } from 'vitest';
import { bcc, commonBoardProtocol as p } from './common-board-protocol';
import { LockFrameError } from './lock-protocol';

const bytes = (hex: string) => Uint8Array.from(hex.split(' ').map((h) => parseInt(h, 16)));
const doorsOpen = (...channels: number[]) => Array.from({ length: 24 }, (_, i) => channels.includes(i + 1));

describe('the common lock board frames', () => {
  it('checksums a frame as the XOR of its other bytes', () => {
    expect(bcc([0x8a, 0x01, 0x01, 0x11])).toBe(0x9b);
    expect(bcc([0x80, 0x01, 0x00, 0x33])).toBe(0xb2);
  });

  it('encodes open lock as 8A addr ch 11 bcc and decodes it back on the board side', () => {
    const command = { kind: 'open', address: 2, channel: 1 } as const;
    expect(p.encodeCommand(command)).toEqual(bytes('8A 02 01 11 98'));
    expect(p.decodeCommand(bytes('8A 02 01 11 98'))).toEqual(command);
  });

  it('encodes read one lock as 80 addr ch 33 bcc and decodes it back', () => {
    const command = { kind: 'read', address: 1, channel: 24 } as const;
    expect(p.encodeCommand(command)).toEqual(bytes('80 01 18 33 AA'));
    expect(p.decodeCommand(bytes('80 01 18 33 AA'))).toEqual(command);
  });

  it('encodes read the board as 80 addr 00 33 bcc and decodes it back', () => {
    expect(p.encodeCommand({ kind: 'readAll', address: 1 })).toEqual(bytes('80 01 00 33 B2'));
    expect(p.decodeCommand(bytes('80 01 00 33 B2'))).toEqual({ kind: 'readAll', address: 1 });
  });

  it('reads the open reply state 11 as open and 00 as still closed, both ways', () => {
    const command = { kind: 'open', address: 2, channel: 1 } as const;
    expect(p.decodeReply(command, bytes('8A 02 01 11 98'))).toEqual({ ...command, open: true });
    expect(p.decodeReply(command, bytes('8A 02 01 00 89'))).toEqual({ ...command, open: false });
    expect(p.encodeReply({ ...command, open: true })).toEqual(bytes('8A 02 01 11 98'));
    expect(p.encodeReply({ ...command, open: false })).toEqual(bytes('8A 02 01 00 89'));
  });

  it('reads a one-lock status reply both ways', () => {
    const command = { kind: 'read', address: 1, channel: 3 } as const;
    expect(p.decodeReply(command, bytes('80 01 03 11 93'))).toEqual({ ...command, open: true });
    expect(p.encodeReply({ ...command, open: false })).toEqual(bytes('80 01 03 00 82'));
  });

  it('reads the board reply as 7 bytes with locks 17–24 first and bit 0 the lowest lock of each byte', () => {
    const command = { kind: 'readAll', address: 1 } as const;
    expect(p.replyLength(command)).toBe(7);
    expect(p.decodeReply(command, bytes('80 01 00 00 05 33 B7'))).toEqual({ ...command, doors: doorsOpen(1, 3) });
    expect(p.decodeReply(command, bytes('80 01 80 01 00 33 33'))).toEqual({ ...command, doors: doorsOpen(9, 24) });
    const reply = { kind: 'readAll', address: 1, doors: doorsOpen(1, 3, 9, 24) } as const;
    expect(p.encodeReply(reply)).toEqual(bytes('80 01 80 01 05 33 36'));
    expect(p.decodeReply(command, p.encodeReply(reply))).toEqual(reply);
  });

  it('rejects a reply with a bad checksum, saying so and showing the frame', () => {
    const command = { kind: 'read', address: 1, channel: 3 } as const;
    expect(() => p.decodeReply(command, bytes('80 01 03 11 94'))).toThrow(LockFrameError);
    expect(() => p.decodeReply(command, bytes('80 01 03 11 94'))).toThrow(/bad checksum.*80 01 03 11 94/);
    expect(() => p.decodeReply({ kind: 'readAll', address: 1 }, bytes('80 01 00 00 05 33 B6'))).toThrow(/bad checksum/);
  });

  it('rejects a command with a bad checksum on the board side', () => {
    expect(() => p.decodeCommand(bytes('8A 01 01 11 9A'))).toThrow(/bad checksum/);
  });

  it('rejects a well-formed reply from another board, for another lock, to another command or in an unknown state', () => {
    const command = { kind: 'read', address: 1, channel: 3 } as const;
    expect(() => p.decodeReply(command, p.encodeReply({ ...command, address: 2, open: true }))).toThrow(/board 2/);
    expect(() => p.decodeReply(command, p.encodeReply({ ...command, channel: 4, open: true }))).toThrow(/lock 4/);
    expect(() => p.decodeReply(command, p.encodeReply({ ...command, kind: 'open', open: true }))).toThrow(/command/);
    expect(() => p.decodeReply(command, bytes('80 01 03 01 83'))).toThrow(/unknown lock state/);
    expect(() => p.decodeReply(command, bytes('80 01 03 11'))).toThrow(/expected 5 bytes/);
  });

  it('refuses to encode a lock or board the board cannot have', () => {
    expect(() => p.encodeCommand({ kind: 'open', address: 1, channel: 25 })).toThrow(RangeError);
    expect(() => p.encodeCommand({ kind: 'open', address: 1, channel: 0 })).toThrow(RangeError);
    expect(() => p.encodeCommand({ kind: 'readAll', address: 32 })).toThrow(RangeError);
  });
});
