import { describe, expect, it } from 'vitest';
import type { TicketPrintJob } from '../bridge/kiosk-bridge';
import { BridgeInputError, parseIdCardTimeout, parseTicketPrintJob } from './ipc-validation';

const job: TicketPrintJob = {
  hallName: '拉萨市政务服务中心',
  windowTypeName: '个人综窗',
  serviceItemName: null,
  number: 'A007',
  peopleAhead: 3,
  estimatedWaitMinutes: null,
  windows: [1, 2, 3],
  issuedAt: '2026-11-23T01:02:03.000Z',
  timeZone: 'Asia/Shanghai',
  statusUrl: 'http://10.0.0.2:8080/t/0123456789abcdef0123456789abcdef',
  materials: ['居民身份证'],
};

const problemsOf = (value: unknown) => {
  try {
    parseTicketPrintJob(value);
  } catch (error) {
    if (error instanceof BridgeInputError) return error.message;
    throw error;
  }
  return 'accepted';
};

describe('parseTicketPrintJob', () => {
  it('accepts a well-formed job and returns a copy', () => {
    const parsed = parseTicketPrintJob(job);
    expect(parsed).toEqual(job);
    expect(parsed.windows).not.toBe(job.windows);
  });

  it('names every bad field at once', () => {
    const message = problemsOf({ ...job, number: '007', peopleAhead: -1, timeZone: 'Mars/Olympus', windows: [0] });
    expect(message).toBe(
      'job.number: must be a ticket number like A001; ' +
        'job.peopleAhead: must be a whole number, 0 or more; ' +
        'job.windows[0]: must be a window number, 1 or more; ' +
        'job.timeZone: must be an IANA time zone',
    );
  });

  it('accepts the window type and validity line in the citizen language, and refuses them blank, too long or with extra fields', () => {
    const tibetan = { windowTypeName: 'གནས་མི་སྤོ་བའི་རྒྱུ་ནོར་ཐོ་འགོད།', validToday: 'དེ་རིང་ཁོ་ན་ནུས་པ་ཡོད།' };
    expect(parseTicketPrintJob({ ...job, inCitizenLanguage: tibetan }).inCitizenLanguage).toEqual(tibetan);
    expect(parseTicketPrintJob({ ...job, inCitizenLanguage: null }).inCitizenLanguage).toBeNull();
    expect(problemsOf({ ...job, inCitizenLanguage: { ...tibetan, validToday: ' ' } })).toBe(
      'job.inCitizenLanguage.validToday: must be a non-empty string of at most 200 characters',
    );
    expect(problemsOf({ ...job, inCitizenLanguage: { ...tibetan, windowTypeName: 'ཀ'.repeat(201) } })).toMatch(
      /^job\.inCitizenLanguage\.windowTypeName:/,
    );
    expect(problemsOf({ ...job, inCitizenLanguage: { ...tibetan, logo: '' } })).toBe(
      'job.inCitizenLanguage.logo: unknown field',
    );
    expect(problemsOf({ ...job, inCitizenLanguage: 'བོད་ཡིག' })).toBe('job.inCitizenLanguage: must be an object or null');
  });

  it('refuses extra fields, so nothing rides along to the printer', () => {
    expect(problemsOf({ ...job, escpos: '\x1b@' })).toBe('job.escpos: unknown field');
  });

  it('keeps the problems as lines, one per field and problem', () => {
    const error = (() => {
      try {
        parseTicketPrintJob({ ...job, hallName: ' '.repeat(201), escpos: '', logo: '' });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(BridgeInputError);
    // The blank, over-long hall name fails two checks but is one problem.
    expect((error as BridgeInputError).problems).toEqual([
      'job.hallName: must be a non-empty string of at most 200 characters',
      'job.escpos: unknown field',
      'job.logo: unknown field',
    ]);
  });

  it('refuses a non-object', () => {
    expect(problemsOf(null)).toBe('job: must be an object');
    expect(problemsOf([job])).toBe('job: must be an object');
  });

  it('refuses a status URL the QR code cannot carry', () => {
    expect(problemsOf({ ...job, statusUrl: 'http://大厅/t/x' })).toMatch(/^job\.statusUrl:/);
    expect(problemsOf({ ...job, statusUrl: 'javascript:alert(1)' })).toMatch(/^job\.statusUrl:/);
    expect(problemsOf({ ...job, statusUrl: `http://h/${'x'.repeat(600)}` })).toMatch(/^job\.statusUrl:/);
  });

  it('refuses an issuedAt that is not an ISO instant', () => {
    expect(problemsOf({ ...job, issuedAt: 'yesterday' })).toMatch(/^job\.issuedAt:/);
    expect(problemsOf({ ...job, issuedAt: '2026-11-23' })).toMatch(/^job\.issuedAt:/);
  });

  it('caps the materials list and text lengths', () => {
    expect(problemsOf({ ...job, materials: Array(41).fill('证') })).toMatch(/^job\.materials:/);
    expect(problemsOf({ ...job, windows: Array(101).fill(1) })).toBe(
      'job.windows: must be a list of at most 100 window numbers',
    );
    expect(problemsOf({ ...job, hallName: '厅'.repeat(201) })).toMatch(/^job\.hallName:/);
    expect(problemsOf({ ...job, windowTypeName: ' ' })).toMatch(/^job\.windowTypeName:/);
  });
});

describe('parseIdCardTimeout', () => {
  it('accepts whole milliseconds up to two minutes', () => {
    expect(parseIdCardTimeout(0)).toBe(0);
    expect(parseIdCardTimeout(30_000)).toBe(30_000);
  });

  it('refuses anything else', () => {
    for (const bad of [-1, 1.5, 120_001, '5000', null, Number.NaN]) {
      expect(() => parseIdCardTimeout(bad)).toThrow(BridgeInputError);
    }
    expect(() => parseIdCardTimeout(-1)).toThrow(
      /^timeoutMs: must be a whole number of milliseconds from 0 to 120000$/,
    );
  });
});
