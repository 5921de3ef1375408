import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sleep } from './stats';

const children = new Set<ChildProcess>();

/** Spawns `node --import tsx <args>` and remembers it, so that every exit path of the benchmark can end it. */
export function spawnNode(args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Asks a child to stop (SIGTERM), then kills it if it has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const end = Date.now() + graceMs;
  while (child.exitCode === null && child.signalCode === null && Date.now() < end) {
    await Promise.race([exited, sleep(50)]);
  }
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(1000)]);
  }
}

/** Last resort, synchronous (for process 'exit'): SIGKILL whatever is still running. */
export function killChildrenNow(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
}

/** Runs a benchmark's main; whatever happens, its children are stopped and the process exits (1 on failure). */
export function runBenchMain(name: string, main: () => Promise<void>): void {
  main()
    .then(async () => {
      await stopAllChildren();
      process.exit(0);
    })
    .catch(async (error: unknown) => {
      console.error(`${name} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
      await stopAllChildren().catch(() => undefined);
      process.exit(1);
    });
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds the live child processes of `pid` have used so far (the server's password hashing process). */
export function childrenCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.reduce((sum, child) => sum + (cpuSeconds(Number(child)) || 0), 0);
  } catch {
    return Number.NaN;
  }
}
