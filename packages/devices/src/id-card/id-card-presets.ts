/**
 * Made-up cards for the simulated reader (demo and tests). The people do not exist; the ID numbers are built to pass
 * the GB 11643 check, with area codes of real districts.
 */
import type { IdCardRecord } from './id-card-data';

export const PRESET_CARDS = {
  'zhang-san': {
    name: '张三',
    sex: '男',
    nation: '汉',
    birthDate: '1985-03-12',
    address: '北京市东城区景山前街4号',
    idNumber: '110101198503120017',
    authority: '北京市公安局东城分局',
    validFrom: '2015-06-01',
    validUntil: '2035-06-01',
  },
  'ouyang-nana': {
    name: '欧阳娜娜',
    sex: '女',
    nation: '汉',
    birthDate: '1990-07-21',
    address: '上海市徐汇区漕溪北路100号',
    idNumber: '310104199007210022',
    authority: '上海市公安局徐汇分局',
    validFrom: '2010-01-05',
    validUntil: '2030-01-05',
  },
  /** An elder's card that never expires, with X as its check digit. */
  'wang-jianguo': {
    name: '王建国',
    sex: '男',
    nation: '满',
    birthDate: '1950-10-01',
    address: '辽宁省沈阳市和平区南京北街206号',
    idNumber: '21010219501001049X',
    authority: '沈阳市公安局和平分局',
    validFrom: '2012-04-18',
    validUntil: '长期',
  },
  'ayigul-mamat': {
    name: '阿依古丽·买买提',
    sex: '女',
    nation: '维吾尔',
    birthDate: '1998-11-15',
    address: '新疆乌鲁木齐市天山区解放南路8号',
    idNumber: '650102199811150046',
    authority: '乌鲁木齐市公安局天山区分局',
    validFrom: '2016-02-20',
    validUntil: '2026-02-20',
  },
} as const satisfies Record<string, IdCardRecord>;

export type PresetCardName = keyof typeof PRESET_CARDS;

const KEYS = [
  'name',
  'sex',
  'nation',
  'birthDate',
  'address',
  'idNumber',
  'authority',
  'validFrom',
  'validUntil',
] as const;

/**
 * A card typed on the simulator's console: a preset name, or a JSON record. Checks the shape only; whether it is a
 * valid card is for the driver to find out, as with a forged one.
 */
export function parseCardInput(input: string): IdCardRecord {
  const text = input.trim();
  if (text in PRESET_CARDS) return { ...PRESET_CARDS[text as PresetCardName] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`not a preset (${Object.keys(PRESET_CARDS).join(', ')}) nor a JSON record`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('the card must be a JSON object');
  const record = value as Record<string, unknown>;
  for (const key of KEYS) {
    if (typeof record[key] !== 'string') throw new Error(`field ${key}: a string is required`);
  }
  if (record.sex !== '男' && record.sex !== '女') throw new Error('field sex: 男 or 女');
  return Object.fromEntries(KEYS.map((key) => [key, record[key]])) as unknown as IdCardRecord;
}
