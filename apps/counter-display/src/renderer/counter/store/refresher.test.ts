import { describe, expect, it } from 'vitest';
import { createRefresher } from './refresher';

describe('createRefresher', () => {
  it('turns a burst of requests into the run in progress plus one more', async () => {
    let runs = 0;
    const release: (() => void)[] = [];
    const refresh = createRefresher(async () => {
      runs += 1;
      await new Promise<void>((resolve) => release.push(resolve));
    });
    const first = refresh();
    void refresh();
    void refresh();
    expect(runs).toBe(1);
    release.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    release.shift()!();
    await first;
    expect(runs).toBe(2);
  });
});
