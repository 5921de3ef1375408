import { QueuePolicy } from '@hallq/shared/contracts';
import { APPOINTMENT_CODE_DIGITS, KIOSK_CANCEL_MINUTES } from '@hallq/shared/domain';
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  HASHES_RUNNING,
  HASHES_WAITING,
  KEY_GUESS_THROTTLE,
} from '../src/auth/authenticator';
import type { ThrottlePolicy } from '../src/auth/login-throttle';
import { DEFAULT_CONNECTION_LIMITS } from '../src/http/connection-limits';
import type { JsonReply } from './http-client';
import type { LatencySummary } from './stats';

/** The section of docs/security.md this benchmark owns. */
export const SECTION = 'security-bench';

/** docs/security.md when it does not exist yet: the intro above the sections. */
export const DOC_INTRO = `# Security

What the queue server does against abuse (password guessing, floods, oversized or slow requests, guessed pickup codes)
and what those defences cost the hall's honest users. The section below is written by the security benchmark
(\`apps/queue-server/bench/security-bench.ts\`); do not edit it by hand. Rerun it with:

\`\`\`sh
pnpm bench:security -- --write-doc
\`\`\`
`;

export interface ClerkLogin {
  staffId: string;
  from: string;
  status: string;
  ms: number;
  retryAfter: string | null;
}

export interface FloodResult {
  requests: number;
  perSecond: number;
  /** Answers by status, code and the limit named: `401 unauthorized`, `429 address locked out`… */
  outcomes: Record<string, number>;
  retryAfterSeconds: [number, number] | null;
  /** The server process: its event loop, with the checkpointer's thread. */
  serverCpuPercent: number;
  /** The password hashing process, at the lowest priority. */
  hashingCpuPercent: number;
  /** An honest clerk's login from an address of its own, halfway through the flood. */
  clerkLogin: ClerkLogin;
}

export interface SnapshotResult {
  /** UTF-8 bytes of JSON.stringify(first snapshot). */
  bytes: number;
  tickets: number;
  recentCalls: number;
  connect: LatencySummary;
  resync: LatencySummary;
  /** A second resync sent as soon as the first was answered, on the same connection. */
  resyncAgainMs: number;
}

export interface SecurityResults {
  date: string;
  command: string;
  machine: { cores: number; cpu: string; node: string; platform: string };
  settings: {
    seconds: number;
    flood: number;
    realIdEvery: number;
    guessesPerAddress: number;
    kiosks: number;
    kioskGapMs: [number, number];
    windows: number;
  };
  issue: {
    quiet: LatencySummary;
    quietServerCpuPercent: number;
    oneAddress: { latency: LatencySummary; flood: FloodResult };
    manyAddresses: { latency: LatencySummary; flood: FloodResult };
    kioskErrors: number;
    after: ClerkLogin[];
  };
  snapshot: {
    issued: number;
    issueSeconds: number;
    refused429: number;
    served: number;
    empty: { display: SnapshotResult; staff: SnapshotResult };
    full: { display: SnapshotResult; staff: SnapshotResult };
  };
  probes: { bodyOver64KiB: string; kioskBurst: number; paceRefusal: string };
}

/** What a refusal says, for the counts: status, code and which limit it names. */
export function outcome(r: JsonReply): string {
  const error = (r.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (r.status !== 429) return `${r.status}${error?.code ? ` ${error.code}` : ''}`;
  const m = error?.message ?? '';
  const which = m.includes('being checked')
    ? 'hashing queue full'
    : m.includes('staff id') || m.includes('from this address')
      ? `${m.includes('staff id') ? 'staff id' : 'address'} ${m.includes('locked') ? 'locked out' : 'throttled'}`
      : m.includes('kiosk')
        ? 'kiosk pace'
        : (error?.code ?? '');
  return `429 ${which}`;
}

export const AIM_FLOOD_RATIO = 2;

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : 'n/a');
const latency = (s: LatencySummary) => `p50 ${ms(s.p50)} · p99 ${ms(s.p99)} · max ${ms(s.max)} (${s.samples})`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const seconds = (msValue: number) => (msValue % 60_000 === 0 ? `${msValue / 60_000} min` : `${msValue / 1000} s`);
const outcomes = (f: FloodResult) =>
  Object.entries(f.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ');
const login = (l: ClerkLogin) =>
  `${l.staffId} from ${l.from}: ${l.status} in ${ms(l.ms)}${l.retryAfter ? `, Retry-After ${l.retryAfter} s` : ''}`;

/** Result rows: figure, result, aim. */
export function resultRows(r: SecurityResults): string[][] {
  const i = r.issue;
  const s = r.snapshot;
  const ratio = (l: LatencySummary) => l.p99 / i.quiet.p99;
  const verdict = (l: LatencySummary) => (ratio(l) <= AIM_FLOOD_RATIO ? 'PASS' : 'MISS');
  const rows = [
    ['Figure', 'Result', 'Aim'],
    [`Ticket issue, quiet (${r.settings.kiosks} kiosks)`, latency(i.quiet), '—'],
    ['Ticket issue, login flood from one address', latency(i.oneAddress.latency), ''],
    [
      '  p99 flood / p99 quiet',
      `${ratio(i.oneAddress.latency).toFixed(2)} ×`,
      `≤ ${AIM_FLOOD_RATIO} × ${verdict(i.oneAddress.latency)}`,
    ],
    ['Ticket issue, login flood from many addresses', latency(i.manyAddresses.latency), ''],
    [
      '  p99 flood / p99 quiet',
      `${ratio(i.manyAddresses.latency).toFixed(2)} ×`,
      `≤ ${AIM_FLOOD_RATIO} × ${verdict(i.manyAddresses.latency)}`,
    ],
  ];
  for (const [label, kind] of [
    ['a hall display', 'display'],
    ['staff', 'staff'],
  ] as const) {
    for (const [when, snap] of [
      ['no tickets', s.empty[kind]],
      [`${s.issued} issued, ${s.served} served`, s.full[kind]],
    ] as const) {
      rows.push([
        `Snapshot to ${label}, ${when}`,
        `${kb(snap.bytes)} (${snap.tickets} tickets) · connect → snapshot p50 ${ms(snap.connect.p50)}, max ${ms(snap.connect.max)} · resync p50 ${ms(snap.resync.p50)}, max ${ms(snap.resync.max)}`,
        '—',
      ]);
    }
  }
  return rows;
}

const throttleText = (p: ThrottlePolicy, failures = 'wrong passwords', right = 'password') =>
  `${p.freeFailures} ${failures} free; then one attempt at a time, ${seconds(p.baseDelayMs)} apart doubling to ` +
  `${seconds(p.maxDelayMs)}; at ${p.lockoutAfter} locked for ${seconds(p.lockoutMs)} (the right ${right} too); ` +
  `a right ${right} ${p.successResets ? 'clears the count' : 'does not clear it'}`;

/** The limits in force, from the code's constants: limit, value, where it lives, what a client sees. */
export function limitRows(r: SecurityResults): string[][] {
  const policy = QueuePolicy.parse({});
  const c = DEFAULT_CONNECTION_LIMITS;
  const tooMany = '429 `too_many_requests`, Retry-After (header and `retryAfterSeconds`) = whole seconds to wait';
  return [
    ['Limit', 'Value', 'Where', 'What a client sees'],
    ['Login, per staff id', throttleText(ACCOUNT_THROTTLE), '`ACCOUNT_THROTTLE`, src/auth/authenticator.ts', tooMany],
    ['Login, per client address', throttleText(ADDRESS_THROTTLE), '`ADDRESS_THROTTLE`, same file', tooMany],
    [
      'Unknown device keys or staff tokens, per client address',
      throttleText(KEY_GUESS_THROTTLE, 'unknown keys', 'key') + '; an expired or revoked token is not counted',
      '`KEY_GUESS_THROTTLE`, same file',
      `${tooMany}; a socket is refused with \`too_many_requests: …\``,
    ],
    [
      'Appointment check-ins that find nothing, per kiosk (or clerk)',
      `${policy.checkInFailureBurst} free, then ${policy.checkInFailuresPerHour} an hour; codes have ${APPOINTMENT_CODE_DIGITS} digits`,
      'hall file `policy.checkInFailuresPerHour`, `checkInFailureBurst` (defaults); src/http/check-in-throttle.ts',
      `${tooMany}; the kiosk says when to try again`,
    ],
    [
      'Password hashing at once',
      `${HASHES_RUNNING} hashing, ${HASHES_WAITING} queued; beyond that refused before hashing; in a process of the lowest priority`,
      '`HASHES_RUNNING`, `HASHES_WAITING`, same file',
      '429 `too_many_requests`, Retry-After 1',
    ],
    [
      'Any refusal for a limit (429)',
      `held ${seconds(c.refusalHoldMs)} before it is sent (never beyond its Retry-After), at most ${c.maxHeldRefusals} at once`,
      'src/http/refusal-hold.ts; `refusalHoldMs`, `maxHeldRefusals` in src/http/connection-limits.ts',
      'the 429 a second later: a flooding connection gets about one answer a second',
    ],
    [
      'Open connections per client address',
      `${c.maxConnectionsPerAddress} (HTTP and socket.io alike)`,
      'src/http/connection-limits.ts; `--max-connections-per-address`, `HALLQ_MAX_CONNECTIONS_PER_ADDRESS`',
      'the connection is closed at once, no HTTP answer',
    ],
    [
      'Headers / whole request',
      `${seconds(c.headersTimeoutMs)} / ${seconds(c.requestTimeoutMs)} (checked every ${seconds(c.checkIntervalMs)})`,
      'src/http/connection-limits.ts',
      '408 from Node, then the connection is closed',
    ],
    ['Idle keep-alive', seconds(c.keepAliveTimeoutMs), 'same file', 'the idle connection is closed'],
    [
      'Request body',
      '64 KiB',
      '`BODY_LIMIT` in src/http/build-app.ts',
      `${r.probes.bodyOver64KiB} (measured: a 70 KiB ticket request)`,
    ],
    [
      'Tickets from one kiosk key',
      `${policy.kioskTicketsPerMinute} a minute after a burst of ${policy.kioskTicketBurst} (staff tokens are not paced)`,
      'hall file `policy.kioskTicketsPerMinute`, `kioskTicketBurst` (defaults); src/http/device-pace.ts',
      `${r.probes.paceRefusal} (measured: ${r.probes.kioskBurst} issued back to back before it)`,
    ],
    [
      'Kiosk cancels its own ticket',
      `within ${KIOSK_CANCEL_MINUTES} min of issue, while waiting`,
      '`KIOSK_CANCEL_MINUTES`, packages/shared/src/domain/transition.ts',
      '403 `forbidden` ("only staff may cancel it now"); staff may cancel any time',
    ],
    [
      'Locker keypad',
      `from the ${policy.lockerWrongCodeAttempts}th wrong code in a row a pause of ${policy.lockerPauseSeconds} s, doubling to ${policy.lockerMaxPauseSeconds} s; a right code clears it`,
      'hall file `policy.lockerWrongCodeAttempts`, `lockerPauseSeconds`, `lockerMaxPauseSeconds` (defaults)',
      '200 `{ result: "locked_out", until }` from POST /api/locker/collect (before: `wrong_code` with `attemptsLeft`)',
    ],
    [
      'Booking horizon',
      `${policy.bookingHorizonDays} hall days ahead (today is day 0)`,
      'hall file `policy.bookingHorizonDays` (default)',
      '400 `validation_failed`, field `slotStart`',
    ],
    [
      '`resync` on one connection',
      `a second one sent as soon as the first was answered came back after ${ms(r.snapshot.full.display.resyncAgainMs)} (measured)`,
      'the socket.io handler, src/realtime/attach-realtime.ts',
      'a whole snapshot in the acknowledgement, later when limited',
    ],
    [
      'Staff token lifetime',
      `${policy.staffTokenTtlMinutes} min`,
      'hall file `policy.staffTokenTtlMinutes` (default)',
      '401 `unauthorized`; a socket is refused with `unauthorized: unknown or expired token`',
    ],
  ];
}

const table = (rows: string[][]) =>
  [rows[0]!, rows[0]!.map(() => '---'), ...rows.slice(1)]
    .map((row) => `| ${row.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`)
    .join('\n');

/** The body of this benchmark's section of docs/security.md. */
export function renderSection(r: SecurityResults): string {
  const i = r.issue;
  const s = r.snapshot;
  const one = i.oneAddress.flood;
  const many = i.manyAddresses.flood;
  const d = s.full.display;
  const st = s.full.staff;
  const perTicket = (x: SnapshotResult, empty: SnapshotResult) =>
    x.tickets > empty.tickets
      ? `, about ${((x.bytes - empty.bytes) / (x.tickets - empty.tickets)).toFixed(0)} bytes per ticket`
      : '';
  return `## Abuse limits and what they cost (benchmark)

- **Date:** ${r.date}
- **Machine:** ${r.machine.cores} cores, ${r.machine.cpu}, Node ${r.machine.node} (${r.machine.platform})
- **Command:** \`${r.command}\`

${table(resultRows(r))}

Flood details (${r.settings.flood} login requests in flight, ${r.settings.seconds} s each; one loop in ${r.settings.realIdEvery} guesses the real staff id \`w001\`, the rest made-up ids, all with a wrong password):

- From one address: ${one.requests} requests (${one.perSecond.toFixed(0)}/s), server CPU ${one.serverCpuPercent.toFixed(0)} % of a core (quiet: ${i.quietServerCpuPercent.toFixed(0)} %), hashing ${one.hashingCpuPercent.toFixed(0)} %. Answers: ${outcomes(one)}. Retry-After seen: ${one.retryAfterSeconds ? `${one.retryAfterSeconds[0]}–${one.retryAfterSeconds[1]} s` : 'none'}.
- From many addresses (each flood connection moves to a fresh loopback address every ${r.settings.guessesPerAddress} guesses): ${many.requests} requests (${many.perSecond.toFixed(0)}/s), server CPU ${many.serverCpuPercent.toFixed(0)} %, hashing ${many.hashingCpuPercent.toFixed(0)} %. Answers: ${outcomes(many)}. Retry-After seen: ${many.retryAfterSeconds ? `${many.retryAfterSeconds[0]}–${many.retryAfterSeconds[1]} s` : 'none'}.
- An honest clerk logging in (right password, own address) halfway through each flood: ${login(one.clerkLogin)}; ${login(many.clerkLogin)}.
- After the floods: ${i.after.map(login).join('; ')}.
- Kiosk requests that failed during the whole run: ${i.kioskErrors}.

Snapshot details: ${s.issued} tickets issued in ${s.issueSeconds.toFixed(1)} s with one clerk's token (a kiosk key is paced) and 16 requests in flight (${s.refused429} answered 429), then ${r.settings.windows} clerks called, started and finished ${s.served} of them, so ${s.issued - s.served} were still waiting. A hall display's snapshot then held ${d.tickets} tickets and ${d.recentCalls} recent calls: ${kb(d.bytes)}${perTicket(d, s.empty.display)}; staff's held ${st.tickets} tickets: ${kb(st.bytes)}${perTicket(st, s.empty.staff)}. A second \`resync\` sent on the same connection as soon as the first was answered came back after ${ms(d.resyncAgainMs)} (display) and ${ms(st.resyncAgainMs)} (staff).

### What this run shows

${findings(r)}

### Limits in force

Written from the code's constants (the hall-file values are the defaults; a hall may change them):

${table(limitRows(r))}

### How it is measured

\`apps/queue-server/bench/security-bench.ts\` starts the real server (\`src/main.ts\`) as a child process on 127.0.0.1 with \`bigHall(${r.settings.windows})\` from the test harness and \`--max-connections-per-address 4096\`, as the main benchmark does. That hall lets one kiosk key issue at any pace (the kiosks below are five clients of one key); the snapshot runs on a second server whose hall has the default kiosk pace back, so its tickets are issued with a clerk's token and the pace is probed with the kiosk key at the end.

- **Ticket issue**: ${r.settings.kiosks} kiosks (one keep-alive connection each, the kiosk key) each post \`POST /api/tickets\` and wait ${r.settings.kioskGapMs[0]}–${r.settings.kioskGapMs[1]} ms before the next; the round trip as the kiosk sees it. ${r.settings.seconds} s quiet, then ${r.settings.seconds} s while ${r.settings.flood} loops post \`POST /api/auth/login\` with wrong passwords as fast as answers come back from 127.0.0.1 (the kiosks' own address), then ${r.settings.seconds} s while the same loops come from ever new loopback addresses (127.1.x.y), which the per-address throttle cannot stop: only the per-account throttle and the hashing cap stand in the way. The flood samples include the flood's first moments.
- **Snapshot**: on a fresh server, a socket.io client (websocket transport) connects as the hall display (\`{ room: 'hall', token: <display key> }\`) and as staff (\`{ room: 'hall', token: <clerk token> }\`), 5 times each; the size is the UTF-8 length of \`JSON.stringify\` of the first \`snapshot\`; the time runs from \`io()\` to its arrival, and \`resync\` from the emit to its acknowledgement (another whole snapshot).

Load generator, attacker and server share the machine's ${r.machine.cores} cores, so a flood here also takes CPU from the server that a flood from other machines would not.
`;
}

/** What the figures say, in words, from this run's numbers. */
function findings(r: SecurityResults): string {
  const i = r.issue;
  const s = r.snapshot;
  const sec = r.settings.seconds;
  const out: string[] = [];
  for (const [name, phase] of [
    ['one address', i.oneAddress],
    ['many addresses', i.manyAddresses],
  ] as const) {
    const f = phase.flood;
    const ratio = phase.latency.p99 / i.quiet.p99;
    const hashed = f.outcomes['401 unauthorized'] ?? 0;
    const refused = Object.entries(f.outcomes)
      .filter(([k]) => k.startsWith('429'))
      .reduce((n, [, v]) => n + v, 0);
    out.push(
      `- **Flood from ${name}** (${ratio <= AIM_FLOOD_RATIO ? 'aim met' : 'aim missed'}: issue p99 ${ratio.toFixed(1)} × quiet). ` +
        `${refused} of ${f.requests} guesses were refused before any hashing (429) and ${hashed} were hashed ` +
        `(${(hashed / sec).toFixed(0)}/s; at most ${HASHES_RUNNING} at once). The server answered ` +
        `${f.perSecond.toFixed(0)} logins/s on top of the kiosks (each refusal held a second before it was sent, so ` +
        `a flooding connection gets about one answer a second); its event loop used ${f.serverCpuPercent.toFixed(0)} % ` +
        `of a core (quiet ${i.quietServerCpuPercent.toFixed(0)} %) and the hashing process, at the lowest priority, ` +
        `${f.hashingCpuPercent.toFixed(0)} %. An honest clerk's login meanwhile: ${f.clerkLogin.status} in ` +
        `${ms(f.clerkLogin.ms)}.`,
    );
  }
  const locked = i.after.filter((l) => l.status.startsWith('429'));
  if (locked.length) {
    out.push(
      `- **The throttles also stop honest staff**: after the floods ${locked.map((l) => `${l.staffId} from ${l.from} got ${l.status} (Retry-After ${l.retryAfter ?? '?'} s)`).join(' and ')} ` +
        'with the right password. Whoever knows a staff id can keep that clerk out by guessing wrong (throttled after ' +
        `${ACCOUNT_THROTTLE.freeFailures} wrong passwords, locked for ${seconds(ACCOUNT_THROTTLE.lockoutMs)} at ` +
        `${ACCOUNT_THROTTLE.lockoutAfter}), and clerks behind the flooding address share its throttle.`,
    );
  }
  const d = s.full.display;
  const st = s.full.staff;
  const waiting = s.issued - s.served;
  const resent = 'sent whole on every connect and every `resync`';
  out.push(
    d.tickets < waiting
      ? `- **Snapshot size**: with ${waiting} tickets waiting, a hall display's snapshot carried ${d.tickets} tickets ` +
          `(${kb(d.bytes)}; the waiting are in the queue counts), staff's all ${st.tickets} in play (${kb(st.bytes)}), ${resent}.`
      : `- **Snapshot size follows the queue**: every ticket in play (waiting, called, serving) goes to every device, ` +
          `so ${waiting} waiting tickets made ${kb(d.bytes)} for each hall display and ${kb(st.bytes)} for staff, ${resent}.`,
    `- **Kiosk pace**: one kiosk key got ${r.probes.kioskBurst} tickets back to back, then ${r.probes.paceRefusal}. ` +
      `A clerk's token is not paced: ${s.issued} tickets took ${s.issueSeconds.toFixed(1)} s ` +
      `(${(s.issued / s.issueSeconds).toFixed(0)}/s).`,
  );
  return out.join('\n');
}

/** The tables and the flood's answers on the console. */
export function printReport(r: SecurityResults): void {
  for (const [title, rows] of [
    ['Results', resultRows(r)],
    ['Limits in force', limitRows(r)],
  ] as const) {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
    console.log(`\n${title}\n${rows.map((row) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n')}`);
  }
  const i = r.issue;
  console.log(`\nflood from one address: ${outcomes(i.oneAddress.flood)}`);
  console.log(`flood from many addresses: ${outcomes(i.manyAddresses.flood)}`);
  const s = r.snapshot;
  console.log(`${s.issued} tickets issued in ${s.issueSeconds.toFixed(1)} s (${s.refused429} answered 429)`);
  for (const l of [i.oneAddress.flood.clerkLogin, i.manyAddresses.flood.clerkLogin, ...i.after]) console.log(login(l));
}
