import { describe, expect, it } from 'vitest';
import { DEMO_HALL_PATH, HallConfigError, loadHallConfig, parseHallConfig } from './load-hall-config';

const demo = loadHallConfig(DEMO_HALL_PATH);
const withUpload = (ratingUpload: unknown) => parseHallConfig({ ...demo, ratingUpload }, 'hall.yaml');
const problems = (ratingUpload: unknown): string[] => {
  try {
    withUpload(ratingUpload);
  } catch (error) {
    if (error instanceof HallConfigError) return error.issues;
    throw error;
  }
  throw new Error('the hall file was accepted');
};

describe('the hall file: ratingUpload (好差评 to the provincial system)', () => {
  it('is optional: without it the hall only exports', () => {
    expect(demo.ratingUpload).toBeUndefined();
  });

  it('fills in the waits and the batch when only the endpoint is given', () => {
    expect(withUpload({ endpoint: 'https://hcp.example.gov.cn/api/ratings' }).ratingUpload).toEqual({
      endpoint: 'https://hcp.example.gov.cn/api/ratings',
      batch: 50,
      timeoutSeconds: 10,
      retrySeconds: 5,
      maxRetrySeconds: 600,
    });
  });

  it('refuses an endpoint carrying credentials or a query, where they would reach logs and proxies', () => {
    for (const endpoint of ['https://user:pw@hcp.example.gov.cn/api', 'https://hcp.example.gov.cn/api?token=abc']) {
      expect(problems({ endpoint })).toEqual([
        expect.stringMatching(/^ratingUpload\.endpoint: must carry no credentials, query or fragment/),
      ]);
    }
    expect(problems({ endpoint: 'ftp://hcp.example.gov.cn/' })[0]).toMatch(/^ratingUpload\.endpoint: must be an http/);
  });

  it('names a bad token without showing it', () => {
    for (const token of [424242, '']) {
      const [problem] = problems({ endpoint: 'https://hcp.example.gov.cn/api', token });
      expect(problem).toMatch(/^ratingUpload\.token: .*not shown/);
      expect(problem).not.toContain('424242');
    }
  });

  it('refuses a longest wait shorter than the first', () => {
    expect(problems({ endpoint: 'https://hcp.example.gov.cn/api', retrySeconds: 60, maxRetrySeconds: 30 })).toEqual([
      'ratingUpload.maxRetrySeconds: must not be below retrySeconds',
    ]);
  });
});
