import { describe, expect, it, vi } from 'vitest';
import { createConnector, isPageUp } from './connection';

function fakeShell(upAnswers: boolean[], loadFails = 0) {
  const log: string[] = [];
  let failures = loadFails;
  const deps = {
    isServerUp: async () => {
      const up = upAnswers.shift() ?? true;
      log.push(up ? 'up' : 'down');
      return up;
    },
    loadPage: async () => {
      if (failures-- > 0) {
        log.push('load failed');
        throw new Error('ERR_CONNECTION_REFUSED');
      }
      log.push('page');
    },
    showConnecting: async () => void log.push('connecting'),
    wait: async (ms: number) => void log.push(`wait ${ms}`),
  };
  return { deps, log };
}

describe('createConnector', () => {
  it('loads the page at once when the server is up', async () => {
    const { deps, log } = fakeShell([true]);
    await createConnector(deps).connect();
    expect(log).toEqual(['up', 'page']);
  });

  it('shows the connecting page once and retries, slower and slower, until the server answers', async () => {
    const { deps, log } = fakeShell([false, false, false, false, false, true]);
    await createConnector(deps, [1, 2, 5]).connect();
    expect(log).toEqual([
      'down',
      'connecting',
      'wait 1',
      'down',
      'wait 2',
      'down',
      'wait 5',
      'down',
      'wait 5',
      'down',
      'wait 5',
      'up',
      'page',
    ]);
  });

  it('keeps trying when the load itself fails after the server looked up', async () => {
    const { deps, log } = fakeShell([true, true], 1);
    await createConnector(deps, [1]).connect();
    expect(log).toEqual(['up', 'load failed', 'connecting', 'wait 1', 'up', 'page']);
  });

  it('runs one retry loop however many failures report at once', async () => {
    const { deps } = fakeShell([false, true]);
    const isServerUp = vi.spyOn(deps, 'isServerUp');
    const connector = createConnector(deps, [1]);
    await Promise.all([connector.connect(), connector.connect(), connector.connect()]);
    expect(isServerUp).toHaveBeenCalledTimes(2);
  });
});

describe('isPageUp', () => {
  it('is up only for a 2xx answer', async () => {
    const answer = (status: number) => (async () => new Response('x', { status })) as typeof fetch;
    expect(await isPageUp('http://h/kiosk/', answer(200))).toBe(true);
    expect(await isPageUp('http://h/kiosk/', answer(503))).toBe(false);
  });

  it('is down when the server cannot be reached', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await isPageUp('http://h/kiosk/', refused)).toBe(false);
  });
});
