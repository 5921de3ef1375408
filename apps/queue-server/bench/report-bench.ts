/**
 * How fast the reports are, and whether the hall feels them: `pnpm bench:reports [-- --write-doc] [--fresh]`.
 *
 * A big hall's month (2,000 tickets a working day) is played through the real services once and kept in the system's
 * temporary folder (`--fresh` plays it again); a year is made of it (`report-data.ts`). The real server then runs on it
 * in its own process, and this times, over HTTP as the console asks: the month's summary by every grouping, the year's,
 * the drill-down, the bulletin and its workbook; and ticket issue latency with and without a year's reports running.
 */
import { readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import { GROUPINGS } from '@hallq/shared/domain';
import { writeSection } from '../../../scripts/doc-sections';
import { runBenchMain, stopChild } from './children';
import { JsonClient } from './http-client';
import { reportData } from './report-data';
import { startBenchServer } from './server-child';
import { summarize, type LatencySummary } from './stats';

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(PACKAGE_DIR, '../..');
const SECTION = 'reports';
const AIMS = { monthMs: 300, yearMs: 2000, documentMs: 3000, issueP99Ms: 20 };
/** Timed runs of each warm report (the first run of a period, which reads it, is timed on its own). */
const REPEATS = 5;
/** Tickets issued a second while the issue latency is measured, and for how long. */
const ISSUE_RATE = 20;
const ISSUE_SECONDS = 10;

const { values: flags } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { 'write-doc': { type: 'boolean', default: false }, fresh: { type: 'boolean', default: false } },
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(run: () => Promise<{ status: number }>): Promise<number> {
  const started = performance.now();
  const reply = await run();
  if (reply.status !== 200) throw new Error(`a report answered ${reply.status}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const hall = loadHallConfig(DEMO_HALL_PATH);
  console.log('preparing the data (a big month played through the services, the first time: minutes)…');
  const data = await reportData(hall, join(tmpdir(), 'hallq-report-bench'), flags.fresh);
  const server = await startBenchServer({
    hall,
    packageDir: PACKAGE_DIR,
    hallDir: data.dataDir,
    dataDir: data.dataDir,
  });
  try {
    const probe = new JsonClient(server.base, undefined);
    const login = await probe.post('/api/auth/login', { staffId: 'admin', password: 'admin' });
    probe.close();
    const manager = new JsonClient(server.base, (login.body as { token: string }).token, 4);
    const summary = (p: { from: string; to: string }, by: string) =>
      manager.get(`/api/reports/summary?from=${p.from}&to=${p.to}&by=${by}`, 120_000);

    // The first report of each period reads it from the journal (and starts the worker, for the month).
    const monthFirst = await timed(() => summary(data.month, 'hall'));
    const month = await byGrouping((by) => summary(data.month, by));
    const yearFirst = await timed(() => summary(data.year, 'hall'));
    const year = await byGrouping((by) => summary(data.year, by));
    const rssMb = residentMb(server.child.pid);
    const drill = median(await repeat(() => timed(() => manager.get(drillPath(data.month), 60_000))));
    const monthKey = data.month.to.slice(0, 7);
    const bulletin = median(await repeat(() => timed(() => manager.get(`/api/reports/bulletin?month=${monthKey}`))));
    const workbook = await workbookMs(server.url, (login.body as { token: string }).token, monthKey);

    const quiet = await issueLatency(server.base);
    let reports = 0;
    const running = { on: true };
    const loop = (async () => {
      while (running.on) {
        for (const by of GROUPINGS) if (running.on) await summary(data.year, by).then(() => reports++);
      }
    })();
    const busy = await issueLatency(server.base);
    running.on = false;
    await loop;
    manager.close();

    const results = {
      data,
      monthFirst,
      month,
      yearFirst,
      year,
      rssMb,
      drill,
      bulletin,
      workbook,
      quiet,
      busy,
      reports,
    };
    const text = render(results);
    console.log(text);
    if (flags['write-doc']) await writeSection(join(REPO_ROOT, 'docs/performance.md'), SECTION, text);
  } finally {
    await stopChild(server.child);
  }
}

/** A process's resident memory in MB (Linux); NaN elsewhere. */
function residentMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? Number.NaN : Math.round(Number(kb) / 1024);
  } catch {
    return Number.NaN;
  }
}

async function repeat(run: () => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) times.push(await run());
  return times;
}

/** Each grouping's warm time (median of REPEATS), and all of them one after the other. */
async function byGrouping(run: (by: string) => Promise<{ status: number }>) {
  const each: Record<string, number> = {};
  for (const by of GROUPINGS) each[by] = median(await repeat(() => timed(() => run(by))));
  return { each, all: Object.values(each).reduce((a, b) => a + b, 0) };
}

const drillPath = (p: { from: string; to: string }) =>
  `/api/reports/tickets?from=${p.from}&to=${p.to}&by=hall&key=hall&figure=aboveServiceLevel`;

/** The bulletin's workbook (.xlsx), median of REPEATS; NaN where the server has no such route. */
async function workbookMs(url: string, token: string, month: string): Promise<number> {
  const get = async () => {
    const started = performance.now();
    const reply = await fetch(`${url}/api/reports/bulletin.xlsx?month=${month}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await reply.arrayBuffer();
    return reply.status === 200 ? performance.now() - started : Number.NaN;
  };
  return median(await repeat(get));
}

/**
 * Tickets issued at the reception desk, ISSUE_RATE a second for ISSUE_SECONDS (over the types in turn, so no daily cap
 * is met), each timed from request to answer.
 */
async function issueLatency(base: URL): Promise<LatencySummary> {
  const probe = new JsonClient(base, undefined);
  const login = await probe.post('/api/auth/login', { staffId: 'admin', password: 'admin' });
  probe.close();
  const desk = new JsonClient(base, (login.body as { token: string }).token, 8);
  const types = ['personal', 'social-security', 'tax', 'police', 'housing-fund', 'real-estate', 'marriage'];
  const samples: number[] = [];
  const pending: Promise<void>[] = [];
  const end = performance.now() + ISSUE_SECONDS * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const started = performance.now();
    pending.push(
      desk
        .post('/api/tickets', {
          requestId: `bench-${process.pid}-${i}-${started}`,
          windowType: types[i % types.length],
        })
        .then(() => void samples.push(performance.now() - started)),
    );
    await new Promise((r) => setTimeout(r, 1000 / ISSUE_RATE));
  }
  await Promise.all(pending);
  desk.close();
  return summarize(samples);
}

type Results = {
  data: Awaited<ReturnType<typeof reportData>>;
  monthFirst: number;
  month: { each: Record<string, number>; all: number };
  yearFirst: number;
  year: { each: Record<string, number>; all: number };
  rssMb: number;
  drill: number;
  bulletin: number;
  workbook: number;
  quiet: LatencySummary;
  busy: LatencySummary;
  reports: number;
};

const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function render(r: Results): string {
  const d = r.data;
  const rows: string[][] = [
    ['Month summary, first (reads the month; starts the worker)', ms(r.monthFirst), '', ''],
    ...Object.entries(r.month.each).map(([by, t]) => [
      `Month summary by \`${by}\``,
      ms(t),
      `< ${AIMS.monthMs} ms`,
      verdict(t < AIMS.monthMs),
    ]),
    ['Month summary, every grouping one after the other', ms(r.month.all), '', ''],
    ['Year summary, first (reads the year)', ms(r.yearFirst), '', ''],
    ...Object.entries(r.year.each).map(([by, t]) => [
      `Year summary by \`${by}\``,
      ms(t),
      `< ${AIMS.yearMs} ms`,
      verdict(t < AIMS.yearMs),
    ]),
    ['Year summary, every grouping one after the other', ms(r.year.all), '', ''],
    ["Drill-down: the month's waits above target", ms(r.drill), '', ''],
    ['Bulletin of the month (JSON)', ms(r.bulletin), `< ${AIMS.documentMs} ms`, verdict(r.bulletin < AIMS.documentMs)],
    [
      'Bulletin workbook (.xlsx)',
      ms(r.workbook),
      `< ${AIMS.documentMs} ms`,
      Number.isFinite(r.workbook) ? verdict(r.workbook < AIMS.documentMs) : 'n/a',
    ],
    ['Ticket issue, no report running', `p50 ${r.quiet.p50.toFixed(1)} ms · p99 ${r.quiet.p99.toFixed(1)} ms`, '', ''],
    [
      'Ticket issue while year reports run back to back',
      `p50 ${r.busy.p50.toFixed(1)} ms · p99 ${r.busy.p99.toFixed(1)} ms`,
      `p99 < ${AIMS.issueP99Ms} ms`,
      verdict(r.busy.p99 < AIMS.issueP99Ms),
    ],
  ];
  const table = [
    '| Figure | Result | Aim | |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  return `## Reports: a big hall's month and year

Written by \`pnpm bench:reports -- --write-doc\` (apps/queue-server/bench/report-bench.ts) on ${new Date().toISOString()},
${cpus().length} cores, Node ${process.version}.

The data: the demo hall's month at ${(2000).toLocaleString('en')} citizens a working day, played through the real
services (${d.month.from} … ${d.month.to}${d.playedSeconds > 0 ? `, played in ${Math.round(d.playedSeconds)} s` : ''});
the year (${d.year.from} … ${d.year.to}) is that month's journal copied into the weeks before it, dates shifted by whole
weeks: ${d.journalRows.toLocaleString('en')} journal rows in all. Each report is asked over HTTP as the console asks
it, and answered by the report worker; warm times are the median of ${REPEATS} runs after the first of the period.
Ticket issue is timed at ${ISSUE_RATE} a second for ${ISSUE_SECONDS} s at the reception desk, first with no report
running, then while the year's summary runs by every grouping back to back (${r.reports} reports meanwhile).

The worker keeps each day it has read (the year's visits: the server's resident memory was ${r.rssMb} MB after the
year's reports, a hall of 2,000 tickets a day; the demo hall's 250 take an eighth of it) and, once reports have
paused for 2 s, prepares the year's days before today one at a time, at the lowest priority, so a director's first year report after a start
rarely reads the journal (the "first" rows above are asked before it had time to). Its thread runs at the lowest
priority: on this 2-core machine the benchmark itself, the server's event loop and the worker share two cores.

${table.join('\n')}`;
}

runBenchMain('bench:reports', main);
