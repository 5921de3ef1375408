import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { HallConfig } from '@hallq/shared/contracts';
import { generateHistory } from '../src/history/demo-history';

/** A big hall's month: 2,000 citizens a working day, as the speed aims are set for. */
export const BIG_MONTH = { ticketsPerDay: 2000, days: 22, seed: 20261102 } as const;
/** The history ends the working day before this (a fixed date: the same data every run). */
const HISTORY_NOW = new Date('2026-11-02T04:00:00Z');

export interface ReportData {
  dataDir: string;
  /** The month played through the services, its first and last hall day. */
  month: { from: string; to: string };
  /** The 366 days ending with the month, the month's journal copied into the weeks before it. */
  year: { from: string; to: string };
  journalRows: number;
  /** Seconds spent playing the month (0 when the data directory was kept from an earlier run). */
  playedSeconds: number;
}

/**
 * The benchmark's data: a big hall's month played through the real services (`generateHistory`, as the demo month,
 * at 2,000 tickets a day: about three minutes here), kept in `dir` for the next run, and a year made of it. Playing a
 * year would take about half an hour, so the year is the month's journal copied into the weeks before it, dates shifted
 * by whole weeks (the weekdays stay), ticket and rating ids made unique: the same rows a year of such months would
 * have, which is all a report reads.
 */
export async function reportData(hall: HallConfig, dir: string, fresh: boolean): Promise<ReportData> {
  const dataDir = join(dir, 'data');
  // The month's days are noted last: without them the data is an interrupted run's, played again.
  if (fresh || !existsSync(join(dir, 'month.json'))) rmSync(dir, { recursive: true, force: true });
  let playedSeconds = 0;
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    const started = performance.now();
    await generateHistory({
      hall,
      dataDir,
      now: HISTORY_NOW,
      dayCount: BIG_MONTH.days,
      ticketsPerDay: BIG_MONTH.ticketsPerDay,
      seed: BIG_MONTH.seed,
    });
    playedSeconds = (performance.now() - started) / 1000;
    const month = copyIntoYear(join(dataDir, 'hallq.sqlite'));
    writeFileSync(join(dir, 'month.json'), JSON.stringify(month));
  }
  const db = new Database(join(dataDir, 'hallq.sqlite'), { readonly: true });
  try {
    const month = JSON.parse(readFileSync(join(dir, 'month.json'), 'utf8')) as { from: string; to: string };
    const journalRows = db.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    return { dataDir, month, year: yearEnding(month.to), journalRows, playedSeconds };
  } finally {
    db.close();
  }
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const yearEnding = (to: string) => ({ from: addDays(to, -365), to });

/** Copies the played month back over the year before its last day; the month's first and last day. */
function copyIntoYear(path: string): { from: string; to: string } {
  const db = new Database(path);
  try {
    const { from, to, last } = db
      .prepare('SELECT min(hall_day) AS "from", max(hall_day) AS "to", max(id) AS last FROM journal')
      .get() as { from: string; to: string; last: number };
    const spanDays = Math.ceil(((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1) / 7) * 7;
    const copy = db.prepare(
      `INSERT INTO journal (at, hall_day, type, actor, window, ticket_id, ticket_number, data)
       SELECT strftime('%Y-%m-%dT%H:%M:%fZ', at, :shift), date(hall_day, :shift), type, actor, window,
              ticket_id || :suffix, ticket_number,
              CASE
                WHEN type = 'followup.opened'
                  THEN json_set(data, '$.id', json_extract(data, '$.id') || :suffix,
                                '$.rating', json_extract(data, '$.rating') || :suffix)
                WHEN type IN ('rating.recorded', 'followup.noted', 'followup.closed')
                  THEN json_set(data, '$.id', json_extract(data, '$.id') || :suffix)
                ELSE data
              END
       FROM journal WHERE id <= :last ORDER BY id`,
    );
    db.transaction(() => {
      for (let k = 1; k * spanDays < 366 + spanDays; k++) {
        copy.run({ shift: `-${k * spanDays} days`, suffix: `~${k}`, last });
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { from, to };
  } finally {
    db.close();
  }
}
