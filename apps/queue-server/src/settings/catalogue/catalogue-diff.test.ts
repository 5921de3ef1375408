import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import type { ServiceItemConfig } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { applyCatalogue, catalogueDiff } from './catalogue-diff';

const [first, second, third, ...rest] = loadHallConfig(DEMO_HALL_PATH).serviceItems as [
  ServiceItemConfig,
  ServiceItemConfig,
  ServiceItemConfig,
  ...ServiceItemConfig[],
];
const current = [first, second, third];
const changed: ServiceItemConfig = { ...second, feeYuan: second.feeYuan + 10, materials: [{ zh: '身份证' }] };
const added: ServiceItemConfig = { ...rest[0]!, code: 'new-item' };

describe('comparing a sheet with the hall', () => {
  it('lists added items, changed items with their fields, the unchanged count and the absent codes', () => {
    const diff = catalogueDiff(current, [added, changed, { ...first }]);
    expect(diff.added).toEqual([added]);
    expect(diff.changed).toEqual([
      { code: second.code, before: second, after: changed, fields: ['materials', 'feeYuan'] },
    ]);
    expect(diff.unchanged).toBe(1);
    expect(diff.absent).toEqual([third.code]);
  });

  it('sees a text removed, and not a key order or an undefined key, as a change', () => {
    const reordered: ServiceItemConfig = {
      ...first,
      name: { en: first.name.en, zh: first.name.zh, bo: first.name.bo },
    };
    const withUndefined: ServiceItemConfig = { ...second, name: { ...second.name, mn: undefined } };
    const noBo: ServiceItemConfig = { ...third, name: { zh: third.name.zh, en: third.name.en } };
    const diff = catalogueDiff(current, [reordered, withUndefined, noBo]);
    expect(diff.unchanged).toBe(2);
    expect(diff.changed.map((c) => [c.code, c.fields])).toEqual([[third.code, ['name']]]);
  });

  it('applies a sheet: replaced in place, new ones appended, absent ones kept', () => {
    expect(applyCatalogue(current, [added, changed])).toEqual([first, changed, third, added]);
  });
});
