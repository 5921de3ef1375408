import { spawn, spawnSync } from 'node:child_process';

export interface PtyPair {
  /** The two ends: what is written to one is read from the other. */
  paths: [string, string];
  close(): Promise<void>;
}

export function hasSocat(): boolean {
  return spawnSync('socat', ['-V']).status === 0;
}

/** A linked pair of pseudo-terminals from `socat -d -d pty,raw,echo=0 pty,raw,echo=0`, ready once resolved. */
export function ptyPair(): Promise<PtyPair> {
  const socat = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
  const close = async () => {
    if (socat.exitCode === null && socat.signalCode === null) socat.kill('SIGTERM');
    await exited;
  };
  let log = '';
  return new Promise((resolve, reject) => {
    socat.once('error', reject);
    socat.once('exit', (code) => reject(new Error(`socat exited (${code}) before the ptys were ready: ${log}`)));
    socat.stderr.setEncoding('utf8').on('data', (d: string) => {
      log += d;
      const ptys = [...log.matchAll(/PTY is (\S+)/g)].map((m) => m[1] as string);
      if (ptys.length === 2 && log.includes('starting data transfer loop')) {
        resolve({ paths: [ptys[0] as string, ptys[1] as string], close });
      }
    });
  });
}
