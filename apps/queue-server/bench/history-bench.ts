/**
 * Times the played history into a fresh temporary data directory: `tsx bench/history-bench.ts [days] [ticketsPerDay]`
 * (default: the demo month, 22 days of 250; the benchmark's load is 22 2000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import { DEMO_HISTORY, generateHistory } from '../src/history/demo-history';

const [days = DEMO_HISTORY.days, ticketsPerDay = DEMO_HISTORY.ticketsPerDay] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'hallq-history-bench-'));
try {
  const started = performance.now();
  const played = await generateHistory({
    hall: loadHallConfig(DEMO_HALL_PATH),
    dataDir: join(dir, 'data'),
    dayCount: days,
    ticketsPerDay,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${played?.days} days, ${played?.tickets} tickets in ${seconds.toFixed(1)} s ` +
      `(${Math.round((played?.tickets ?? 0) / seconds)} tickets/s)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
