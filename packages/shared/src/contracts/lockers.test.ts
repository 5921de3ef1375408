import { describe, expect, it } from 'vitest';
import { maskName } from '../domain/masking';
import { fieldErrors } from './errors';
import { DepositRequest } from './lockers';

const deposit = (applicantName: string) => ({
  requestId: 'deposit-1',
  caseNumber: 'LS2025-000123',
  description: '营业执照',
  applicantName,
  phone: '13812345678',
  size: 'M',
});

describe('DepositRequest: the applicant name is masked', () => {
  it('refuses a name that merely contains a *, a full name and stars alone, naming applicantName', () => {
    for (const name of ['王小明*', '王*明', '***', '王小明', '王', '*王*']) {
      const parsed = DepositRequest.safeParse(deposit(name));
      expect(parsed.success, name).toBe(false);
      if (!parsed.success) expect(fieldErrors(parsed.error).map((f) => f.path)).toEqual(['applicantName']);
    }
  });

  it('accepts what the counter panel’s masker sends, for names of every script and length', () => {
    for (const name of [
      '张',
      '王小明',
      '欧阳娜娜',
      '𠮷野家',
      'བཀྲ་ཤིས་རྡོ་རྗེ',
      'John Smith',
      'Maria Fernanda Rodríguez López',
    ]) {
      const parsed = DepositRequest.safeParse(deposit(maskName(name)));
      expect(parsed.success, `${name} → ${maskName(name)}`).toBe(true);
    }
    expect(DepositRequest.parse(deposit(' 王** ')).applicantName).toBe('王**');
  });
});
