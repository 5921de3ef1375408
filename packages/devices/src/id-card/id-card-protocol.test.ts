import { describe, expect, it } from 'vitest';
import {
  commandName,
  encodeCommand,
  encodeResponse,
  FrameDecoder,
  MAX_FRAME_LENGTH,
  parseRequest,
  parseResponse,
  statusOf,
} from './id-card-protocol';

const bytes = (text: string) => Uint8Array.from(text.split(' ').map((h) => parseInt(h, 16)));
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

describe('ID-card command frames', () => {
  it('encodes find, select and read base information as the readers expect them', () => {
    expect(hex(encodeCommand('findCard'))).toBe('AA AA AA 96 69 00 03 20 01 22');
    expect(hex(encodeCommand('selectCard'))).toBe('AA AA AA 96 69 00 03 20 02 21');
    expect(hex(encodeCommand('readBaseInfo'))).toBe('AA AA AA 96 69 00 03 30 01 32');
  });

  it('counts the check byte in the length and XORs everything between preamble and check', () => {
    const frame = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(4) });
    expect(hex(frame)).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
  });

  it('names the commands it knows and no other', () => {
    const [body] = new FrameDecoder().push(encodeCommand('selectCard'));
    expect(body?.kind === 'frame' && commandName(parseRequest(body.body))).toBe('selectCard');
    expect(commandName({ command: 0x10, parameter: 0xff, data: new Uint8Array(0) })).toBeNull();
  });
});

describe('decoding answers from a byte stream', () => {
  const found = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x9f, data: Uint8Array.of(1, 2, 3, 4) });

  it('gives the status bytes and data of a whole answer', () => {
    const [decoded] = new FrameDecoder().push(found);
    expect(decoded?.kind).toBe('frame');
    const response = parseResponse(decoded?.kind === 'frame' ? decoded.body : new Uint8Array(0));
    expect(response).toEqual({ sw1: 0, sw2: 0, sw3: 0x9f, data: Uint8Array.of(1, 2, 3, 4) });
  });

  it('puts together an answer that arrives one byte at a time, preamble included', () => {
    const decoder = new FrameDecoder();
    const out = [...found].flatMap((b) => decoder.push(Uint8Array.of(b)));
    expect(out).toHaveLength(1);
    expect(out[0]?.kind).toBe('frame');
  });

  it('skips noise before the preamble, including a false start of AA bytes', () => {
    const noisy = Uint8Array.of(0x00, 0xaa, 0xaa, 0x13, 0xaa, 0xaa, 0xaa, 0x96, ...found);
    const out = new FrameDecoder().push(noisy);
    // The 0xAA 0xAA 0xAA 0x96 before the real frame is not a preamble (no 0x69), so only the frame remains.
    expect(out.map((d) => d.kind)).toEqual(['frame']);
  });

  it('reports a bad check byte and still decodes the answer after it', () => {
    const corrupt = found.slice();
    corrupt[corrupt.length - 1] = (corrupt.at(-1) as number) ^ 0x01;
    const out = new FrameDecoder().push(Uint8Array.of(...corrupt, ...found));
    expect(out.map((d) => d.kind)).toEqual(['badChecksum', 'frame']);
  });

  it('resyncs past a preamble whose length no reader sends', () => {
    const absurd = bytes('AA AA AA 96 69 FF FF 00 00 90');
    const tooShort = bytes('AA AA AA 96 69 00 01 00');
    const out = new FrameDecoder().push(Uint8Array.of(...absurd, ...tooShort, ...found));
    expect(out.map((d) => d.kind)).toEqual(['frame']);
    expect(MAX_FRAME_LENGTH).toBeLessThan(0xffff);
  });

  it('forgets a half answer on reset', () => {
    const decoder = new FrameDecoder();
    decoder.push(found.slice(0, 9));
    decoder.reset();
    expect(decoder.push(found.slice(9))).toEqual([]);
    expect(decoder.push(found).map((d) => d.kind)).toEqual(['frame']);
  });
});

describe('reader statuses', () => {
  it('names the statuses of the standard and marks others as unlisted', () => {
    expect(statusOf(0x90).name).toBe('ok');
    expect(statusOf(0x9f).name).toBe('cardFound');
    expect(statusOf(0x80)).toEqual({ code: 0x80, name: 'noCard', text: '寻找居民身份证失败' });
    expect(statusOf(0x81).name).toBe('selectFailed');
    expect(statusOf(0x41).name).toBe('readFailed');
    expect(statusOf(0x60).name).toBe('selfTestFailed');
    expect(statusOf(0x55)).toEqual({ code: 0x55, name: 'unlisted', text: '状态码 0x55' });
  });
});
