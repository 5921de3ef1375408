/**
 * The serial protocol of the security module (SAM) inside readers of the second-generation resident ID card, as
 * GA 467-2013 / GA/T 467-2019 ("居民身份证验证安全控制模块接口技术规范", the terminal interface) defines it:
 *
 *   request:  AA AA AA 96 69 | LEN1 LEN2 | CMD PARA | data | CHK
 *   response: AA AA AA 96 69 | LEN1 LEN2 | SW1 SW2 SW3 | data | CHK
 *
 * LEN is big-endian and counts every byte after itself, the check byte included; CHK is the XOR of every byte
 * between the preamble and itself (LEN1 through the last data byte). SW1 SW2 pass on the card's own status words,
 * SW3 is the module's status (the table below). 115200 baud 8N1 is the module's default line speed.
 */

export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);

/** The commands the driver sends: CMD and PARA (GA 467, terminal interface command table). */
export const ID_CARD_COMMANDS = {
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  /** Text and photo; 30 10 would add the fingerprint, which a hall has no use for. */
  readBaseInfo: [0x30, 0x01],
} as const satisfies Record<string, readonly [number, number]>;

export type IdCardCommandName = keyof typeof ID_CARD_COMMANDS;

/** SW3, the module's status byte, with the standard's wording. */
export const ID_CARD_STATUS = {
  0x90: { name: 'ok', text: '操作成功' },
  0x91: { name: 'noContent', text: '居民身份证中此项无内容' },
  0x9f: { name: 'cardFound', text: '寻找居民身份证成功' },
  0x10: { name: 'badChecksumReceived', text: '接收业务终端数据的校验和错' },
  0x11: { name: 'badLengthReceived', text: '接收业务终端数据的长度错' },
  0x21: { name: 'badCommand', text: '接收业务终端的命令错误' },
  0x24: { name: 'unknownError', text: '无法识别的错误' },
  0x31: { name: 'cardRejectedModule', text: '居民身份证认证 SAM 失败' },
  0x32: { name: 'moduleRejectedCard', text: 'SAM 认证居民身份证失败' },
  0x33: { name: 'verificationFailed', text: '信息验证错误' },
  0x40: { name: 'unknownCardType', text: '无法识别的卡类型' },
  0x41: { name: 'readFailed', text: '读居民身份证操作失败' },
  0x47: { name: 'randomFailed', text: '取随机数失败' },
  0x60: { name: 'selfTestFailed', text: 'SAM 自检失败，不能接收命令' },
  0x66: { name: 'notAuthorised', text: 'SAM 未经授权，无法使用' },
  0x80: { name: 'noCard', text: '寻找居民身份证失败' },
  0x81: { name: 'selectFailed', text: '选取居民身份证失败' },
} as const;

export type IdCardStatusName = (typeof ID_CARD_STATUS)[keyof typeof ID_CARD_STATUS]['name'] | 'unlisted';

export interface IdCardStatus {
  code: number;
  name: IdCardStatusName;
  text: string;
}

export function statusOf(sw3: number): IdCardStatus {
  const known = (ID_CARD_STATUS as Record<number, { name: IdCardStatusName; text: string } | undefined>)[sw3];
  return { code: sw3, name: known?.name ?? 'unlisted', text: known?.text ?? `状态码 ${hexByte(sw3)}` };
}

export interface IdCardResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export interface IdCardRequest {
  command: number;
  parameter: number;
  data: Uint8Array;
}

/** The longest frame accepted: 30 10 with a full fingerprint answers about 2.3 KB; anything far past is line noise. */
export const MAX_FRAME_LENGTH = 4096;
/** A response holds at least SW1 SW2 SW3 and the check byte; a request CMD PARA and the check byte. */
const MIN_FRAME_LENGTH = 3;

/** A whole frame around `body` (what LEN counts, less the check byte). */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const length = body.length + 1;
  if (length > 0xffff) throw new RangeError(`an ID-card frame holds at most 65534 bytes, not ${body.length}`);
  const frame = new Uint8Array(PREAMBLE.length + 2 + length);
  frame.set(PREAMBLE, 0);
  frame[5] = length >> 8;
  frame[6] = length & 0xff;
  frame.set(body, 7);
  frame[frame.length - 1] = xor(frame.subarray(5, frame.length - 1));
  return frame;
}

export function encodeCommand(name: IdCardCommandName, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const [command, parameter] = ID_CARD_COMMANDS[name];
  return encodeFrame(Uint8Array.of(command, parameter, ...data));
}

/** The reader's side, for the simulator. */
export function encodeResponse(response: IdCardResponse): Uint8Array {
  const body = new Uint8Array(3 + response.data.length);
  body.set([response.sw1, response.sw2, response.sw3], 0);
  body.set(response.data, 3);
  return encodeFrame(body);
}

export function parseResponse(body: Uint8Array): IdCardResponse {
  if (body.length < 3) throw new RangeError(`a response needs SW1 SW2 SW3, this one has ${body.length} bytes`);
  return { sw1: body[0] as number, sw2: body[1] as number, sw3: body[2] as number, data: body.slice(3) };
}

export function parseRequest(body: Uint8Array): IdCardRequest {
  if (body.length < 2) throw new RangeError(`a request needs CMD PARA, this one has ${body.length} bytes`);
  return { command: body[0] as number, parameter: body[1] as number, data: body.slice(2) };
}

export function commandName(request: IdCardRequest): IdCardCommandName | null {
  for (const [name, [command, parameter]] of Object.entries(ID_CARD_COMMANDS)) {
    if (request.command === command && request.parameter === parameter) return name as IdCardCommandName;
  }
  return null;
}

export type DecodedFrame =
  /** `body` is what lies between LEN and CHK: SW1 SW2 SW3 and data, or CMD PARA and data. */
  | { kind: 'frame'; body: Uint8Array }
  /** A frame whose length was plausible but whose check byte was wrong; `frame` is all of it. */
  | { kind: 'badChecksum'; frame: Uint8Array };

/**
 * Cuts frames out of a byte stream that may start mid-frame, carry noise, or arrive a byte at a time. Bytes before a
 * preamble, and a preamble with an impossible length, are skipped; a frame with a bad check byte is reported and
 * dropped whole, so the next frame still decodes.
 */
export class FrameDecoder {
  private buffer = new Uint8Array(0);

  push(chunk: Uint8Array): DecodedFrame[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer, 0);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    const out: DecodedFrame[] = [];
    for (;;) {
      const start = findPreamble(this.buffer);
      if (start < 0) {
        // Keeps a tail that may be the start of a preamble split across chunks.
        this.buffer = this.buffer.slice(Math.max(0, this.buffer.length - (PREAMBLE.length - 1)));
        return out;
      }
      this.buffer = this.buffer.slice(start);
      if (this.buffer.length < 7) return out;
      const length = ((this.buffer[5] as number) << 8) | (this.buffer[6] as number);
      if (length < MIN_FRAME_LENGTH || length > MAX_FRAME_LENGTH) {
        this.buffer = this.buffer.slice(1);
        continue;
      }
      const total = 7 + length;
      if (this.buffer.length < total) return out;
      const frame = this.buffer.slice(0, total);
      this.buffer = this.buffer.slice(total);
      if (xor(frame.subarray(5, total - 1)) === frame[total - 1]) {
        out.push({ kind: 'frame', body: frame.slice(7, total - 1) });
      } else {
        out.push({ kind: 'badChecksum', frame });
      }
    }
  }

  reset(): void {
    this.buffer = new Uint8Array(0);
  }
}

function findPreamble(bytes: Uint8Array): number {
  outer: for (let i = 0; i + PREAMBLE.length <= bytes.length; i++) {
    for (let j = 0; j < PREAMBLE.length; j++) if (bytes[i + j] !== PREAMBLE[j]) continue outer;
    return i;
  }
  return -1;
}

export function xor(bytes: Uint8Array): number {
  let sum = 0;
  for (const b of bytes) sum ^= b;
  return sum;
}

export function hexByte(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}
