/**
 * How fast the hall's service starts: `pnpm bench:start [-- --write-doc]`, after `pnpm build`.
 *
 * Each run spawns deploy/linux/hallq.service's ExecStart as systemd would (the built dist/main.js, no shell, the unit's
 * environment) and times it from the spawn to the first 200 of GET /api/health; then stops it with SIGTERM. Once on a
 * fresh data directory each time, once on a copy of one holding a month of the demo hall's history (played by the
 * built server itself, as the demo plays it on a fresh data directory).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_HALL_PATH } from '@hallq/hall-file';
import { freePort } from '@hallq/shared/testing/free-port';
import { writeSection } from '../../../scripts/doc-sections';
import { BUILT_MAIN, REPO_ROOT, assertBuilt, readServiceUnit, startService, stopService } from '../test/service-unit';

const SECTION = 'service-start';
const RUNS = 10;
const AIM_MS = 3000;
/** Playing the month takes the built server a while before it listens. */
const HISTORY_TIMEOUT_MS = 600_000;

const { values: flags } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { 'write-doc': { type: 'boolean', default: false } },
});

const unit = readServiceUnit();

interface Case {
  name: string;
  samplesMs: number[];
}

/** A folder holding the demo hall file and, when `from` is given, a copy of its data and keys. */
function hallFolder(from?: { dataDir: string; keysDir: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'hallq-start-bench-'));
  const configPath = join(dir, 'hall.yaml');
  copyFileSync(DEMO_HALL_PATH, configPath);
  const dataDir = join(dir, 'data');
  const keysDir = join(dir, 'keys');
  if (from) {
    cpSync(from.dataDir, dataDir, { recursive: true });
    cpSync(from.keysDir, keysDir, { recursive: true });
  }
  return { dir, configPath, dataDir, keysDir };
}

/** The same command on the TypeScript sources through tsx, as `pnpm start` runs them: what the build saves. */
const viaTsx = {
  ...unit,
  execStart: unit.execStart.flatMap((arg) =>
    arg.endsWith('dist/main.js') ? ['--import', 'tsx', arg.replace('dist/main.js', 'src/main.ts')] : [arg],
  ),
};

async function timedStarts(name: string, prepare: () => ReturnType<typeof hallFolder>, command = unit): Promise<Case> {
  const samplesMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const folder = prepare();
    const local = { ...folder, port: await freePort() };
    const started = performance.now();
    const service = await startService(command, local);
    samplesMs.push(performance.now() - started);
    const ended = await stopService(service, unit.timeoutStopSec);
    if (ended === 'killed' || ended.code !== 0) {
      throw new Error(`the service did not exit 0 on SIGTERM (${JSON.stringify(ended)}):\n${service.output()}`);
    }
    rmSync(folder.dir, { recursive: true, force: true });
  }
  console.log(`${name}: ${samplesMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  return { name, samplesMs };
}

/** The demo's month of history, played by the built server on a fresh data directory (then stopped). */
async function monthOfHistory() {
  const folder = hallFolder();
  const port = await freePort();
  const args = ['--data-dir', folder.dataDir, '--keys-dir', folder.keysDir, '--port', String(port)];
  const child = spawn(process.execPath, [BUILT_MAIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const end = Date.now() + HISTORY_TIMEOUT_MS;
  while (
    !(await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > end) throw new Error(`the demo did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  await exited;
  const played = /demo history: played (\d+) past working days \((\d+) tickets\)/.exec(out);
  if (!played) throw new Error(`the demo played no history:\n${out}`);
  const databaseMb = statSync(join(folder.dataDir, 'hallq.sqlite')).size / 2 ** 20;
  return { ...folder, days: Number(played[1]), tickets: Number(played[2]), databaseMb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function render(cases: Case[], history: Awaited<ReturnType<typeof monthOfHistory>>): string {
  const rows = cases.map(({ name, samplesMs }, i) => {
    const max = Math.max(...samplesMs);
    const aim = i < 2 ? `< ${AIM_MS} ms | ${max < AIM_MS ? 'PASS' : 'FAIL'}` : ' |';
    return `| ${name} | ${median(samplesMs).toFixed(0)} ms | ${max.toFixed(0)} ms | ${aim} |`;
  });
  return [
    '## Starting as a service',
    '',
    `Written by \`pnpm bench:start -- --write-doc\` (apps/queue-server/bench/start-bench.ts) on ${new Date().toISOString()},`,
    `${cpus().length} cores, Node ${process.version}.`,
    '',
    "Each run starts `deploy/linux/hallq.service`'s ExecStart as systemd would — the built `apps/queue-server/dist/main.js`",
    "under plain `node`, no shell, the unit's environment, the demo hall file as `--config` — and times it from the spawn",
    `to the first 200 of \`GET /api/health\`, then stops it with SIGTERM; ${RUNS} runs of each. "A month of history" is a`,
    `copy, for each run, of a data directory where the built demo played ${history.days} working days`,
    `(${history.tickets.toLocaleString('en')} tickets, a ${history.databaseMb.toFixed(0)} MB database). The aim, that a`,
    'restarted hall is back in under 3 s, is held by the slowest run (max). The last row, for comparison, starts the',
    'TypeScript sources through tsx instead of the build, on a fresh data directory.',
    '',
    '| Data directory | Median | Max | Aim | |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  assertBuilt();
  const fresh = await timedStarts('Fresh (created at the start)', () => hallFolder());
  console.log('playing a month of history with the built demo…');
  const history = await monthOfHistory();
  const month = await timedStarts('A month of history', () => hallFolder(history));
  rmSync(history.dir, { recursive: true, force: true });
  const tsx = await timedStarts('Fresh, through tsx (not the service)', () => hallFolder(), viaTsx);
  const text = render([fresh, month, tsx], history);
  console.log(text);
  if (flags['write-doc']) await writeSection(join(REPO_ROOT, 'docs/performance.md'), SECTION, text);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('start bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
