import { spawn, type ChildProcess } from 'node:child_process';

// Plain JavaScript run by `node -e`: it must load without the TypeScript loader the server runs under. It lowers its
// own priority before the first hash. On Linux a priority is a thread's: every thread it has is lowered by its id (the
// ones Node started with), and the pool it starts for scrypt takes the main thread's. Elsewhere the priority is the
// process's.
const CHILD_SOURCE = `
const { scrypt } = require('node:crypto');
const { setPriority } = require('node:os');
const nice = Number(process.argv[1]);
try {
  for (const tid of require('node:fs').readdirSync('/proc/self/task')) setPriority(Number(tid), nice);
} catch {
  try { setPriority(nice); } catch {}
}
process.on('disconnect', () => process.exit(0));
process.on('message', (m) => {
  scrypt(m.password, Buffer.from(m.salt, 'hex'), m.keyBytes, m.params, (error, key) => {
    process.send({ id: m.id, key: error ? null : key.toString('hex'), error: error ? String(error) : null });
  });
});
`;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

interface Pending {
  resolve: (key: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * scrypt in a child process at the lowest priority. A login flood from many addresses (each gets its few free
 * guesses, so their wrong passwords are really hashed) would otherwise give scrypt every core a small hall server has,
 * and the event loop that issues tickets would wait for it; at the lowest priority a hash takes only what the hall
 * leaves idle, and an honest login on a quiet server is as fast as before. Started at the first login; a child that
 * dies is started again at the next, the hashes it held refused. The child ends when the server does, even after a
 * kill -9 (its IPC channel closes).
 */
export class LowPriorityHasher {
  private child: ChildProcess | null = null;

  /**
   * `nice` 19 is the lowest priority; the test harness runs its servers at 0, since a test run keeps every core busy
   * and a lowest-priority hash would wait seconds behind it.
   */
  constructor(private readonly nice = 19) {}

  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  derive(password: string, salt: Buffer, keyBytes: number, params: ScryptParams): Promise<Buffer> {
    const child = this.started();
    const id = ++this.nextId;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.send({ id, password, salt: salt.toString('hex'), keyBytes, params });
    });
  }

  /** The hashing process's id while it runs (for tests and an operator's `top`). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  stop(): void {
    this.child?.kill();
    this.child = null;
  }

  private started(): ChildProcess {
    if (this.child) return this.child;
    const child = spawn(process.execPath, ['-e', CHILD_SOURCE, String(this.nice)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m: { id: number; key: string | null; error: string | null }) => {
      const waiting = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!waiting) return;
      if (m.key === null) waiting.reject(new Error(`password hashing failed: ${m.error}`));
      else waiting.resolve(Buffer.from(m.key, 'hex'));
    });
    child.on('exit', () => {
      if (this.child === child) this.child = null;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(new Error('the password hashing process ended'));
      }
    });
    // The server's own exit is not held up by its hashing process.
    child.unref();
    child.channel?.unref();
    this.child = child;
    return child;
  }
}
