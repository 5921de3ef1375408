import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Health, IssuedTicket, TicketStatus } from '@hallq/shared/contracts';
import { listBackups } from '../src/backup/backup-database';
import { KIOSK_KEY, api, demoHall, rid } from './harness';
import { killServer, spawnServer, tempHall, type ServerProcess } from './server-process';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const CLIENTS = ['personal', 'personal', 'legal', 'legal'];
/** The backup starts once this many tickets are acknowledged. */
const BACKUP_AFTER = 80;

/** Runs one of the package's scripts as an operator would; resolves with its exit code and everything it printed. */
function runScript(script: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const env = { ...process.env };
  delete env.INIT_CWD;
  const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], {
    cwd: PACKAGE_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('a backup taken under load, restored into a new data directory', () => {
  const { configPath, dataDir } = tempHall({ ...demoHall(), backup: { folder: 'nightly', keep: 14, at: '02:00' } });
  const root = dirname(dataDir);
  const started: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of started) await killServer(s);
  });

  it('holds every ticket acknowledged before the backup began, and the hall never stopped answering', async () => {
    const hall = await spawnServer({ configPath, dataDir });
    started.push(hall);
    const health = await api(hall.url).get<Health>('/api/health');
    expect(health.body.backup).toEqual({ lastAt: null, failure: null });

    const kiosk = api(hall.url, KIOSK_KEY);
    const acked: IssuedTicket[] = [];
    let ackedBeforeBackup: IssuedTicket[] | undefined;
    let backup: Promise<{ code: number | null; output: string }> | undefined;
    let backupDone = false;
    await Promise.all(
      CLIENTS.map(async (windowType, k) => {
        while (!backupDone) {
          const reply = await kiosk.post<IssuedTicket>('/api/tickets', { requestId: rid(`load${k}`), windowType });
          expect(reply.status, JSON.stringify(reply.body)).toBe(201);
          acked.push(reply.body);
          if (acked.length >= BACKUP_AFTER && backup === undefined) {
            // Everything acknowledged up to this instant must be in the backup; later tickets may or may not be.
            ackedBeforeBackup = [...acked];
            backup = runScript('backup.ts', ['--data-dir', dataDir, '--to', join(root, 'backups')]);
            void backup.then(() => (backupDone = true));
          }
        }
      }),
    );
    const backedUp = await backup!;
    expect(backedUp.code, backedUp.output).toBe(0);
    expect(backedUp.output).toMatch(/integrity checked/);
    expect(backedUp.output).toContain(`${dataDir}-keys`);
    expect(acked.length).toBeGreaterThan(ackedBeforeBackup!.length);
    const [file] = listBackups(join(root, 'backups'));
    expect(file).toMatch(/^hallq-\d{8}-\d{6}\.sqlite$/);

    const restoredDir = join(root, 'restored');
    const restored = await runScript('restore.ts', ['--from', join(root, 'backups', file!), '--data-dir', restoredDir]);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toMatch(/keys are not in a backup/);
    expect(restored.output).toContain(`${restoredDir}-keys`);
    // The keys come back from where they were kept apart.
    cpSync(`${dataDir}-keys`, `${restoredDir}-keys`, { recursive: true });

    const again = await spawnServer({ configPath, dataDir: restoredDir });
    started.push(again);
    const statuses = await Promise.all(
      ackedBeforeBackup!.map((t) => api(again.url).get<TicketStatus>(`/api/tickets/status/${t.statusToken}`)),
    );
    statuses.forEach((s, i) => {
      const { ticket } = ackedBeforeBackup![i]!;
      expect(s.status, `${ticket.number} lost`).toBe(200);
      expect(s.body).toMatchObject({ number: ticket.number, hallDay: ticket.hallDay, issuedAt: ticket.issuedAt });
    });

    // A second restore onto the data directory it just made is refused: nothing is overwritten by mistake.
    const twice = await runScript('restore.ts', ['--from', join(root, 'backups', file!), '--data-dir', restoredDir]);
    expect(twice.code).toBe(1);
    expect(twice.output).toMatch(/already holds a database/);
  }, 30_000);
});
