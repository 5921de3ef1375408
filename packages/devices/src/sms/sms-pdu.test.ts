import { describe, expect, it } from 'vitest';
import { fromHex } from './gsm-alphabet';
import { decodeSubmit, encodeSubmit, relativeValidity, splitSms, splitSmscAddress } from './sms-pdu';
import { cdsPduLines, decodeStatusReport, deliveryState, encodeStatusReport } from './sms-status-report';

const FOUR_DAYS = 4 * 24 * 60;
const tpdu = (hex: string) => splitSmscAddress(hex);

describe('an SMS-SUBMIT PDU', () => {
  it('matches the well-known "hellohello" PDU in the 7-bit alphabet', () => {
    // The Nokia 6110 example of the widely copied "SMS and the PDU format" page (dreamfabric.com/sms):
    // AT+CMGS=23, then 0011000B916407281553F80000AA0AE8329BFD4697D9EC37.
    expect(encodeSubmit({ to: '+46708251358', text: 'hellohello', validityMinutes: FOUR_DAYS })).toEqual([
      { hex: '0011000B916407281553F80000AA0AE8329BFD4697D9EC37', length: 23 },
    ]);
  });

  it('writes Chinese in UCS-2 with the number as an international address', () => {
    // Hand-checked per TS 23.040 clause 9.2.2.2: 11 first octet, 00 TP-MR, 0D 91 and 8613800138000 swapped with
    // an F, 00 TP-PID, 08 UCS-2, AA four days, 04 octets: 你 U+4F60, 好 U+597D.
    expect(encodeSubmit({ to: '+8613800138000', text: '你好', validityMinutes: FOUR_DAYS })).toEqual([
      { hex: '0011000D91683108108300F00008AA044F60597D', length: 19 },
    ]);
  });

  it('writes a national number with the unknown type of number and sets TP-SRR for a delivery report', () => {
    const [pdu] = encodeSubmit({ to: '138 0013-8000', text: 'A', statusReport: true, validityMinutes: null });
    // 21: SMS-SUBMIT with TP-SRR and no TP-VP; 0B 81 then 13800138000 swapped; "A" is 0x41 in one septet.
    expect(pdu).toEqual({ hex: '0021000B813108108300F0000001' + '41', length: 14 });
  });

  it('falls back to UCS-2 for an emoji, keeping its surrogate pair', () => {
    const [pdu] = encodeSubmit({ to: '+8613800138000', text: 'OK 👍', validityMinutes: FOUR_DAYS });
    expect(pdu?.hex.slice(-22)).toBe('0A004F004B0020D83DDC4D');
    expect(decodeSubmit(tpdu(pdu!.hex)).text).toBe('OK 👍');
  });

  it('splits 150 Chinese characters into three UCS-2 parts of 67, 67 and 16 with a concatenation header', () => {
    const text = '您的证件已可领取请携带回执到三号窗口办理'.repeat(8).slice(0, 150);
    const pdus = encodeSubmit({ to: '+8613800138000', text, concatReference: 0x2a, validityMinutes: FOUR_DAYS });
    expect(pdus).toHaveLength(3);
    pdus.forEach((pdu, i) => {
      // 51: SMS-SUBMIT, relative TP-VP, TP-UDHI; then after AA the UDL and the header 05 00 03 2A 03 <part>.
      expect(pdu.hex.slice(0, 4)).toBe('0051');
      expect(pdu.hex).toContain(`AA${i < 2 ? '8C' : '26'}0500032A030${i + 1}`);
    });
    const parts = pdus.map((p) => decodeSubmit(tpdu(p.hex)));
    expect(parts.map((p) => p.text.length)).toEqual([67, 67, 16]);
    expect(parts.map((p) => p.concat)).toEqual([1, 2, 3].map((sequence) => ({ reference: 0x2a, total: 3, sequence })));
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('never splits a surrogate pair between two parts', () => {
    const text = `${'中'.repeat(66)}😀${'文'.repeat(10)}`;
    const { encoding, parts } = splitSms(text);
    expect(encoding).toBe('ucs2');
    expect(parts).toEqual(['中'.repeat(66), `😀${'文'.repeat(10)}`]);
    const decoded = encodeSubmit({ to: '+8613800138000', text }).map((p) => decodeSubmit(tpdu(p.hex)).text);
    expect(decoded.join('')).toBe(text);
  });

  it('keeps 160 septets in one 7-bit part and splits 161 into 153 and 8', () => {
    expect(splitSms('a'.repeat(160)).parts).toHaveLength(1);
    expect(splitSms('a'.repeat(161)).parts.map((p) => p.length)).toEqual([153, 8]);
  });

  it('pads the 7-bit text after the concatenation header to a septet boundary', () => {
    const [, second] = encodeSubmit({ to: '+8613800138000', text: 'a'.repeat(161), concatReference: 7 });
    // UDL 0F: 7 septets of header (six octets and one fill bit) plus eight. The first "a" (0x61) sits after the
    // fill bit: C2; the second fills the next octet's low 7 bits and lends the third's low bit: E1.
    expect(second?.hex).toMatch(/0F050003070202C2E1/);
    expect(decodeSubmit(tpdu(second!.hex)).text).toBe('aaaaaaaa');
  });

  it('counts an extension-table character as two septets and never splits its escape', () => {
    expect(splitSms(`${'a'.repeat(152)}€`).parts).toHaveLength(1);
    const { parts } = splitSms(`${'a'.repeat(152)}€${'b'.repeat(10)}`);
    expect(parts).toEqual(['a'.repeat(152), `€${'b'.repeat(10)}`]);
    const [pdu] = encodeSubmit({ to: '+8613800138000', text: '[€]' });
    expect(decodeSubmit(tpdu(pdu!.hex)).text).toBe('[€]');
  });

  it('reads the public UCS-2 example of the Neoway N11 manual', () => {
    // "hello" in UCS-2 to a national number, no validity period: 0001000B813124819396F300080A00680065006C006C006F.
    const decoded = decodeSubmit(tpdu('0001000B813124819396F300080A00680065006C006C006F'));
    expect(decoded).toMatchObject({ recipient: '13421839693', text: 'hello', encoding: 'ucs2', concat: null });
  });

  it('refuses a recipient that is not a phone number, naming the field and not echoing it', () => {
    expect(() => encodeSubmit({ to: '+86 1380013800O', text: 'x' })).toThrow(/^to must be a phone number/);
    expect(() => encodeSubmit({ to: '+86 1380013800O', text: 'x' })).not.toThrow(/1380013800O/);
    expect(() => encodeSubmit({ to: '+8613800138000', text: 'x', messageReference: 256 })).toThrow(
      /messageReference must be 0–255/,
    );
  });

  it('rounds a validity period up to the next one TP-VP can express', () => {
    expect([5, 12 * 60, 24 * 60, FOUR_DAYS, 30 * 24 * 60, 35 * 24 * 60].map(relativeValidity)).toEqual([
      0, 143, 167, 170, 196, 197,
    ]);
    expect(relativeValidity(7)).toBe(1);
  });
});

describe('an SMS-STATUS-REPORT PDU', () => {
  // A +CDS from a public walkthrough ("receiving an SMS status report message", amro.blogspot.com, 2007):
  // 06 first octet, 00 TP-MR, 0B 91 +20121875612, TP-SCTS 07-09-12 15:10:12 +2h, TP-DT 15:10:17 +2h, TP-ST 00.
  const example = '06000B910221815716F2709021510121807090215101718000';

  it('decodes the public example as delivered', () => {
    expect(decodeStatusReport(fromHex(example, 'example'))).toEqual({
      messageReference: 0,
      recipient: '+20121875612',
      state: 'delivered',
      statusCode: 0,
      meaning: 'received by the recipient',
      serviceCentreTime: new Date('2007-09-12T13:10:12Z'),
      dischargeTime: new Date('2007-09-12T13:10:17Z'),
    });
  });

  it('drops the SMSC address a modem puts before the TPDU, by the length +CDS gives', () => {
    const report = decodeStatusReport(splitSmscAddress(`0891683108100005F0${example}`, 25));
    expect(report.recipient).toBe('+20121875612');
  });

  it('tells delivered, pending and failed apart by the TP-ST range', () => {
    expect([0x00, 0x02, 0x21, 0x46, 0x62, 0x80].map((s) => deliveryState(s).state)).toEqual([
      'delivered',
      'delivered',
      'pending',
      'failed',
      'failed',
      'failed',
    ]);
    expect(deliveryState(0x46).meaning).toBe('validity period expired');
  });

  it('reads back what the simulator encodes, zone included', () => {
    const at = new Date('2025-03-01T02:03:04Z');
    const input = { messageReference: 200, recipient: '13800138000', statusCode: 0x41 };
    const encoded = encodeStatusReport({ ...input, serviceCentreTime: at, dischargeTime: at, zoneQuarters: -20 });
    expect(decodeStatusReport(encoded)).toMatchObject({ ...input, state: 'failed', serviceCentreTime: at });
  });

  it('prints the public example back as a modem prints +CDS, after the service centre address', () => {
    const lines = cdsPduLines(
      {
        messageReference: 0,
        recipient: '+20121875612',
        statusCode: 0,
        serviceCentreTime: new Date('2007-09-12T13:10:12Z'),
        dischargeTime: new Date('2007-09-12T13:10:17Z'),
        zoneQuarters: 8,
      },
      '+8613800100500',
    );
    // 08 octets of address: 91 then 8613800100500 swapped with an F.
    expect(lines).toEqual(['+CDS: 25', `0891683108100005F0${example}`]);
  });

  it('refuses a PDU that is not a status report', () => {
    expect(() => decodeStatusReport(tpdu('0011000B916407281553F80000AA0AE8329BFD4697D9EC37'))).toThrow(
      /not an SMS-STATUS-REPORT/,
    );
  });
});
