import { describe, expect, it } from 'vitest';
import { materialLines, materialsFromLines } from './selectors';

describe('materials edited one a line', () => {
  it('keeps each translation beside its Chinese line', () => {
    const materials = [
      { zh: '身份证', en: 'ID card' },
      { zh: '户口簿', bo: 'ཐེམ་ཐོ།' },
    ];
    const lines = {
      zh: materialLines(materials, 'zh'),
      bo: materialLines(materials, 'bo'),
      en: materialLines(materials, 'en'),
    };
    expect(lines).toEqual({ zh: '身份证\n户口簿', bo: '\nཐེམ་ཐོ།', en: 'ID card\n' });
    expect(materialsFromLines(lines)).toEqual(materials);
    expect(materialsFromLines({ zh: '身份证\n\n照片', bo: '', en: 'ID\n\nPhoto' })).toEqual([
      { zh: '身份证', en: 'ID' },
      { zh: '照片', en: 'Photo' },
    ]);
  });
});
