import { describe, expect, it } from 'vitest';
import {
  decodeBaseInfo,
  decodeBaseText,
  encodeBaseInfo,
  encodeBaseText,
  hasValidCheckDigit,
  idLastFour,
  IdCardRecordError,
  maskedName,
  type IdCardRecord,
} from './id-card-data';
import { NATIONS } from './nations';
import { PRESET_CARDS } from './id-card-presets';

/** Builds the 256-byte text by hand, field by field, as a card holds it: UCS-2 LE, padded with spaces. */
function cardText(fields: {
  name: string;
  sex: string;
  nation: string;
  birth: string;
  address: string;
  id: string;
  authority: string;
  from: string;
  until: string;
}): Uint8Array {
  const widths: [string, number][] = [
    [fields.name, 15],
    [fields.sex, 1],
    [fields.nation, 2],
    [fields.birth, 8],
    [fields.address, 35],
    [fields.id, 18],
    [fields.authority, 15],
    [fields.from, 8],
    [fields.until, 8],
    ['', 18],
  ];
  return new Uint8Array(Buffer.concat(widths.map(([v, chars]) => Buffer.from(v.padEnd(chars, ' '), 'utf16le'))));
}

const zhang = {
  name: '张三',
  sex: '1',
  nation: '01',
  birth: '19850312',
  address: '北京市东城区景山前街4号',
  id: '110101198503120017',
  authority: '北京市公安局东城分局',
  from: '20150601',
  until: '20350601',
};

/** The answer's data: text length 256 and photo length 1024 (big-endian), the text, a photo of 0xFF bytes. */
function answerData(text: Uint8Array): Uint8Array {
  return Uint8Array.of(0x01, 0x00, 0x04, 0x00, ...text, ...new Uint8Array(1024).fill(0xff));
}

function refusal(fields: Partial<typeof zhang>): IdCardRecordError {
  try {
    decodeBaseText(cardText({ ...zhang, ...fields }));
  } catch (err) {
    if (err instanceof IdCardRecordError) return err;
    throw err;
  }
  throw new Error('the record was accepted');
}

describe('decoding the base information of a card', () => {
  it('reads every field of a hand-built card, padding trimmed and dates with dashes', () => {
    expect(decodeBaseInfo(answerData(cardText(zhang)))).toEqual({
      name: '张三',
      sex: '男',
      nation: '汉',
      birthDate: '1985-03-12',
      address: '北京市东城区景山前街4号',
      idNumber: '110101198503120017',
      authority: '北京市公安局东城分局',
      validFrom: '2015-06-01',
      validUntil: '2035-06-01',
    });
  });

  it('keeps nothing of the photo: the record holds only the nine text fields', () => {
    const record = decodeBaseInfo(answerData(cardText(zhang)));
    expect(Object.keys(record).sort()).toEqual(
      ['address', 'authority', 'birthDate', 'idNumber', 'name', 'nation', 'sex', 'validFrom', 'validUntil'].sort(),
    );
    expect(JSON.stringify(record)).not.toMatch(/255|photo/);
  });

  it('reads a card valid for life (长期) with an X check digit, a woman of another nation', () => {
    const record = decodeBaseText(
      cardText({
        ...zhang,
        name: '王秀兰',
        sex: '2',
        nation: '11',
        birth: '19501001',
        id: '21010219501001006X',
        from: '20120418',
        until: '长期',
      }),
    );
    expect(record).toMatchObject({ name: '王秀兰', sex: '女', nation: '满', validUntil: '长期' });
    expect(record.idNumber).toBe('21010219501001006X');
  });

  it('trims NUL padding as it trims spaces', () => {
    const text = cardText(zhang);
    text.fill(0, 4, 30);
    expect(decodeBaseText(text).name).toBe('张三');
  });

  it('takes a lower-case x check digit and gives it back upper-case', () => {
    expect(decodeBaseText(cardText({ ...zhang, sex: '2', birth: '19501001', id: '21010219501001006x' })).idNumber).toBe(
      '21010219501001006X',
    );
  });

  it('refuses a card whose ID number fails the GB 11643 check digit, without quoting the number', () => {
    const error = refusal({ id: '110101198503120018' });
    expect(error.field).toBe('idNumber');
    expect(error.message).toMatch(/check digit/);
    expect(error.message).not.toMatch(/1101/);
  });

  it('refuses an ID number that disagrees with the birth date or the sex on the card', () => {
    expect(refusal({ birth: '19850313' }).message).toMatch(/idNumber: disagrees with the birth date/);
    expect(refusal({ sex: '2' }).message).toMatch(/idNumber: disagrees with the sex/);
  });

  it('refuses an unknown nation or sex code, an impossible date, an empty name, an end of validity before its start', () => {
    expect(refusal({ nation: '57' }).field).toBe('nation');
    expect(refusal({ sex: '0' }).field).toBe('sex');
    expect(refusal({ from: '20150231' }).message).toMatch(/validFrom: is not a calendar date/);
    expect(refusal({ name: '' }).field).toBe('name');
    expect(refusal({ until: '20100101' }).field).toBe('validUntil');
    expect(refusal({ until: '永久' }).field).toBe('validUntil');
  });

  it('refuses an answer shorter than its lengths announce', () => {
    const data = answerData(cardText(zhang)).slice(0, 600);
    expect(() => decodeBaseInfo(data)).toThrow(/length: 600 bytes/);
  });
});

describe('the GB 3304 nation table', () => {
  it('has the 56 nations from 01 汉 to 56 基诺, and 97 and 98', () => {
    const codes = Object.keys(NATIONS);
    expect(codes).toHaveLength(58);
    expect(NATIONS['01']).toBe('汉');
    expect(NATIONS['05']).toBe('维吾尔');
    expect(NATIONS['43']).toBe('乌孜别克');
    expect(NATIONS['56']).toBe('基诺');
    expect(new Set(Object.values(NATIONS)).size).toBe(58);
  });
});

describe('encoding a card for the simulator', () => {
  it('decodes back to the same record, for every preset card', () => {
    for (const preset of Object.values(PRESET_CARDS)) {
      const record: IdCardRecord = { ...preset };
      expect(decodeBaseInfo(encodeBaseInfo(record))).toEqual(record);
    }
  });

  it('sends a blank photo of 1024 bytes after the 256 bytes of text', () => {
    const data = encodeBaseInfo(PRESET_CARDS['zhang-san']);
    expect([...data.subarray(0, 4)]).toEqual([0x01, 0x00, 0x04, 0x00]);
    expect(data).toHaveLength(4 + 256 + 1024);
    expect(data.subarray(260).every((b) => b === 0)).toBe(true);
  });

  it('lays the text out exactly as a hand-built card', () => {
    expect(encodeBaseText(PRESET_CARDS['zhang-san'])).toEqual(cardText(zhang));
  });

  it('refuses a name longer than the 15 characters a card holds', () => {
    expect(() => encodeBaseText({ ...PRESET_CARDS['zhang-san'], name: '张'.repeat(16) })).toThrow(
      /name holds at most 15/,
    );
  });
});

describe('what the kiosk may show of a card', () => {
  it('masks all but the first character of a name', () => {
    expect(maskedName('张三')).toBe('张*');
    expect(maskedName('欧阳娜娜')).toBe('欧***');
    expect(maskedName('阿依古丽·买买提')).toBe('阿*******');
    expect(maskedName('李')).toBe('*');
  });

  it('gives the last four characters of an ID number, X upper-case', () => {
    expect(idLastFour('110101198503120017')).toBe('0017');
    expect(idLastFour('21010219501001006x')).toBe('006X');
  });

  it('checks GB 11643 check digits, X included', () => {
    expect(hasValidCheckDigit('21010219501001049X')).toBe(true);
    expect(hasValidCheckDigit('210102195010010490')).toBe(false);
    expect(hasValidCheckDigit('11010119850312001')).toBe(false);
  });
});
