import type { BenchResults } from './bench';

const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const range = ([a, b]: [number, number]) => `${a}–${b} ms`;

/** docs/performance.md for one run: the results table, how each figure is measured, and what the baselines mean. */
export function renderDoc(r: BenchResults, rows: [string, string, string, string][]): string {
  const s = r.settings;
  const h = r.hall;
  const l = r.limits;
  const table = [
    '| Figure | Result | Aim | |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`),
  ];
  return `# Performance

This file is written by the benchmark; do not edit it by hand. Rerun it with:

\`\`\`sh
${r.command.includes('--write-doc') ? r.command : `${r.command} --write-doc`}
\`\`\`

- **Date:** ${r.date}
- **Machine:** ${r.machine.cores} cores, ${r.machine.cpu}, Node ${r.machine.node} (${r.machine.platform})
- **Command:** \`${r.command}\`

## Results

${table.join('\n')}

Aims met: ${r.aims.filter((a) => a.pass).length} of ${r.aims.length}.

Run details:

- Deliveries of \`ticket.called\` to displays: ${h.deliveries.received} of ${h.deliveries.expected} expected (calls × displays); gaps in the event sequence seen by displays: ${h.seqGaps}; failed requests: ${h.errors}.
- Call-next that found nobody waiting: ${fixed(h.emptyCallsPerSecond)}/s (each is still a durable write).
- Server CPU: ${fixed(h.serverCpuPercent, 0)} % of one core during the hall run, ${fixed(l.burst.serverCpuPercent, 0)} % during the burst with displays, ${fixed(l.burstNoDisplays.serverCpuPercent, 0)} % without.
- Load process (kiosks, counter panels and displays): event-loop utilisation ${fixed(h.loadProcess.eventLoopUtilization * 100, 0)} %, event-loop delay p99 ${fixed(h.loadProcess.eventLoopDelayP99Ms, 2)} ms.
- Burst latency with displays: p50 ${fixed(l.burst.latency.p50, 2)} ms, p99 ${fixed(l.burst.latency.p99, 2)} ms (${l.burst.issued} tickets, ${l.burst.errors} errors); without displays: p50 ${fixed(l.burstNoDisplays.latency.p50, 2)} ms, p99 ${fixed(l.burstNoDisplays.latency.p99, 2)} ms.

## What runs

\`apps/queue-server/bench/bench.ts\` starts the real server (\`src/main.ts\`) as a child process on 127.0.0.1, with a
fresh data directory and a hall of ${s.windows} comprehensive windows (\`bigHall(${s.windows})\` from the test harness), so the
load generator and the server do not share an event loop. The benchmark process plays the hall:

- **${s.kiosks} kiosks** issue tickets over HTTP (keep-alive, one connection each); after each ticket a kiosk waits
  ${range(s.kioskGapMs)} for the next citizen.
- **${s.windows} counter panels**: ${s.windows} clerks log in at windows 1…${s.windows}; each loops call-next → (citizen walks up,
  ${range(s.clerkThinkMs.walkUp)}) → start → (service, ${range(s.clerkThinkMs.service)}) → finish (outcome completed) →
  (${range(s.clerkThinkMs.nextCall)}) → call-next. When nobody is waiting, the clerk tries again after
  ${range(s.emptyRetryMs)}.
- **${s.displays} hall displays**: socket.io clients (websocket transport) in the \`hall\` room with the display key; each
  receives every hall event.

After a ${s.warmupSeconds} s warm-up the hall runs for ${s.seconds} s of measurement. Then the limits are measured.
All latencies are read from the benchmark process's clock (\`performance.now()\`).

## How each figure is measured

- **Call → display**: from just before a window's \`POST /api/windows/:id/call-next\` is sent to the moment each
  display receives the matching \`ticket.called\` event (matched by ticket id): one sample per display per call. It
  covers the HTTP request, validation, the durable SQLite commit, the broadcast and the display's socket.io decoding.
  Calls served is the number of call-next requests that returned a ticket, per second.
- **Ticket issue**: the HTTP round trip of \`POST /api/tickets\` as a kiosk sees it, including the durable commit;
  tickets issued is the number of successful issues per second (set by the kiosks' pace, not a limit).
- **Bare SQLite durable transactions**: better-sqlite3 in the benchmark process, a temporary database on the same
  file system as the server's, with the server's settings (WAL, \`synchronous=FULL\`), one single-row INSERT per
  transaction, back to back. It runs in three slots, one before each round of the burst below, and the figure is
  their mean: a shared virtual disk's fsync speed drifts by several times within a minute, so the ceiling is measured
  next to the throughput it is compared with.
  Each commit waits for an fsync, so this is the disk's ceiling for durable transactions; the server commits every
  ticket in its own transaction (it does not batch commits), so it cannot issue tickets durably any faster than this.
- **Server durable issue burst**: a closed loop of \`POST /api/tickets\` with ${s.burstConcurrency} requests in flight for
  ${s.burstSeconds} s in total (three rounds) against the same server, with the ${s.displays} displays still connected (every ticket is broadcast to
  them); tickets per second, and its ratio to the bare SQLite figure: the share of the disk's ceiling the server
  reaches once HTTP, validation, the domain logic, the journal and the broadcast are added. The same burst with no
  display connected is shown to separate the broadcast's cost.
- **Bare socket.io broadcast**: a minimal socket.io server in its own child process with ${l.bareSocketIo.clients} clients
  (websocket transport) in the benchmark process; it emits ${l.bareSocketIo.messages} messages of about ${l.bareSocketIo.bytes}
  bytes, one every ${l.bareSocketIo.intervalMs} ms, each stamped with \`process.hrtime.bigint()\` (CLOCK_MONOTONIC, the
  same clock in both processes); latency is receipt time minus stamp. It is the floor for call → display: what
  delivering one message to ${l.bareSocketIo.clients} sockets costs on this machine without HTTP, SQLite or the hall logic.

## Why an aim is missed (analysis of the runs on this machine)

${findings(r)}

Load generator, displays and server share the machine's ${r.machine.cores} cores, so the figures are for one box running
everything; on the real network the displays and devices run elsewhere.
`;
}

/** What the profile and the measurements showed, for the aims this run missed. */
function findings(r: BenchResults): string {
  const missed = new Set(r.aims.filter((a) => !a.pass).map((a) => a.name));
  if (missed.size === 0) return 'All aims were met in this run.';
  const out: string[] = [];
  if (missed.has('durable-throughput')) {
    const cpu = r.limits.burst.serverCpuPercent;
    out.push(
      `- **Durable throughput** (${r.limits.durableRatio.toFixed(2)} × bare SQLite, server CPU ${cpu.toFixed(0)} % of ` +
        'a core during the burst). Two costs the bare INSERT does not have. (1) Bytes per commit: one issued ticket ' +
        'commits about 12 WAL pages (≈ 51 KB: the ticket row and its four indexes on random keys, the counter, the ' +
        'journal row, its index and sqlite_sequence, the idempotency record with the whole response) against one ' +
        'page for the bare INSERT, and on this virtual disk an fsync costs in proportion to what it flushes (3–4 ms ' +
        'per server commit when the disk is slow). (2) CPU per ticket, which grows with the queue: every issue scans ' +
        "all of the day's tickets (queued(), people ahead, queue stats for the broadcast); in-process, without HTTP, " +
        'it rises from 0.4 ms with 200 waiting to 1.1 ms with 3,700 waiting, and the burst leaves thousands waiting. ' +
        (cpu < 70
          ? 'In this run the server was mostly waiting on the disk (cause 1). '
          : 'In this run the disk was fast and the server was CPU-bound (cause 2), sharing two cores with the load. ') +
        'Fixes: group commit (run the requests that arrive together in one transaction and one fsync, answering ' +
        'them after it) and an incrementally kept queue instead of a scan per request; both are design changes, ' +
        'not a one-line fix.',
    );
  }
  if (missed.has('issue') || missed.has('call-to-display')) {
    out.push(
      `- **Latency p99** (issue ${r.hall.issue.p99.toFixed(0)} ms, call → display ` +
        `${r.hall.callToDisplay.p99.toFixed(0)} ms; p50 ${r.hall.issue.p50.toFixed(0)} and ` +
        `${r.hall.callToDisplay.p50.toFixed(0)} ms): every write (issue, call-next, start, finish, and also a ` +
        "call-next that finds nobody) is one synchronous fsync on the server's only event loop, so a request waits " +
        'behind the commits ahead of it, and an occasional WAL checkpoint or slow fsync of the shared disk stalls ' +
        'everything queued. The p99 is that queueing tail; the socket.io fan-out itself is cheap (see the bare ' +
        `broadcast: p99 ${r.limits.bareSocketIo.p99.toFixed(1)} ms). With the data directory on tmpfs ` +
        '(`--tmp /dev/shm`, no real fsync) call → display p99 drops to about 45 ms and issue p50 to about 9 ms, so ' +
        'the disk is the main cost; the rest is the load process itself (event-loop delay p99 ' +
        `${r.hall.loadProcess.eventLoopDelayP99Ms.toFixed(0)} ms while it decodes every event for ${r.settings.displays} ` +
        'displays on the same two cores). Group commit would cut the number of fsyncs; not writing anything for a ' +
        'call-next that finds nobody would remove ' +
        `${r.hall.emptyCallsPerSecond.toFixed(0)} commits/s here.`,
    );
  }
  return out.join('\n');
}
