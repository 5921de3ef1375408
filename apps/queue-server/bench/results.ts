import type { LatencySummary } from './stats';

/** What one run of the bench measured: written to docs/performance.md by write-doc.ts. */
export interface BenchResults {
  date: string;
  command: string;
  machine: { cores: number; cpu: string; node: string; platform: string };
  settings: {
    seconds: number;
    warmupSeconds: number;
    windows: number;
    displays: number;
    kiosks: number;
    kioskGapMs: [number, number];
    clerkThinkMs: { walkUp: [number, number]; service: [number, number]; nextCall: [number, number] };
    emptyRetryMs: [number, number];
    burstSeconds: number;
    burstConcurrency: number;
  };
  hall: {
    callToDisplay: LatencySummary;
    callsPerSecond: number;
    deliveries: { expected: number; received: number };
    emptyCallsPerSecond: number;
    issue: LatencySummary;
    issuesPerSecond: number;
    errors: number;
    seqGaps: number;
    serverCpuPercent: number;
    loadProcess: { eventLoopUtilization: number; eventLoopDelayP99Ms: number };
    /** The display fleet's own process (bench/display-fleet.ts) during the measurement. */
    displayProcess: { eventLoopUtilization: number; eventLoopDelayP99Ms: number; cpuPercent: number };
  };
  limits: {
    bareSqliteTxPerSecond: number;
    burst: BurstResult;
    burstNoDisplays: BurstResult;
    durableRatio: number;
    bareSocketIo: LatencySummary & { clients: number; messages: number; intervalMs: number; bytes: number };
  };
  aims: { name: string; aim: string; result: string; pass: boolean }[];
}

export interface BurstResult {
  opsPerSecond: number;
  /** Bare SQLite tx/s measured in the slots between this burst's rounds, and the burst's share of it. */
  bareSqliteTxPerSecond: number;
  ratio: number;
  issued: number;
  errors: number;
  latency: LatencySummary;
  serverCpuPercent: number;
  /** CPU of the load (this process) and of the display process during the burst, % of one core. */
  loadCpuPercent: number;
  displayCpuPercent: number;
}
