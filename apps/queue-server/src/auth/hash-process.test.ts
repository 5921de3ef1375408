import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { scryptSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { LowPriorityHasher } from './hash-process';

const PARAMS = { N: 1024, r: 8, p: 1 };
const hashers: LowPriorityHasher[] = [];
afterEach(() => hashers.splice(0).forEach((h) => h.stop()));

function hasher(): LowPriorityHasher {
  const h = new LowPriorityHasher();
  hashers.push(h);
  return h;
}

/** The nice value of every thread of a process (field 19 of each thread's stat line). */
function threadNices(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('LowPriorityHasher', () => {
  it('derives the same key as scrypt in this process', async () => {
    const salt = Buffer.alloc(16, 5);
    const key = await hasher().derive('政务服务', salt, 32, PARAMS);
    expect(key.equals(scryptSync('政务服务', salt, 32, PARAMS))).toBe(true);
  });

  it.runIf(existsSync('/proc/self/task'))('hashes at the lowest priority, in every thread of its process', async () => {
    const h = hasher();
    await Promise.all(Array.from({ length: 4 }, (_, i) => h.derive(`p${i}`, Buffer.alloc(16, i), 32, PARAMS)));
    const nices = threadNices(h.pid!);
    expect(nices.length).toBeGreaterThan(4); // the main thread and scrypt's pool
    expect(new Set(nices)).toEqual(new Set([19]));
  });

  it('refuses the hashes a dead process held and starts a new one for the next', async () => {
    const h = hasher();
    await h.derive('a', Buffer.alloc(16), 32, PARAMS);
    const first = h.pid!;
    const lost = h.derive('b', Buffer.alloc(16), 32, { N: 2 ** 17, r: 8, p: 1 });
    process.kill(first, 'SIGKILL');
    await expect(lost).rejects.toThrow(/ended/);
    const key = await h.derive('c', Buffer.alloc(16), 32, PARAMS);
    expect(key).toHaveLength(32);
    expect(h.pid).not.toBe(first);
  });
});
